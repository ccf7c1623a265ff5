"""The Stripe webhook: signed events in, payments moved forward, each event once."""

import json
import time

import pytest
from django.urls import URLResolver, get_resolver, reverse

from enquiries.models import Payment, PaymentStatus, StripeEvent
from enquiries.webhooks import stripe_webhook
from tests.enquiries import conftest_stripe
from tests.enquiries.conftest_stripe import (
    WEBHOOK_SECRET,
    load_event,
    make_sample_lead,
    session_event,
    stripe_signature,
)

# A fixture, bound here as long as no conftest.py shares it with the package.
signed_webhook = conftest_stripe.signed_webhook

pytestmark = pytest.mark.django_db

PAYMENT_INTENT = "pi_3QxYzAbCdEfGhIj01kLmNoPq"


@pytest.fixture
def payment():
    """A deposit whose Checkout Session Stripe has created, before any webhook."""
    return Payment.objects.create(
        lead=make_sample_lead(("80.00", "USD")),
        amount=8000,
        currency="USD",
        idempotency_key="deposit-webhook-test",
        stripe_session_id="cs_test_webhook_0001",
        checkout_url="https://checkout.stripe.com/c/pay/cs_test_webhook_0001",
    )


def events_for(payment):
    return {
        "completed": session_event("checkout_session_completed", payment),
        "completed_unpaid": session_event("checkout_session_completed_unpaid", payment),
        "async_succeeded": session_event("checkout_session_async_payment_succeeded", payment),
        "async_failed": session_event("checkout_session_async_payment_failed", payment),
        "expired": session_event("checkout_session_expired", payment),
        "refunded": load_event("charge_refunded", payment_intent=PAYMENT_INTENT),
        "partly_refunded": load_event(
            "charge_refunded",
            event_id="evt_3QchargePartlyRefunded",
            payment_intent=PAYMENT_INTENT,
            amount_refunded=3000,
            refunded=False,
        ),
    }


def deliver(post, *events):
    for event in events:
        response = post(event)
        assert response.status_code == 200, response.content


def outcome(payment):
    payment.refresh_from_db()
    return payment.status, payment.stripe_payment_intent_id, bool(payment.paid_at)


# --- Signature -------------------------------------------------------------------


def test_bad_signature_is_refused(signed_webhook, payment):
    event = session_event("checkout_session_completed", payment)

    response = signed_webhook(event, secret="whsec_someone_else")

    assert response.status_code == 400
    assert not StripeEvent.objects.exists()
    assert outcome(payment)[0] == PaymentStatus.PENDING


def test_tampered_body_is_refused(client, payment):
    event = session_event("checkout_session_completed", payment)
    signature = stripe_signature(json.dumps(event).encode(), WEBHOOK_SECRET)
    event["data"]["object"]["amount_total"] = 1

    response = client.post(
        reverse("stripe_webhook"),
        json.dumps(event),
        content_type="application/json",
        headers={"Stripe-Signature": signature},
    )

    assert response.status_code == 400
    assert not StripeEvent.objects.exists()


def test_stale_signature_is_refused(signed_webhook, payment):
    # Stripe's default tolerance is five minutes: an old, replayed delivery.
    event = session_event("checkout_session_completed", payment)

    response = signed_webhook(event, timestamp=int(time.time()) - 301)

    assert response.status_code == 400
    assert not StripeEvent.objects.exists()


def test_missing_signature_is_refused(signed_webhook, payment):
    response = signed_webhook(session_event("checkout_session_completed", payment), signature="")

    assert response.status_code == 400
    assert not StripeEvent.objects.exists()


def test_signed_garbage_is_refused(signed_webhook):
    assert signed_webhook(b"not json").status_code == 400


def test_get_is_not_allowed(client):
    assert client.get(reverse("stripe_webhook")).status_code == 405


def test_webhook_needs_no_csrf_token(payment):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    body = json.dumps(session_event("checkout_session_completed", payment))

    response = client.post(
        reverse("stripe_webhook"),
        body,
        content_type="application/json",
        headers={"Stripe-Signature": stripe_signature(body.encode(), WEBHOOK_SECRET)},
    )

    assert response.status_code == 200


def test_the_webhook_is_the_sites_only_csrf_exempt_view():
    """Third-party apps (Wagtail's admin API) have their own; ours must not add any other."""
    project_apps = ("exportsite", "home", "products", "blog", "faq", "enquiries", "reviews")

    def callbacks(patterns):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from callbacks(pattern.url_patterns)
            else:
                yield pattern.callback

    exempt = {
        callback
        for callback in callbacks(get_resolver().url_patterns)
        if getattr(callback, "csrf_exempt", False)
        and callback.__module__.split(".")[0] in project_apps
    }
    assert exempt == {stripe_webhook}
    assert reverse("stripe_webhook") == "/stripe/webhook/"


# --- Events ----------------------------------------------------------------------


def test_completed_and_paid(signed_webhook, payment):
    event = session_event("checkout_session_completed", payment)

    deliver(signed_webhook, event)

    assert outcome(payment) == (PaymentStatus.PAID, PAYMENT_INTENT, True)
    stored = StripeEvent.objects.get()
    assert (stored.event_id, stored.event_type) == (event["id"], "checkout.session.completed")
    assert stored.payload == event
    assert payment.dashboard_url.endswith(f"/test/payments/{PAYMENT_INTENT}")


def test_completed_but_unpaid_waits_for_the_bank(signed_webhook, payment):
    deliver(signed_webhook, session_event("checkout_session_completed_unpaid", payment))

    assert outcome(payment) == (PaymentStatus.PENDING, PAYMENT_INTENT, False)


def test_async_payment_succeeded(signed_webhook, payment):
    events = events_for(payment)

    deliver(signed_webhook, events["completed_unpaid"], events["async_succeeded"])

    assert outcome(payment) == (PaymentStatus.PAID, PAYMENT_INTENT, True)


def test_async_payment_failed(signed_webhook, payment):
    events = events_for(payment)

    deliver(signed_webhook, events["completed_unpaid"], events["async_failed"])

    assert outcome(payment) == (PaymentStatus.FAILED, PAYMENT_INTENT, False)
    assert payment.error


def test_expired(signed_webhook, payment):
    deliver(signed_webhook, session_event("checkout_session_expired", payment))

    assert outcome(payment)[0] == PaymentStatus.EXPIRED


def test_charge_refunded_is_matched_by_payment_intent(signed_webhook, payment):
    events = events_for(payment)

    deliver(signed_webhook, events["completed"], events["refunded"])

    payment.refresh_from_db()
    assert payment.status == PaymentStatus.REFUNDED
    assert payment.refunded_at is not None
    assert payment.paid_at is not None


def refund_of(amount, *, total=8000, event_id=None, intent=PAYMENT_INTENT):
    return load_event(
        "charge_refunded",
        event_id=event_id or f"evt_refund_{amount}",
        payment_intent=intent,
        amount=total,
        amount_captured=total,
        amount_refunded=amount,
        refunded=amount == total,
    )


def test_a_partial_refund_reads_partially_refunded_not_paid(signed_webhook, payment):
    """50 of 132 refunded: the deposit is neither fully paid any more nor refunded."""
    Payment.objects.filter(pk=payment.pk).update(amount=13200)

    deliver(
        signed_webhook,
        session_event("checkout_session_completed", payment, amount_total=13200),
        refund_of(5000, total=13200),
    )

    payment.refresh_from_db()
    assert (payment.status, payment.amount_refunded) == (PaymentStatus.PARTIALLY_REFUNDED, 5000)
    assert payment.get_status_display() == "Partially refunded"
    assert str(payment.display_amount_refunded) == "50.00"
    assert payment.paid_at is not None and payment.refunded_at is None


def test_refunds_add_up_and_an_older_total_arriving_late_changes_nothing(signed_webhook, payment):
    deliver(signed_webhook, session_event("checkout_session_completed", payment))

    deliver(signed_webhook, refund_of(3000))
    payment.refresh_from_db()
    assert (payment.status, payment.amount_refunded) == (PaymentStatus.PARTIALLY_REFUNDED, 3000)

    deliver(signed_webhook, refund_of(8000), refund_of(5000))
    payment.refresh_from_db()
    assert (payment.status, payment.amount_refunded) == (PaymentStatus.REFUNDED, 8000)
    assert payment.refunded_at is not None


def test_a_partial_refund_before_the_completion_is_kept(signed_webhook, payment):
    deliver(
        signed_webhook,
        refund_of(3000),
        session_event("checkout_session_completed", payment),
    )

    payment.refresh_from_db()
    assert (payment.status, payment.amount_refunded) == (PaymentStatus.PARTIALLY_REFUNDED, 3000)
    assert payment.paid_at is not None


def test_a_refund_for_another_payment_intent_changes_nothing(signed_webhook, payment):
    events = events_for(payment)
    other = load_event("charge_refunded", event_id="evt_other", payment_intent="pi_other")

    deliver(signed_webhook, events["completed"], other)

    assert outcome(payment)[0] == PaymentStatus.PAID


def test_duplicate_delivery_is_stored_and_applied_once(signed_webhook, payment):
    event = session_event("checkout_session_completed", payment)
    deliver(signed_webhook, event)
    first = outcome(payment)
    paid_at = payment.paid_at

    deliver(signed_webhook, event)

    assert StripeEvent.objects.filter(event_id=event["id"]).count() == 1
    assert outcome(payment) == first
    assert payment.paid_at == paid_at


@pytest.mark.parametrize(
    "order",
    [
        ("completed", "expired"),
        ("completed", "refunded"),
        ("refunded", "completed"),
        ("completed", "partly_refunded", "refunded"),
        ("refunded", "partly_refunded", "completed"),
        ("partly_refunded", "completed", "expired"),
        ("async_succeeded", "completed_unpaid"),
        ("completed_unpaid", "async_succeeded", "refunded"),
        ("refunded", "async_succeeded", "completed_unpaid"),
        ("async_failed", "completed_unpaid"),
    ],
)
def test_out_of_order_delivery_ends_as_in_order(signed_webhook, payment, order):
    """Stripe doesn't promise any order: each sequence must end where the sorted one does."""
    in_order = {
        "completed": 0,
        "completed_unpaid": 0,
        "async_succeeded": 1,
        "async_failed": 1,
        "expired": 2,
        "partly_refunded": 3,
        "refunded": 4,
    }
    twin = Payment.objects.create(
        lead=payment.lead,
        amount=payment.amount,
        currency=payment.currency,
        idempotency_key="deposit-webhook-twin",
        stripe_session_id="cs_test_webhook_twin",
    )
    twin_intent = "pi_twin"
    for name in sorted(order, key=in_order.__getitem__):
        event = events_for(twin)[name]
        event["id"] += "_twin"
        event["data"]["object"]["payment_intent"] = twin_intent if name != "expired" else None
        deliver(signed_webhook, event)

    deliver(signed_webhook, *(events_for(payment)[name] for name in order))

    status, intent, paid = outcome(payment)
    assert (status, paid) == outcome(twin)[::2]
    assert payment.amount_refunded == twin.amount_refunded
    assert intent == PAYMENT_INTENT
    if "refunded" in order:
        assert status == PaymentStatus.REFUNDED


def test_session_found_by_metadata_when_its_id_was_never_saved(signed_webhook, payment):
    """We timed out waiting for Stripe's answer, but Stripe made the session anyway."""
    Payment.objects.filter(pk=payment.pk).update(stripe_session_id=None)
    event = session_event("checkout_session_completed", payment, id="cs_test_unknown_to_us")

    deliver(signed_webhook, event)

    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PAID
    assert payment.stripe_session_id == "cs_test_unknown_to_us"


def test_metadata_of_another_lead_is_not_trusted(signed_webhook, payment):
    Payment.objects.filter(pk=payment.pk).update(stripe_session_id=None)
    event = session_event(
        "checkout_session_completed",
        payment,
        id="cs_test_unknown_to_us",
        metadata={"lead_reference": "Q-SOMEONE2", "payment_id": str(payment.pk)},
    )

    deliver(signed_webhook, event)

    assert outcome(payment)[0] == PaymentStatus.PENDING
    assert StripeEvent.objects.filter(event_id=event["id"]).exists()


def test_unknown_event_type_is_stored_and_acknowledged(signed_webhook, payment):
    event = load_event("customer_created")

    deliver(signed_webhook, event)

    stored = StripeEvent.objects.get()
    assert (stored.event_id, stored.event_type) == (event["id"], "customer.created")
    assert outcome(payment)[0] == PaymentStatus.PENDING


def test_a_failure_while_handling_keeps_no_record(signed_webhook, payment, monkeypatch):
    """Stripe must be able to deliver it again: the event is only stored with its effect."""
    from enquiries.payments import events

    def broken(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(events, "sync_payment_from_session", broken)
    event = session_event("checkout_session_completed", payment)

    with pytest.raises(RuntimeError):
        signed_webhook(event)
    assert not StripeEvent.objects.exists()

    monkeypatch.undo()
    deliver(signed_webhook, event)
    assert outcome(payment)[0] == PaymentStatus.PAID
