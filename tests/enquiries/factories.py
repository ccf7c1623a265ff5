"""Lead factories shared by the enquiries tests."""

import factory
from django.utils import timezone

from enquiries.models import (
    Lead,
    LeadActivity,
    LeadAttachment,
    LeadLine,
    LeadNote,
    Payment,
    PaymentStatus,
)


class LeadFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Buyer {n}")
    company = factory.Sequence(lambda n: f"Importer {n} GmbH")
    email = factory.Sequence(lambda n: f"buyer{n}@example.com")
    phone = "+49 30 1234567"
    country = "DE"
    message = "Please quote 500 pcs FOB Ningbo."
    topic = "Quotation"
    language = "en"
    consent_at = factory.LazyFunction(timezone.now)
    created_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Lead


class LeadLineFactory(factory.django.DjangoModelFactory):
    lead = factory.SubFactory(LeadFactory)
    product = None
    product_title = factory.Sequence(lambda n: f"LED high bay {n:03d}")
    sku = factory.Sequence(lambda n: f"LM-L-{n:04d}")
    quantity = 500
    unit = "pcs"
    incoterm = "FOB"
    destination = "Hamburg"

    class Meta:
        model = LeadLine


class LeadAttachmentFactory(factory.django.DjangoModelFactory):
    lead = factory.SubFactory(LeadFactory)
    file = factory.django.FileField(filename="drawing.pdf", data=b"%PDF-1.4 test drawing")
    original_name = "drawing.pdf"
    content_type = "application/pdf"
    size = factory.LazyAttribute(lambda o: o.file.size)

    class Meta:
        model = LeadAttachment


class LeadNoteFactory(factory.django.DjangoModelFactory):
    lead = factory.SubFactory(LeadFactory)
    author = None
    text = "Called the buyer, sending a quote tomorrow."

    class Meta:
        model = LeadNote


class LeadActivityFactory(factory.django.DjangoModelFactory):
    lead = factory.SubFactory(LeadFactory)
    user = None
    action = "status"
    old_value = "new"
    new_value = "contacted"

    class Meta:
        model = LeadActivity


class PaymentFactory(factory.django.DjangoModelFactory):
    lead = factory.SubFactory(LeadFactory, lead_type="sample")
    status = PaymentStatus.PENDING
    amount = 5000
    currency = "USD"
    idempotency_key = factory.Sequence(lambda n: f"test-payment-{n}")
    stripe_session_id = factory.Sequence(lambda n: f"cs_test_{n:06d}")
    stripe_payment_intent_id = factory.Sequence(lambda n: f"pi_test_{n:06d}")

    class Meta:
        model = Payment
