"""Retention and buyers' data requests: anonymise, export, erase."""

import datetime
import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from enquiries.models import Lead, LeadAttachment, StripeEvent
from tests.enquiries.conftest_stripe import session_event
from tests.enquiries.factories import (
    LeadAttachmentFactory,
    LeadFactory,
    LeadLineFactory,
    LeadNoteFactory,
    PaymentFactory,
)
from tests.products.conftest import attributes, catalog, images  # noqa: F401 - fixtures
from tests.reviews.conftest import reviews_site  # noqa: F401 - fixture

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


BUYER = {
    "name": "Ana García",
    "email": "ana@iberica.example",
    "phone": "+34 600 123 456",
    "address": {"line1": "Calle Mayor 1", "city": "Valencia", "country": "ES"},
}


def stored_checkout_event(lead) -> StripeEvent:
    """A checkout.session.completed webhook as stored, with the buyer's details in it."""
    payment = PaymentFactory(lead=lead, status="paid")
    payload = session_event(
        "checkout_session_completed",
        payment,
        customer_email=BUYER["email"],
        customer_details=BUYER,
        amount_total=5000,
    )
    return StripeEvent.objects.create(
        event_id=payload["id"], event_type=payload["type"], payload=payload
    )


def test_erase_blanks_the_buyer_in_stored_stripe_events():
    lead = LeadFactory(email="ana@iberica.example", lead_type="sample")
    event = stored_checkout_event(lead)

    call_command("buyer_data", "erase", "ana@iberica.example", stdout=StringIO())

    event.refresh_from_db()
    stored = json.dumps(event.payload)
    for value in ("Ana García", "iberica", "600 123 456", "Calle Mayor", "Valencia"):
        assert value not in stored
    assert event.payload["data"]["object"]["amount_total"] == 5000


def test_export_has_the_sales_notes():
    lead = LeadFactory(email="ana@iberica.example")
    LeadNoteFactory(lead=lead, text="Called Ana, wants 500 pcs by May.")

    out = StringIO()
    call_command("buyer_data", "export", "ana@iberica.example", stdout=out)

    (exported,) = json.loads(out.getvalue())["leads"]
    assert [note["text"] for note in exported["notes"]] == ["Called Ana, wants 500 pcs by May."]


@pytest.fixture
def reviewed_lead(reviews_site, locales):  # noqa: F811 - the imported fixture
    """A won lead whose buyer wrote a verified review through the invitation, translated."""
    from reviews.models import ReviewInvitation, ReviewPage, ReviewSubmission
    from tests.conftest import translate

    lead = LeadFactory(
        email="ana@iberica.example", name="Ana García", company="Iluminación Ibérica"
    )
    index = reviews_site["reviews"]["en"]
    review = ReviewPage(
        title="Bright and reliable",
        rating=5,
        text="Forty high bays, all working.",
        reviewer_name="Ana García",
        company="Iluminación Ibérica",
        country="ES",
        verified_buyer=True,
        lead=lead,
    )
    index.add_child(instance=review)
    review.save_revision().publish()
    translate(review, locales["es"], title="Brillantes y fiables")
    ReviewSubmission.objects.create(review=review, ip_address="203.0.113.9")
    ReviewInvitation.objects.create(lead=lead, used_at=timezone.now(), review=review)
    return lead


def test_export_has_the_buyers_reviews_and_invitations(reviewed_lead):
    out = StringIO()
    call_command("buyer_data", "export", "ana@iberica.example", stdout=out)

    data = json.loads(out.getvalue())
    (review,) = data["reviews"]
    assert (review["reviewer_name"], review["company"], review["rating"]) == (
        "Ana García",
        "Iluminación Ibérica",
        5,
    )
    assert review["verified_buyer"] and review["lead"] == reviewed_lead.reference
    (invitation,) = data["review_invitations"]
    assert invitation["review"] == "Bright and reliable" and invitation["used"]


def test_erase_removes_the_buyers_name_from_their_reviews(client, reviewed_lead):
    from wagtail.models import Revision
    from wagtail_localize.models import TranslationSource

    from reviews.models import ReviewPage, ReviewSubmission

    call_command("buyer_data", "erase", "ana@iberica.example", stdout=StringIO())

    reviews = ReviewPage.objects.all()
    assert reviews.count() == 2  # the review and its Spanish translation, still published
    for review in reviews:
        assert (review.reviewer_name, review.company) == ("[removed]", "")
        assert review.live and review.text
    stored = [json.dumps(r.content) for r in Revision.page_revisions.all()]
    stored += [source.content_json for source in TranslationSource.objects.all()]
    assert not any("Ana Garc" in text or "Ibérica" in text for text in stored)
    assert not ReviewSubmission.objects.exclude(ip_address=None).exists()
    for url in ("/en/reviews/", "/es/reviews/"):
        html = client.get(url).content.decode()
        assert "Bright and reliable" in html or "Brillantes" in html
        assert "Ana García" not in html and "Iluminación Ibérica" not in html


def test_export_and_erase_cover_the_emails_sent_to_the_buyer():
    from django.core.mail import send_mail

    from outbox.models import OutgoingEmail

    LeadFactory(email="ana@iberica.example", name="Ana García")
    send_mail("How was your order, Ana García?", "Review us.", None, ["ana@iberica.example"])
    send_mail("Moderation", "A review waits.", None, ["moderator@lumetra.example"])

    out = StringIO()
    call_command("buyer_data", "export", "ana@iberica.example", stdout=out)
    assert [e["subject"] for e in json.loads(out.getvalue())["emails_sent"]] == [
        "How was your order, Ana García?"
    ]

    call_command("buyer_data", "erase", "ana@iberica.example", stdout=StringIO())

    assert list(OutgoingEmail.objects.values_list("recipients", flat=True)) == [
        "moderator@lumetra.example"
    ]
