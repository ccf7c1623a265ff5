"""Buyers' personal data in leads: retention, export on request, erasure on request.

Apps above enquiries that keep data about a lead's buyer (reviews: their reviews and
invitations) take part through `register()`: enquiries can't import them.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from outbox.models import OutgoingEmail

from .models import Lead, StripeEvent

PERSONAL_FIELDS = ("name", "company", "email", "phone", "message", "shipping_address", "topic")


@dataclass(frozen=True)
class Provider:
    # exporter(leads) -> {section: JSON-ready data}, merged into the export.
    exporter: Callable[[list[Lead]], dict] | None = None
    # eraser(lead): remove the buyer's personal data kept about this lead.
    eraser: Callable[[Lead], None] | None = None


_providers: dict[str, Provider] = {}


def register(name: str, *, exporter=None, eraser=None) -> None:
    """Have `buyer_data export/erase` cover another app's data about a lead's buyer.

    Registering the same name again replaces it (an app's ready() can run twice in tests).
    """
    _providers[name] = Provider(exporter=exporter, eraser=eraser)


def emails_to(address: str):
    """Queued and sent emails addressed to this person (review invitations, mostly).

    The outbox keeps each email's full text, the buyer's name included.
    """
    return OutgoingEmail.objects.filter(recipients__icontains=address.strip())


def leads_of(email: str):
    return Lead.objects.filter(email__iexact=email.strip()).prefetch_related(
        "lines", "payments", "attachments", "notes"
    )


def scrub_stripe_payloads(lead: Lead) -> int:
    """Blank the buyer's name, email, phone and address in the lead's Stripe events."""
    return StripeEvent.objects.scrub_for_lead(lead)


def export_person(email: str) -> dict:
    """Everything stored about the person with this email address (GDPR art. 15/20)."""
    leads = list(leads_of(email))
    data = {
        "email": email,
        "exported_at": timezone.now().isoformat(),
        "leads": [
            {
                "reference": lead.reference,
                "type": lead.lead_type,
                "received": lead.created_at.isoformat(),
                "language": lead.language,
                "country": lead.country.code,
                "consent_at": lead.consent_at.isoformat() if lead.consent_at else None,
                "ip_address": lead.ip_address,
                **{field: getattr(lead, field) for field in PERSONAL_FIELDS},
                "products": [
                    {
                        "product": line.product_title,
                        "sku": line.sku,
                        "quantity": line.quantity,
                        "unit": line.unit,
                        "incoterm": line.incoterm,
                        "destination": line.destination,
                    }
                    for line in lead.lines.all()
                ],
                "payments": [
                    {
                        "amount": str(payment.display_amount),
                        "currency": payment.currency,
                        "status": payment.status,
                        "created": payment.created_at.isoformat(),
                    }
                    for payment in lead.payments.all()
                ],
                "attachments": [attachment.original_name for attachment in lead.attachments.all()],
                # Sales' notes are about the buyer: part of what is stored about them.
                "notes": [
                    {"text": note.text, "created": note.created_at.isoformat()}
                    for note in lead.notes.all()
                ],
            }
            for lead in leads
        ],
    }
    data["emails_sent"] = [
        {"subject": email.subject, "queued": email.created_at.isoformat(), "status": email.status}
        for email in emails_to(email).order_by("created_at")
    ]
    for provider in _providers.values():
        if provider.exporter is not None:
            data.update(provider.exporter(leads))
    return data


@transaction.atomic
def anonymise(lead: Lead) -> None:
    """Strip a lead of everything that identifies the person; keep the business figures.

    Country, products, quantities, dates and payment amounts stay, so the dashboard
    and sales statistics remain true; attachments are deleted from disk; the Stripe
    events keep their amounts and ids but lose the buyer's name, email and address.
    """
    scrub_stripe_payloads(lead)
    for attachment in lead.attachments.all():
        attachment.file.delete(save=False)
        attachment.delete()
    lead.notes.update(text="[removed]")
    lead.name = "[removed]"
    lead.company = ""
    lead.email = f"removed-{lead.reference.lower()}@invalid"
    lead.phone = ""
    lead.message = ""
    lead.shipping_address = ""
    lead.topic = ""
    lead.ip_address = None
    lead.submission_token = None
    lead.anonymised_at = timezone.now()
    lead.save()


def anonymise_older_than(days: int) -> int:
    cutoff = timezone.now() - timezone.timedelta(days=days)
    leads = Lead.objects.filter(created_at__lt=cutoff, anonymised_at__isnull=True)
    count = 0
    for lead in leads.iterator():
        anonymise(lead)
        count += 1
    return count


def erase_person(email: str) -> int:
    """Anonymise the person's leads and what other apps keep about them (their reviews)."""
    count = 0
    for lead in leads_of(email):
        with transaction.atomic():
            for provider in _providers.values():
                if provider.eraser is not None:
                    provider.eraser(lead)
            anonymise(lead)
        count += 1
    emails_to(email).delete()
    return count
