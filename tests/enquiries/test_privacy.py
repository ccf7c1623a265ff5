"""Retention and buyers' data requests: anonymise, export, erase."""

import datetime
import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from enquiries.models import Lead, LeadAttachment
from tests.enquiries.factories import LeadAttachmentFactory, LeadFactory, LeadLineFactory

pytestmark = pytest.mark.django_db


def test_old_leads_are_anonymised_and_keep_their_figures(settings):
    settings.LEADS_RETENTION_DAYS = 30
    old = LeadFactory(created_at=timezone.now() - datetime.timedelta(days=31), country="BR")
    LeadLineFactory(lead=old, quantity=800)
    attachment = LeadAttachmentFactory(lead=old)
    path = attachment.file.path
    recent = LeadFactory(created_at=timezone.now() - datetime.timedelta(days=29))

    out = StringIO()
    call_command("anonymise_old_leads", stdout=out)

    old.refresh_from_db()
    recent.refresh_from_db()
    assert "Anonymised 1 lead(s)" in out.getvalue()
    assert old.anonymised_at and old.name == "[removed]" and old.email.endswith("@invalid")
    assert old.phone == old.message == old.company == "" and old.ip_address is None
    assert old.country.code == "BR" and old.lines.get().quantity == 800
    assert not LeadAttachment.objects.filter(lead=old).exists()
    import os

    assert not os.path.exists(path)
    assert recent.anonymised_at is None and recent.name.startswith("Buyer")
    # Running again changes nothing.
    call_command("anonymise_old_leads", stdout=StringIO())
    assert Lead.objects.filter(anonymised_at__isnull=False).count() == 1


def test_export_one_persons_data_by_email():
    lead = LeadFactory(email="Ana@Iberica.example", name="Ana García")
    LeadLineFactory(lead=lead, sku="LM-HB-100")
    LeadFactory(email="someone@else.example")

    out = StringIO()
    call_command("buyer_data", "export", "ana@iberica.example", stdout=out)

    data = json.loads(out.getvalue())
    assert [item["reference"] for item in data["leads"]] == [lead.reference]
    assert data["leads"][0]["name"] == "Ana García"
    assert data["leads"][0]["products"][0]["sku"] == "LM-HB-100"


def test_erase_one_persons_data_by_email():
    mine = [LeadFactory(email="ana@iberica.example") for _ in range(2)]
    other = LeadFactory(email="someone@else.example")

    call_command("buyer_data", "erase", "ana@iberica.example", stdout=StringIO())

    for lead in mine:
        lead.refresh_from_db()
        assert lead.anonymised_at and "iberica" not in lead.email
    other.refresh_from_db()
    assert other.anonymised_at is None


@pytest.mark.parametrize("email", ["not-an-email", "nobody@example.com"])
def test_data_request_for_unknown_or_bad_email_is_a_clear_error(email):
    with pytest.raises(CommandError):
        call_command("buyer_data", "export", email, stdout=StringIO())
