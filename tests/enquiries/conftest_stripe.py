"""Stripe fixtures: a fake Stripe API server, settings pointing at it, signed webhooks.

    from tests.enquiries.conftest_stripe import fake_stripe, signed_webhook, stripe_settings

`stripe_settings` configures keys and STRIPE_API_BASE for the fake (and starts it);
`fake_stripe` is the server itself (sessions, recorded requests, `fail()`);
`signed_webhook(event)` posts an event to the webhook signed as Stripe signs it.
Event payloads are JSON files in data/, loaded with `load_event`.
"""

import copy
import hashlib
import hmac
import json
import time
from decimal import Decimal
from pathlib import Path

import pytest
from django.urls import reverse

from enquiries.models import Lead, LeadLine, LeadType
from tests.enquiries.fake_stripe import FakeStripe

DATA_DIR = Path(__file__).resolve().parent / "data"
SECRET_KEY = "sk_test_fake"
WEBHOOK_SECRET = "whsec_test_secret"


def load_event(name: str, *, event_id: str | None = None, **fields) -> dict:
    """The event in data/<name>.json, its `data.object` updated with `fields`."""
    event = json.loads((DATA_DIR / f"{name}.json").read_text())
    if event_id:
        event["id"] = event_id
    event["data"]["object"].update(copy.deepcopy(fields))
    return event


def session_event(name: str, payment, **fields) -> dict:
    """A checkout.session.* event about `payment`'s session, with the metadata we send."""
    fields.setdefault("id", payment.stripe_session_id)
    fields.setdefault(
        "metadata", {"lead_reference": payment.lead.reference, "payment_id": str(payment.pk)}
    )
    fields.setdefault("client_reference_id", payment.lead.reference)
    return load_event(name, **fields)


def stripe_signature(body: bytes, secret: str, timestamp: int | None = None) -> str:
    """The Stripe-Signature header: HMAC-SHA256 of "<timestamp>.<body>" under the secret."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    signed = f"{timestamp}.".encode() + body
    digest = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def make_sample_lead(*deposits, language="es", **fields) -> Lead:
    """A saved sample order; each deposit is ("80.00", "USD") or (None, "") for no deposit."""
    fields = {
        "name": "Anna Buyer",
        "email": "buyer@example.com",
        "country": "DE",
        "lead_type": LeadType.SAMPLE,
        "language": language,
        **fields,
    }
    lead = Lead.objects.create(**fields)
    for number, (deposit, currency) in enumerate(deposits, start=1):
        LeadLine.objects.create(
            lead=lead,
            product_title=f"UFO LED high bay {number}00 W",
            sku=f"LM-HB-{number}00",
            sample_deposit=Decimal(deposit) if deposit is not None else None,
            sample_currency=currency,
        )
    return lead


@pytest.fixture
def fake_stripe():
    server = FakeStripe(api_key=SECRET_KEY).start()
    yield server
    server.stop()


@pytest.fixture
def stripe_settings(settings, fake_stripe):
    settings.STRIPE_SECRET_KEY = SECRET_KEY
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.STRIPE_API_BASE = fake_stripe.url
    return settings


@pytest.fixture
def signed_webhook(client, settings):
    """post(event, *, timestamp=None, secret=None, signature=None) → the webhook's response.

    `event` is a dict (sent as JSON), str or bytes; `signature` replaces the header
    entirely (pass "" to send none).
    """
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET

    def post(event, *, timestamp=None, secret=WEBHOOK_SECRET, signature=None):
        if isinstance(event, dict):
            event = json.dumps(event)
        body = event.encode() if isinstance(event, str) else event
        if signature is None:
            signature = stripe_signature(body, secret, timestamp)
        headers = {"Stripe-Signature": signature} if signature else {}
        return client.post(
            reverse("stripe_webhook"), body, content_type="application/json", headers=headers
        )

    return post
