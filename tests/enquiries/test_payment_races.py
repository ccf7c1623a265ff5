"""Stripe events racing each other, with real threads on PostgreSQL.

Each pair of deliveries starts from a threading.Barrier, so both requests are in
the webhook view (and in their transactions) at the same moment, the way two of
Stripe's deliveries or a delivery and a `reconcile_payments` run can be.
The tests commit for real (transaction=True): row and advisory locks only mean
something between separate connections.
"""

import json

import pytest
from django.db import connection  # noqa: F401 - read by the skipif condition
from django.test import Client
from django.urls import reverse

from enquiries.models import Payment, PaymentStatus, StripeEvent
from enquiries.payments import refresh_from_stripe
from tests.concurrency import at_once
from tests.enquiries import conftest_stripe
from tests.enquiries.conftest_stripe import (
    WEBHOOK_SECRET,
    load_event,
    make_sample_lead,
    session_event,
    stripe_signature,
)

fake_stripe = conftest_stripe.fake_stripe
stripe_settings = conftest_stripe.stripe_settings

pytestmark = [
    # serialized_rollback: the flush after each test would also take the rows that
    # migrations create (the Wagtail site, the sales group) from later tests.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif("connection.vendor != 'postgresql'", reason="row locks need PostgreSQL"),
]

PAIRS = 25


def post_signed(event: dict):
    body = json.dumps(event).encode()
    return Client().post(
        reverse("stripe_webhook"),
        body,
        content_type="application/json",
        headers={"Stripe-Signature": stripe_signature(body, WEBHOOK_SECRET)},
    )


def new_payment(number: int) -> Payment:
    return Payment.objects.create(
        lead=make_sample_lead(("132.00", "USD")),
        amount=13200,
        currency="USD",
        idempotency_key=f"deposit-race-{number}",
        stripe_session_id=f"cs_test_race_{number:04d}",
    )


def completed(payment: Payment, intent: str) -> dict:
    event = session_event("checkout_session_completed", payment, payment_intent=intent)
    event["id"] = f"evt_completed_{payment.pk}"
    event["data"]["object"]["amount_total"] = payment.amount
    return event


def refunded(payment: Payment, intent: str, amount: int | None = None) -> dict:
    amount = payment.amount if amount is None else amount
    return load_event(
        "charge_refunded",
        event_id=f"evt_refunded_{payment.pk}_{amount}",
        payment_intent=intent,
        amount=payment.amount,
        amount_captured=payment.amount,
        amount_refunded=amount,
        refunded=amount == payment.amount,
    )


def test_a_refund_and_the_completion_at_the_same_instant_end_refunded(settings):
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    outcomes = []
    for number in range(PAIRS):
        payment = new_payment(number)
        intent = f"pi_race_{number:04d}"
        # Both orders of starting, so neither side always wins the race.
        first, second = completed(payment, intent), refunded(payment, intent)
        if number % 2:
            first, second = second, first

        responses = at_once(lambda e=first: post_signed(e), lambda e=second: post_signed(e))

        assert [r.status_code for r in responses] == [200, 200]
        payment.refresh_from_db()
        outcomes.append((payment.status, payment.amount_refunded, bool(payment.paid_at)))

    assert outcomes == [(PaymentStatus.REFUNDED, 13200, True)] * PAIRS


def test_a_partial_refund_racing_the_completion_ends_partially_refunded(settings):
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    outcomes = []
    for number in range(PAIRS):
        payment = new_payment(number)
        intent = f"pi_race_{number:04d}"

        first, second = completed(payment, intent), refunded(payment, intent, 5000)

        at_once(lambda e=first: post_signed(e), lambda e=second: post_signed(e))

        payment.refresh_from_db()
        outcomes.append((payment.status, payment.amount_refunded))

    assert outcomes == [(PaymentStatus.PARTIALLY_REFUNDED, 5000)] * PAIRS


def test_two_partial_refunds_at_once_keep_the_larger_total(settings):
    """Stripe's amount_refunded is a running total: a late, smaller one must not win."""
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    outcomes = []
    for number in range(PAIRS):
        payment = new_payment(number)
        intent = f"pi_race_{number:04d}"
        post_signed(completed(payment, intent))

        smaller, larger = refunded(payment, intent, 5000), refunded(payment, intent, 8000)

        at_once(lambda e=smaller: post_signed(e), lambda e=larger: post_signed(e))

        payment.refresh_from_db()
        outcomes.append((payment.status, payment.amount_refunded))

    assert outcomes == [(PaymentStatus.PARTIALLY_REFUNDED, 8000)] * PAIRS


def test_the_same_event_delivered_twice_at_once_is_stored_once(settings):
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    for number in range(PAIRS):
        payment = new_payment(number)
        event = completed(payment, f"pi_race_{number:04d}")

        responses = at_once(lambda e=event: post_signed(e), lambda e=event: post_signed(e))

        assert [r.status_code for r in responses] == [200, 200]
        assert StripeEvent.objects.filter(event_id=event["id"]).count() == 1
        payment.refresh_from_db()
        assert payment.status == PaymentStatus.PAID


def test_reconciliation_and_a_refund_webhook_at_once_end_refunded(stripe_settings, fake_stripe):
    """reconcile_payments read the session before the refund: its older view must not win."""
    outcomes = []
    for number in range(PAIRS):
        payment = new_payment(number)
        session = fake_stripe.sessions.setdefault(
            payment.stripe_session_id,
            {
                "id": payment.stripe_session_id,
                "object": "checkout.session",
                "status": "open",
                "payment_status": "unpaid",
                "payment_intent": None,
                "amount_total": payment.amount,
                "currency": "usd",
                "metadata": {},
                "livemode": False,
            },
        )
        # Stripe's answer to reconciliation is "paid"; the refund happens just after.
        fake_stripe.complete(session["id"])
        intent = fake_stripe.payment_intents[session["payment_intent"]]
        charge = {**fake_stripe.charges[intent["latest_charge"]]}
        charge.update(amount_refunded=charge["amount"], refunded=True)
        event = load_event("charge_refunded", event_id=f"evt_refund_{number}", **charge)

        at_once(lambda e=event: post_signed(e), lambda p=payment: refresh_from_stripe(p))

        payment.refresh_from_db()
        outcomes.append((payment.status, payment.amount_refunded, bool(payment.paid_at)))

    assert outcomes == [(PaymentStatus.REFUNDED, 13200, True)] * PAIRS
