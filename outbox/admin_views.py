"""The outgoing email list's "Retry now" action and cells (used by wagtail_hooks.py)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.ui.tables import Column

from .models import EmailStatus, OutgoingEmail
from .tasks import retry_now


class RetryColumn(Column):
    """Status, the last error, and a "Retry now" button for an email not yet sent."""

    cell_template_name = "outbox/admin/status_cell.html"

    def __init__(self, *args, retry_url_name: str, permission_policy, **kwargs):
        super().__init__(*args, **kwargs)
        self.retry_url_name = retry_url_name
        self.permission_policy = permission_policy

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        context["can_retry"] = (
            instance.status != EmailStatus.SENT
            and request is not None
            and self.permission_policy.user_has_permission(request.user, "change")
        )
        context["retry_url_name"] = self.retry_url_name
        return context


def make_retry_view(permission_policy, index_url_name: str):
    @require_POST
    def retry(request, pk):
        # "change" is the only write the outbox has: queue another attempt.
        if not permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        email = get_object_or_404(OutgoingEmail, pk=pk)
        if email.status == EmailStatus.SENT:
            messages.warning(request, _("“%(subject)s” was already sent.") % {"subject": email})
        else:
            retry_now(email)
            messages.success(
                request, _("“%(subject)s” is queued to be sent again.") % {"subject": email}
            )
        return redirect(index_url_name)

    return retry
