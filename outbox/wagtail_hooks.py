"""Settings > Outgoing email: what the site sent, what is waiting, what failed."""

from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet

from .admin_views import RetryColumn, make_retry_view
from .models import OutgoingEmail


class OutgoingEmailViewSet(ModelViewSet):
    """A read-only log written by the mail backend; superusers (or a group given the
    "change outgoing email" permission) may retry an email now.
    """

    model = OutgoingEmail
    name = "outgoing_email"
    icon = "mail"
    menu_label = _("Outgoing email")
    add_to_settings_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    list_filter = ["status"]
    search_fields = ["subject", "recipients"]
    search_backend_name = None
    ordering = "-created_at"
    list_per_page = 50
    inspect_view_fields = [
        "subject",
        "from_email",
        "recipients",
        "status",
        "attempts",
        "last_error",
        "created_at",
        "next_attempt_at",
        "sent_at",
        "body",
    ]

    @cached_property
    def list_display(self):
        return [
            "subject",
            Column("recipients", label=_("Recipients")),
            RetryColumn(
                "status",
                label=_("Status"),
                sort_key="status",
                retry_url_name=self.get_url_name("retry"),
                permission_policy=self.permission_policy,
            ),
            Column("attempts", label=_("Attempts"), sort_key="attempts"),
            DateColumn("created_at", label=_("Queued at"), sort_key="created_at"),
            DateColumn("sent_at", label=_("Sent at"), sort_key="sent_at"),
        ]

    def get_common_view_kwargs(self, **kwargs):
        # Rows are written by the mail backend and the worker only.
        return super().get_common_view_kwargs(
            **{
                "add_url_name": None,
                "edit_url_name": None,
                "delete_url_name": None,
                "history_url_name": None,
                "usage_url_name": None,
                **kwargs,
            }
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path(
                "<int:pk>/retry/",
                make_retry_view(self.permission_policy, self.get_url_name("index")),
                name="retry",
            ),
        ]


@hooks.register("register_admin_viewset")
def register_outgoing_email_viewset():
    return OutgoingEmailViewSet()
