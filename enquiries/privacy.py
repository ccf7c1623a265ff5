"""Buyers' personal data in leads: retention, export on request, erasure on request."""

from django.db import transaction
from django.utils import timezone

from .models import Lead

PERSONAL_FIELDS = ("name", "company", "email", "phone", "message", "shipping_address", "topic")


def leads_of(email: str):
    return Lead.objects.filter(email__iexact=email.strip()).prefetch_related(
        "lines", "payments", "attachments"
    )


def export_person(email: str) -> dict:
    """Everything stored about the person with this email address (GDPR art. 15/20)."""
    return {
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
            }
            for lead in leads_of(email)
        ],
    }


@transaction.atomic
def anonymise(lead: Lead) -> None:
    """Strip a lead of everything that identifies the person; keep the business figures.

    Country, products, quantities, dates and payment amounts stay, so the dashboard
    and sales statistics remain true; attachments are deleted from disk.
    """
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
    count = 0
    for lead in leads_of(email):
        anonymise(lead)
        count += 1
    return count
