import secrets
import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField

from products.models import CURRENCY_CHOICES, INCOTERM_CHOICES

from ..storage import private_storage


class LeadType(models.TextChoices):
    ENQUIRY = "enquiry", _("Enquiry (RFQ)")
    SAMPLE = "sample", _("Sample order")


class LeadStatus(models.TextChoices):
    NEW = "new", _("New")
    CONTACTED = "contacted", _("Contacted")
    QUOTED = "quoted", _("Quoted")
    SAMPLE_SENT = "sample_sent", _("Sample sent")
    WON = "won", _("Won")
    LOST = "lost", _("Lost")
    SPAM = "spam", _("Spam")
    # reCAPTCHA could not be asked (Google unreachable): a real buyer as likely as not.
    UNVERIFIED = "unverified", _("Unverified")


class NotificationStatus(models.TextChoices):
    # Contexts: "Pending"/"Failed" also name payment states, which other languages word differently.
    PENDING = "pending", pgettext_lazy("notification status", "Pending")
    SENT = "sent", pgettext_lazy("notification status", "Sent")
    FAILED = "failed", pgettext_lazy("notification status", "Failed")


def new_reference() -> str:
    # Unambiguous characters only: buyers read references out on the phone.
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "Q-" + "".join(secrets.choice(alphabet) for _ in range(8))


# Payment.status values of a deposit the buyer paid (enquiries.models.payments imports
# this module, so the values are spelled out).
BOUGHT_PAYMENT_STATUSES = ("paid", "partially_refunded")


class LeadQuerySet(models.QuerySet):
    def overdue(self, now=None):
        now = now or timezone.now()
        deadline = now - timezone.timedelta(hours=settings.LEADS_RESPONSE_SLA_HOURS)
        return self.filter(
            first_response_at__isnull=True, created_at__lt=deadline, anonymised_at__isnull=True
        ).exclude(status=LeadStatus.SPAM)


class Lead(models.Model):
    """A buyer's enquiry or sample order: what sales works in the inbox."""

    reference = models.CharField(
        _("reference"), max_length=12, unique=True, default=new_reference, editable=False
    )
    lead_type = models.CharField(
        _("type"), max_length=10, choices=LeadType.choices, default=LeadType.ENQUIRY
    )
    status = models.CharField(
        _("status"), max_length=12, choices=LeadStatus.choices, default=LeadStatus.NEW
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="leads",
    )

    name = models.CharField(pgettext_lazy("person", "name"), max_length=120)
    company = models.CharField(_("company"), max_length=160, blank=True)
    email = models.EmailField(_("email"), max_length=254, db_index=True)
    phone = models.CharField(_("phone / WhatsApp"), max_length=40, blank=True)
    country = CountryField(_("country"))
    message = models.TextField(_("message"), max_length=5000, blank=True)
    shipping_address = models.TextField(_("shipping address"), max_length=1000, blank=True)
    topic = models.CharField(_("topic"), max_length=160, blank=True)
    language = models.CharField(_("language"), max_length=10, default="en")
    source_url = models.CharField(_("sent from"), max_length=500, blank=True)

    consent_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    # One lead per rendered form: a double click or a browser resubmission finds it.
    submission_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    spam_reason = models.CharField(_("spam reason"), max_length=200, blank=True)
    recaptcha_score = models.FloatField(_("reCAPTCHA score"), null=True, blank=True)

    notification_status = models.CharField(
        _("sales notification"),
        max_length=10,
        choices=NotificationStatus.choices,
        default=NotificationStatus.PENDING,
    )
    notification_attempts = models.PositiveSmallIntegerField(default=0)
    notification_error = models.TextField(_("notification error"), blank=True)
    acknowledgement_sent_at = models.DateTimeField(null=True, blank=True)

    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    first_response_at = models.DateTimeField(_("first response"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)

    objects = LeadQuerySet.as_manager()

    class Meta:
        verbose_name = _("lead")
        verbose_name_plural = _("leads")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "-created_at"])]
        permissions = [("export_lead", _("Can export leads"))]

    def __str__(self):
        return f"{self.reference} – {self.company or self.name}"

    @property
    def response_time(self):
        if self.first_response_at is None:
            return None
        return self.first_response_at - self.created_at

    @property
    def is_overdue(self) -> bool:
        if self.first_response_at or self.status == LeadStatus.SPAM:
            return False
        sla = timezone.timedelta(hours=settings.LEADS_RESPONSE_SLA_HOURS)
        return timezone.now() - self.created_at > sla

    @property
    def has_bought(self) -> bool:
        """Won, or paid a sample deposit (and kept some of it): a buyer of the supplier."""
        if self.status == LeadStatus.WON:
            return True
        # all(): the payments prefetched by the lead's admin page, if they were.
        return any(payment.status in BOUGHT_PAYMENT_STATUSES for payment in self.payments.all())

    def get_admin_url(self) -> str:
        return reverse("leads:inspect", args=[self.pk])


class LeadLine(models.Model):
    """One product asked about: a snapshot, so renaming the product keeps the lead readable."""

    lead = models.ForeignKey(Lead, on_delete=models.CASCADE, related_name="lines")
    product = models.ForeignKey(
        "products.ProductPage",
        verbose_name=_("product"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="lead_lines",
    )
    product_title = models.CharField(_("product"), max_length=255)
    sku = models.CharField(_("SKU"), max_length=64, blank=True)
    quantity = models.PositiveIntegerField(_("quantity"), null=True, blank=True)
    unit = models.CharField(_("unit"), max_length=30, blank=True)
    target_price = models.DecimalField(
        _("target price"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    target_currency = models.CharField(
        _("currency"), max_length=3, choices=CURRENCY_CHOICES, blank=True
    )
    incoterm = models.CharField(_("incoterm"), max_length=3, choices=INCOTERM_CHOICES, blank=True)
    destination = models.CharField(_("destination port or city"), max_length=120, blank=True)
    sample_deposit = models.DecimalField(
        _("sample deposit"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    sample_currency = models.CharField(_("sample currency"), max_length=3, blank=True)

    class Meta:
        verbose_name = _("product line")
        verbose_name_plural = _("product lines")
        ordering = ["pk"]

    def __str__(self):
        return f"{self.product_title} ({self.sku})" if self.sku else self.product_title


def attachment_path(instance, filename):
    """A random folder and a short name of our own making; the buyer's name is `original_name`.

    The buyer's file name is not used on disk: a long one, or one with many dots
    ("spec.v2.final...pdf"), can't be shortened to fit the column
    (SuspiciousFileOperation), and it is the buyer's text, not a path.
    """
    stem, dot, extension = filename.rpartition(".")
    stem = slugify(stem)[:40] or "attachment"
    extension = slugify(extension)[:10] if dot else ""
    name = f"{stem}.{extension}" if extension else stem
    return f"leads/{timezone.now():%Y/%m}/{uuid.uuid4().hex}/{name}"


class LeadAttachment(models.Model):
    lead = models.ForeignKey(Lead, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to=attachment_path, storage=private_storage)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveIntegerField(_("size (bytes)"))
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["pk"]

    def __str__(self):
        return self.original_name

    def get_download_url(self) -> str:
        return reverse("leads_attachment", args=[self.pk])


class LeadNote(models.Model):
    lead = models.ForeignKey(Lead, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("note"), max_length=5000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("note")
        verbose_name_plural = _("notes")
        ordering = ["-created_at"]

    def __str__(self):
        return self.text[:60]


class LeadActivity(models.Model):
    """Audit log: who changed a lead's status or owner, replied, or sent what, and when."""

    lead = models.ForeignKey(Lead, on_delete=models.CASCADE, related_name="activities")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(_("action"), max_length=40)
    old_value = models.CharField(_("from"), max_length=200, blank=True)
    new_value = models.CharField(_("to"), max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.action}: {self.old_value} → {self.new_value}"
