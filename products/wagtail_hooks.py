import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import CertificationPage, SpecificationAttribute

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


def certificates_needing_attention(today: datetime.date | None = None):
    """Live certificates (any language) that expired or expire within 60 days."""
    today = today or timezone.localdate()
    return (
        CertificationPage.objects.live()
        .filter(
            valid_until__isnull=False,
            valid_until__lte=today + datetime.timedelta(days=EXPIRY_WARNING_DAYS),
        )
        .select_related("locale")
        .order_by("valid_until", "title")
    )


class ExpiringCertificatesPanel(Component):
    name = "expiring_certificates"
    template_name = "products/admin/expiring_certificates_panel.html"
    order = 50

    def get_context_data(self, parent_context=None):
        today = timezone.localdate()
        rows = [
            {"page": cert, "days_left": (cert.valid_until - today).days}
            for cert in certificates_needing_attention(today)
        ]
        return {"rows": rows, "warning_days": EXPIRY_WARNING_DAYS}


@hooks.register("construct_homepage_panels")
def add_expiring_certificates_panel(request, panels):
    if request.user.has_perm("wagtailcore.change_page") or request.user.is_superuser:
        panels.append(ExpiringCertificatesPanel())
