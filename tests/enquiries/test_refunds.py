"""Refunds: reconciliation finds them, sales and the buyer see them, privacy erases payloads."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from enquiries.models import Payment, PaymentStatus, StripeEvent
from enquiries.payments import start_deposit_checkout
from tests.enquiries import conftest_stripe
from tests.enquiries.conftest_stripe import load_event, make_sample_lead, session_event
from tests.enquiries.test_sample_order import post_sample_order

fake_stripe = conftest_stripe.fake_stripe
stripe_settings = conftest_stripe.stripe_settings
signed_webhook = conftest_stripe.signed_webhook

pytestmark = pytest.mark.django_db


def paid_payment(fake_stripe, deposit="132.00", days_ago=1) -> Payment:
    """A deposit paid `days_ago`, as the webhook left it."""
    payment = start_deposit_checkout(
        make_sample_lead((deposit, "USD")),
        success_url="https://exportsite.example/return/",
        cancel_url="https://exportsite.example/return/?cancelled=1",
    )
    session = fake_stripe.complete(payment.stripe_session_id)
    paid_at = timezone.now() - timedelta(days=days_ago)
    Payment.objects.filter(pk=payment.pk).update(
        status=PaymentStatus.PAID,
        stripe_payment_intent_id=session["payment_intent"],
        paid_at=paid_at,
        created_at=paid_at,
    )
    payment.refresh_from_db()
    return payment


def reconcile(*args) -> str:
    out = StringIO()
    call_command("reconcile_payments", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


# --- reconcile_payments -----------------------------------------------------------


def test_reconcile_finds_a_refund_whose_webhook_never_came(stripe_settings, fake_stripe):
    payment = paid_payment(fake_stripe)
    fake_stripe.refund(payment.stripe_session_id)

    output = reconcile()

    payment.refresh_from_db()
    assert (payment.status, payment.amount_refunded) == (PaymentStatus.REFUNDED, 13200)
    assert payment.refunded_at is not None
    assert "1 updated" in output
    [retrieve] = [r for r in fake_stripe.session_requests() if r.method == "GET"]
    assert retrieve.params["expand"] == ["payment_intent", "payment_intent.latest_charge"]


def test_reconcile_finds_a_partial_refund_and_then_the_rest(stripe_settings, fake_stripe):
    payment = paid_payment(fake_stripe)
    fake_stripe.refund(payment.stripe_session_id, 5000)

    reconcile()

    payment.refresh_from_db()
    assert (payment.status, payment.amount_refunded) == (PaymentStatus.PARTIALLY_REFUNDED, 5000)

    fake_stripe.refund(payment.stripe_session_id, 3000)
    reconcile()
    payment.refresh_from_db()
    assert (payment.status, payment.amount_refunded) == (PaymentStatus.PARTIALLY_REFUNDED, 8000)

    fake_stripe.refund(payment.stripe_session_id)
    reconcile()
    payment.refresh_from_db()
    assert (payment.status, payment.amount_refunded) == (PaymentStatus.REFUNDED, 13200)


def test_reconcile_leaves_paid_deposits_without_refunds_paid(stripe_settings, fake_stripe):
    payment = paid_payment(fake_stripe)

    output = reconcile()

    payment.refresh_from_db()
    assert (payment.status, payment.amount_refunded) == (PaymentStatus.PAID, 0)
    assert "1 unchanged" in output


def test_reconcile_stops_asking_after_the_refund_window(stripe_settings, fake_stripe):
    old = paid_payment(fake_stripe, days_ago=200)
    recent = paid_payment(fake_stripe, days_ago=20)

    reconcile("--refund-days", "30")

    asked = {r.path for r in fake_stripe.session_requests() if r.method == "GET"}
    assert asked == {f"/v1/checkout/sessions/{recent.stripe_session_id}"}
    assert old.stripe_session_id not in str(asked)


@given(
    refunds=st.lists(st.tuples(st.integers(-100, 20000), st.booleans()), max_size=8),
    order=st.randoms(use_true_random=False),
)
def test_refund_totals_in_any_order_end_at_the_largest(refunds, order):
    """Stripe's amount_refunded is a running total and events come in any order."""
    shuffled = list(refunds)
    order.shuffle(shuffled)
    payment = Payment(amount=13200, currency="USD", status=PaymentStatus.PAID)

    for total, full in shuffled:
        payment.record_refund(total, full=full)

    largest = max([0] + [min(total, 13200) for total, _ in refunds])
    if any(full for _, full in refunds) or largest == 13200:
        assert (payment.status, payment.amount_refunded) == (PaymentStatus.REFUNDED, 13200)
    elif largest > 0:
        assert (payment.status, payment.amount_refunded) == (
            PaymentStatus.PARTIALLY_REFUNDED,
            largest,
        )
    else:
        assert (payment.status, payment.amount_refunded) == (PaymentStatus.PAID, 0)


# --- What sales and the buyer see -------------------------------------------------


def test_lead_detail_shows_a_partial_refund(admin_client, stripe_settings, fake_stripe):
    payment = paid_payment(fake_stripe)
    fake_stripe.refund(payment.stripe_session_id, 5000)
    reconcile()

    content = admin_client.get(payment.lead.get_admin_url()).content.decode()

    assert "Partially refunded" in content
    assert "132.00 USD" in content and "50.00 USD refunded" in content


def test_buyer_back_from_checkout_sees_a_partial_refund(client, shop, stripe_settings, fake_stripe):
    post_sample_order(client, shop, shop["products"][:1])
    payment = Payment.objects.get()
    payment.advance_to(PaymentStatus.PAID)
    payment.record_refund(3000, full=False)
    payment.save()
    page = shop["enquiry"]["en"]

    back = client.get(
        page.url + page.reverse_subpage("deposit_return"),
        {"session_id": payment.stripe_session_id},
    ).content.decode()

    assert "Deposit refunded" in back and "Deposit received" not in back
    assert "30.00 of 80.00 USD" in back


# --- Privacy --------------------------------------------------------------------------


def test_scrub_for_lead_removes_personal_data_from_its_events(signed_webhook):
    lead = make_sample_lead(("80.00", "USD"))
    payment = Payment.objects.create(
        lead=lead,
        amount=8000,
        currency="USD",
        idempotency_key="deposit-scrub",
        stripe_session_id="cs_test_scrub",
    )
    completed = session_event("checkout_session_completed", payment)
    refund = load_event(
        "charge_refunded",
        payment_intent=completed["data"]["object"]["payment_intent"],
        billing_details={"name": "Anna Buyer", "email": "buyer@example.com", "phone": "+49 1"},
        receipt_email="buyer@example.com",
    )
    other_payment = Payment.objects.create(
        lead=make_sample_lead(("80.00", "USD"), email="other@example.com"),
        amount=8000,
        currency="USD",
        idempotency_key="deposit-scrub-other",
        stripe_session_id="cs_test_scrub_other",
    )
    other = session_event("checkout_session_completed", other_payment, payment_intent="pi_other")
    other["id"] = "evt_other"
    for event in (completed, refund, other):
        assert signed_webhook(event).status_code == 200

    assert StripeEvent.objects.scrub_for_lead(lead) == 2

    for event_id in (completed["id"], refund["id"]):
        stored = StripeEvent.objects.get(event_id=event_id).payload
        assert "buyer@example.com" not in str(stored) and "Anna Buyer" not in str(stored)
    session = StripeEvent.objects.get(event_id=completed["id"]).payload["data"]["object"]
    assert session["customer_details"]["address"] is None
    assert session["customer_email"] is None
    assert (session["amount_total"], session["payment_status"]) == (8000, "paid")
    charge = StripeEvent.objects.get(event_id=refund["id"]).payload["data"]["object"]
    assert charge["billing_details"] == {"name": None, "email": None, "phone": None}
    assert charge["amount_refunded"] == 8000
    # Another buyer's events are not touched.
    assert "Anna Buyer" in str(StripeEvent.objects.get(event_id="evt_other").payload)
    assert StripeEvent.objects.scrub_for_lead(lead) == 0


# --- check --deploy ---------------------------------------------------------------------


def run_deploy_check(settings, **stripe) -> str:
    for name, value in stripe.items():
        setattr(settings, name, value)
    out, err = StringIO(), StringIO()
    try:
        call_command("check", deploy=True, tags=["security"], stdout=out, stderr=err)
    except SystemCheckError as error:
        return str(error)
    return out.getvalue() + err.getvalue()


def test_deploy_check_warns_when_stripe_has_no_webhook_secret(settings):
    output = run_deploy_check(settings, STRIPE_SECRET_KEY="sk_live_x", STRIPE_WEBHOOK_SECRET="")
    assert "enquiries.W001" in output and "STRIPE_WEBHOOK_SECRET" in output


@pytest.mark.parametrize(
    "stripe",
    [
        {"STRIPE_SECRET_KEY": "sk_live_x", "STRIPE_WEBHOOK_SECRET": "whsec_x"},
        {"STRIPE_SECRET_KEY": "", "STRIPE_WEBHOOK_SECRET": ""},
    ],
)
def test_deploy_check_is_quiet_otherwise(settings, stripe):
    assert "enquiries.W001" not in run_deploy_check(settings, **stripe)


def test_deploy_check_is_not_run_without_deploy(settings):
    settings.STRIPE_SECRET_KEY, settings.STRIPE_WEBHOOK_SECRET = "sk_live_x", ""
    out = StringIO()
    call_command("check", stdout=out, stderr=StringIO())
    assert "enquiries.W001" not in out.getvalue()
