from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="list-ul")
class CatalogSettings(BaseSiteSetting):
    MARK_EXPIRED = "mark"
    HIDE_EXPIRED = "hide"

    expired_certificates = models.CharField(
        _("expired certificates"),
        max_length=10,
        choices=[
            (MARK_EXPIRED, _("Show them, clearly marked as expired")),
            (HIDE_EXPIRED, _("Hide them from product pages and lists")),
        ],
        default=MARK_EXPIRED,
    )
    certificate_alert_email = models.EmailField(
        _("certificate alert email"),
        blank=True,
        help_text=_("Receives a reminder 30 days before a certificate expires."),
    )
    products_per_page = models.PositiveSmallIntegerField(_("products per page"), default=12)

    panels = [
        FieldPanel("expired_certificates"),
        FieldPanel("certificate_alert_email"),
        FieldPanel("products_per_page"),
    ]

    class Meta:
        verbose_name = _("catalog")

    @property
    def hide_expired(self) -> bool:
        return self.expired_certificates == self.HIDE_EXPIRED
