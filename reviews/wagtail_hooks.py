from django.urls import path
from wagtail import hooks

from .admin_views import send_invitation_view


@hooks.register("register_admin_urls")
def register_review_invitation_url():
    return [
        path(
            "reviews/invite/<int:lead_pk>/",
            send_invitation_view,
            name="reviews_send_invitation",
        ),
    ]
