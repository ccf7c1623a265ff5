import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import CertificationPage, SpecificationAttribute
from .models.certifications import one_per_certificate

EXPIRY_WARNING_DAYS = 60


class SpecificationAttributeViewSet(SnippetViewSet):
    model = SpecificationAttribute
    icon = "list-ol"
    menu_label = _("Specifications")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "key", "default_unit", "filterable"]
    list_filter = ["filterable", "locale"]
    search_fields = ["name"]


register_snippet(SpecificationAttributeViewSet)


def certificates_needing_attention(today: datetime.date | None = None, user=None):
    """Live certificates that expired or expire within 60 days, each once (not per language).

    With `user`: only those the user may edit (the panel links to the editor).
    """
    today = today or timezone.localdate()
    certificates = CertificationPage.objects.live().filter(
        valid_until__isnull=False,
        valid_until__lte=today + datetime.timedelta(days=EXPIRY_WARNING_DAYS),
    )
    if user is not None:
        editable = PagePermissionPolicy().instances_user_has_any_permission_for(user, ["change"])
        certificates = certificates.filter(pk__in=editable.values("pk"))
    return one_per_certificate(certificates.order_by("valid_until", "title"))


def can_edit_certificates(user) -> bool:
    """Page permissions are per tree (GroupPagePermission), not model permissions."""
    return user.is_active and PagePermissionPolicy().user_has_any_permission(user, ["change"])


class ExpiringCertificatesPanel(Component):
    name = "expiring_certificates"
    template_name = "products/admin/expiring_certificates_panel.html"
    order = 50

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        today = timezone.localdate()
        rows = [
            {"page": cert, "days_left": (cert.valid_until - today).days}
            for cert in certificates_needing_attention(today, user=self.user)
        ]
        return {"rows": rows, "warning_days": EXPIRY_WARNING_DAYS}


@hooks.register("construct_homepage_panels")
def add_expiring_certificates_panel(request, panels):
    if can_edit_certificates(request.user):
        panels.append(ExpiringCertificatesPanel(request.user))
