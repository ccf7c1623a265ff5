from django.urls import path
from wagtail import hooks

from .admin_views import send_invitation_view
from .moderation import stale_workflow_action


@hooks.register("register_admin_urls")
def register_review_invitation_url():
    return [
        path(
            "reviews/invite/<int:lead_pk>/",
            send_invitation_view,
            name="reviews_send_invitation",
        ),
    ]


@hooks.register("before_edit_page")
def refuse_stale_workflow_action(request, page):
    return stale_workflow_action(request, page)
