from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .leads import Lead


class PaymentStatus(models.TextChoices):
    NOT_REQUESTED = "not_requested", _("Deposit not requested")
    # Contexts: the same English words name email and certificate states elsewhere.
    PENDING = "pending", pgettext_lazy("payment status", "Pending")
    PAID = "paid", pgettext_lazy("payment status", "Paid")
    FAILED = "failed", pgettext_lazy("payment status", "Failed")
    EXPIRED = "expired", pgettext_lazy("payment status", "Expired")
    PARTIALLY_REFUNDED = "partially_refunded", pgettext_lazy("payment status", "Partially refunded")
    REFUNDED = "refunded", pgettext_lazy("payment status", "Refunded")


# A payment can only move forward along this order, so a late or replayed webhook
# (say "expired" after "paid") never takes a payment back.
STATUS_RANK = {
    PaymentStatus.NOT_REQUESTED: 0,
    PaymentStatus.PENDING: 1,
    PaymentStatus.FAILED: 2,
    PaymentStatus.EXPIRED: 2,
    PaymentStatus.PAID: 3,
    # A further partial refund stays at this rank and only raises amount_refunded.
    PaymentStatus.PARTIALLY_REFUNDED: 4,
    PaymentStatus.REFUNDED: 5,
}


class Payment(models.Model):
    """A sample deposit paid through Stripe Checkout. Never holds card data."""

    lead = models.ForeignKey(Lead, on_delete=models.CASCADE, related_name="payments")
    status = models.CharField(
        _("status"), max_length=20, choices=PaymentStatus.choices, default=PaymentStatus.PENDING
    )
    # Minor units (cents), as Stripe counts them.
    amount = models.PositiveIntegerField(_("amount (minor units)"))
    # Stripe's running total for the charge, in the same minor units; only ever grows.
    amount_refunded = models.PositiveIntegerField(_("amount refunded (minor units)"), default=0)
    currency = models.CharField(_("currency"), max_length=3)
    idempotency_key = models.CharField(max_length=64, unique=True)
    stripe_session_id = models.CharField(
        _("Checkout session"), max_length=255, unique=True, null=True, blank=True
    )
    stripe_payment_intent_id = models.CharField(_("payment intent"), max_length=255, blank=True)
    checkout_url = models.URLField(max_length=1000, blank=True)
    livemode = models.BooleanField(default=False)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    paid_at = models.DateTimeField(_("paid at"), null=True, blank=True)
    refunded_at = models.DateTimeField(_("refunded at"), null=True, blank=True)

    class Meta:
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.display_amount} {self.currency} ({self.get_status_display()})"

    @property
    def display_amount(self):
        from ..money import from_minor_units

        return from_minor_units(self.amount, self.currency)

    @property
    def display_amount_refunded(self):
        from ..money import from_minor_units

        return from_minor_units(self.amount_refunded, self.currency)

    @property
    def dashboard_url(self) -> str:
        if not self.stripe_payment_intent_id:
            return ""
        prefix = "" if self.livemode else "test/"
        return f"https://dashboard.stripe.com/{prefix}payments/{self.stripe_payment_intent_id}"

    def advance_to(self, status: str, **fields) -> bool:
        """Move to `status` unless the payment is already further along. True if it moved."""
        if STATUS_RANK[status] < STATUS_RANK[self.status]:
            return False
        self.status = status
        for name, value in fields.items():
            setattr(self, name, value)
        if status == PaymentStatus.PAID and self.paid_at is None:
            self.paid_at = timezone.now()
        if status == PaymentStatus.REFUNDED and self.refunded_at is None:
            self.refunded_at = timezone.now()
        return True

    def record_refund(self, amount_refunded: int, *, full: bool) -> bool:
        """Take Stripe's running refund total for the charge; True if anything changed.

        Events can arrive in any order, so a smaller total than the one already
        recorded is an older event and changes nothing.
        """
        amount_refunded = min(max(amount_refunded, self.amount_refunded), self.amount)
        full = full or 0 < self.amount <= amount_refunded
        if full:
            amount_refunded = self.amount
        elif amount_refunded <= 0:
            return False
        before = (self.status, self.amount_refunded)
        status = PaymentStatus.REFUNDED if full else PaymentStatus.PARTIALLY_REFUNDED
        if self.advance_to(status):
            self.amount_refunded = amount_refunded
        return (self.status, self.amount_refunded) != before


# Keys under which Stripe objects carry a person's details (Checkout's
# customer_details, a charge's billing_details, shipping, ...).
PERSONAL_KEYS = frozenset(
    {
        "name",
        "email",
        "customer_email",
        "receipt_email",
        "phone",
        "address",
        "tax_ids",
        "individual",
    }
)


def _scrubbed(value):
    if isinstance(value, dict):
        return {
            key: (None if key in PERSONAL_KEYS else _scrubbed(item)) for key, item in value.items()
        }
    if isinstance(value, list):
        return [_scrubbed(item) for item in value]
    return value


class StripeEventQuerySet(models.QuerySet):
    def for_lead(self, lead: Lead) -> "StripeEventQuerySet":
        """Events about the lead's payments: their sessions, payment intents or our metadata."""
        sessions = [p.stripe_session_id for p in lead.payments.all() if p.stripe_session_id]
        intents = [p.stripe_payment_intent_id for p in lead.payments.all()]
        intents = [intent for intent in intents if intent]
        return self.filter(
            models.Q(payload__data__object__id__in=sessions + intents)
            | models.Q(payload__data__object__payment_intent__in=intents)
            | models.Q(payload__data__object__metadata__lead_reference=lead.reference)
            | models.Q(payload__data__object__client_reference_id=lead.reference)
        )

    def scrub_for_lead(self, lead: Lead) -> int:
        """Blank names, emails, phones and addresses in the lead's stored events.

        Amounts, ids and states stay, so the payment history still adds up.
        Returns how many events changed.
        """
        changed = 0
        with transaction.atomic(using=self.db):
            for event in self.for_lead(lead).select_for_update():
                scrubbed = _scrubbed(event.payload)
                if scrubbed != event.payload:
                    event.payload = scrubbed
                    event.save(update_fields=["payload"])
                    changed += 1
        return changed


class StripeEvent(models.Model):
    """Each webhook event once: Stripe retries and may deliver an event twice."""

    event_id = models.CharField(max_length=255, unique=True)
    event_type = models.CharField(max_length=100)
    payload = models.JSONField()
    received_at = models.DateTimeField(default=timezone.now)

    objects = StripeEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("Stripe event")
        verbose_name_plural = _("Stripe events")
        ordering = ["-received_at"]

    def __str__(self):
        return f"{self.event_type} {self.event_id}"
