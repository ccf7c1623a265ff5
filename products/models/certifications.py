import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Locale, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.models import BasePage

STANDARD_CHOICES = [
    ("CE", "CE"),
    ("FDA", "FDA"),
    ("ISO9001", "ISO 9001"),
    ("ISO13485", "ISO 13485"),
    ("RoHS", "RoHS"),
    ("FCC", "FCC"),
    ("UKCA", "UKCA"),
    ("REACH", "REACH"),
    ("OTHER", pgettext_lazy("certification standard", "Other")),
]


def one_per_certificate(certificates) -> list:
    """Each certificate once, whatever its translations, in the queryset's order.

    The default language's page stands for the certificate; a certificate written only
    in other languages is shown by its first page.
    """
    default_locale = Locale.get_default()
    chosen = {}
    for cert in certificates.order_by("pk"):
        current = chosen.get(cert.translation_key)
        if current is None or (
            cert.locale_id == default_locale.pk and current.locale_id != default_locale.pk
        ):
            chosen[cert.translation_key] = cert
    keep = {cert.pk for cert in chosen.values()}
    return [cert for cert in certificates if cert.pk in keep]


class CertificationIndexPage(BasePage):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["products.CertificationPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("certification index page")

    def get_context(self, request, *args, **kwargs):
        from products.catalog import visible_certifications

        context = super().get_context(request, *args, **kwargs)
        context["certifications"] = visible_certifications(
            CertificationPage.objects.child_of(self).live().select_related("logo"), request
        )
        return context


class CertificationPage(BasePage):
    standard = models.CharField(_("standard"), max_length=10, choices=STANDARD_CHOICES)
    other_standard = models.CharField(
        _("other standard"),
        max_length=80,
        blank=True,
        help_text=_("Name of the standard when it is not listed."),
    )
    certificate_number = models.CharField(_("certificate number"), max_length=80)
    issuer = models.CharField(_("issuing or notified body"), max_length=160)
    scope = models.TextField(_("scope"), blank=True)
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(
        _("valid until"), null=True, blank=True, help_text=_("Leave empty if it does not expire.")
    )
    certificate_pdf = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("certificate PDF"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    verification_url = models.URLField(
        _("verification URL"),
        blank=True,
        help_text=_("Where a buyer can check the certificate at the issuer."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Set by `notify_expiring_certificates` so a reminder goes out once per expiry date,
    # before it (expiry_...) and once after it (expired_...).
    expiry_reminder_sent_for = models.DateField(null=True, blank=True, editable=False)
    expired_reminder_sent_for = models.DateField(null=True, blank=True, editable=False)

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("standard"), FieldPanel("other_standard")]),
        FieldRowPanel([FieldPanel("certificate_number"), FieldPanel("issuer")]),
        FieldPanel("scope"),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")]),
        MultiFieldPanel(
            [FieldPanel("certificate_pdf"), FieldPanel("verification_url"), FieldPanel("logo")],
            heading=_("Proof"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("certificate_number"),
        index.SearchField("issuer"),
        index.SearchField("scope"),
    ]
    override_translatable_fields = [
        SynchronizedField("certificate_number"),
        SynchronizedField("valid_from"),
        SynchronizedField("valid_until"),
    ]
    parent_page_types = ["products.CertificationIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("certification page")

    @property
    def standard_label(self) -> str:
        if self.standard == "OTHER" and self.other_standard:
            return self.other_standard
        return self.get_standard_display()

    def is_expired(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.valid_until is not None and self.valid_until < today

    @property
    def certificate_expired(self) -> bool:
        return self.is_expired()

    def clean(self):
        super().clean()
        if self.valid_until and self.valid_from and self.valid_until < self.valid_from:
            raise ValidationError(
                {"valid_until": _("A certificate cannot expire before it is valid.")}
            )
        if self.standard == "OTHER" and not self.other_standard:
            raise ValidationError({"other_standard": _("Name the standard.")})

    def get_context(self, request, *args, **kwargs):
        from products.models import ProductPage

        context = super().get_context(request, *args, **kwargs)
        context["products"] = (
            ProductPage.objects.live()
            .filter(locale_id=self.locale_id, certifications__translation_key=self.translation_key)
            .distinct()
            .order_by("title")
            .prefetch_related(*ProductPage.card_prefetches())
        )
        return context
