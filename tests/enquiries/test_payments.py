"""Sample deposits: Checkout Sessions against a fake Stripe, and reconcile_payments."""

from datetime import timedelta
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone, translation
from django.utils.translation import gettext

from enquiries.models import Lead, LeadLine, Payment, PaymentStatus
from enquiries.payments import (
    MixedCurrenciesError,
    NoDepositError,
    checkout,
    checkout_locale,
    deposit_total,
    start_deposit_checkout,
)
from tests.enquiries import conftest_stripe
from tests.enquiries.conftest_stripe import make_sample_lead

# Fixtures, bound here as long as no conftest.py shares them with the package.
fake_stripe = conftest_stripe.fake_stripe
stripe_settings = conftest_stripe.stripe_settings

pytestmark = pytest.mark.django_db

SUCCESS_URL = "https://exportsite.example/es/muestras/gracias/"
CANCEL_URL = "https://exportsite.example/es/muestras/"


def start(lead):
    return start_deposit_checkout(lead, success_url=SUCCESS_URL, cancel_url=CANCEL_URL)


def deposit_name(language, product, sku):
    with translation.override(language):
        return gettext("Sample deposit: %(product)s (%(sku)s)") % {"product": product, "sku": sku}


def lines(*deposits):
    return [
        LeadLine(product_title="Panel", sample_deposit=deposit, sample_currency=currency)
        for deposit, currency in deposits
    ]


# --- deposit_total -------------------------------------------------------------


def test_deposit_total_adds_up_the_lines_with_a_deposit():
    total = deposit_total(lines((Decimal("80.00"), "USD"), (None, ""), (Decimal("45.50"), "usd")))
    assert total == (Decimal("125.50"), "USD")


def test_deposit_total_refuses_mixed_currencies():
    with pytest.raises(MixedCurrenciesError) as raised:
        deposit_total(lines((Decimal("80.00"), "USD"), (Decimal("70.00"), "EUR")))
    assert raised.value.currencies == ["EUR", "USD"]
    assert "EUR, USD" in str(raised.value)
    assert "one currency" in str(raised.value)


def test_mixed_currency_message_is_translated(monkeypatch):
    seen = []

    def fake_gettext(message):
        seen.append(message)
        return "TRADUCIDO %(currencies)s"

    monkeypatch.setattr(checkout, "gettext", fake_gettext)
    error = MixedCurrenciesError(["USD", "EUR"])
    assert str(error) == "TRADUCIDO EUR, USD"
    assert "different currencies" in seen[0]


def test_deposit_total_without_any_deposit():
    with pytest.raises(NoDepositError):
        deposit_total(lines((None, ""), (Decimal("0"), "USD")))


@pytest.mark.parametrize(
    ("language", "expected"),
    [("es", "es"), ("de", "de"), ("pt", "pt"), ("zh-hans", "zh"), ("ar", "auto"), ("", "auto")],
)
def test_checkout_locale(language, expected):
    assert checkout_locale(language) == expected


# --- start_deposit_checkout ----------------------------------------------------


def test_checkout_session_is_created_in_minor_units(stripe_settings, fake_stripe):
    lead = make_sample_lead(("80.00", "USD"), ("45.50", "USD"), (None, ""), language="es")

    payment = start(lead)

    [request] = fake_stripe.session_requests()
    assert request.method == "POST"
    params = request.params
    assert params["mode"] == "payment"
    assert params["customer_email"] == "buyer@example.com"
    assert params["client_reference_id"] == lead.reference
    assert params["locale"] == "es"
    assert params["metadata"] == {"lead_reference": lead.reference, "payment_id": str(payment.pk)}
    assert params["success_url"] == SUCCESS_URL + "?session_id={CHECKOUT_SESSION_ID}"
    assert params["cancel_url"] == CANCEL_URL
    assert params["line_items"] == [
        {
            "quantity": "1",
            "price_data": {
                "currency": "usd",
                "unit_amount": "8000",
                "product_data": {"name": deposit_name("es", "UFO LED high bay 100 W", "LM-HB-100")},
            },
        },
        {
            "quantity": "1",
            "price_data": {
                "currency": "usd",
                "unit_amount": "4550",
                "product_data": {"name": deposit_name("es", "UFO LED high bay 200 W", "LM-HB-200")},
            },
        },
    ]
    assert request.idempotency_key == payment.idempotency_key

    payment.refresh_from_db()
    session = fake_stripe.sessions[payment.stripe_session_id]
    assert session["amount_total"] == 12550
    assert payment.status == PaymentStatus.PENDING
    assert (payment.amount, payment.currency) == (12550, "USD")
    assert payment.checkout_url == session["url"]
    assert payment.error == ""


def test_zero_decimal_currency_is_sent_in_whole_units(stripe_settings, fake_stripe):
    lead = make_sample_lead(("3000", "JPY"), ("1500", "JPY"), language="en")

    payment = start(lead)

    [request] = fake_stripe.session_requests()
    assert request.params["line_items"][1]["price_data"]["product_data"] == {
        "name": "Sample deposit: UFO LED high bay 200 W (LM-HB-200)"
    }
    assert request.params["locale"] == "en"
    amounts = [item["price_data"]["unit_amount"] for item in request.params["line_items"]]
    assert amounts == ["3000", "1500"]
    assert request.params["line_items"][0]["price_data"]["currency"] == "jpy"
    assert (payment.amount, payment.currency) == (4500, "JPY")
    assert fake_stripe.sessions[payment.stripe_session_id]["amount_total"] == 4500


def test_unsupported_language_lets_checkout_choose(stripe_settings, fake_stripe):
    start(make_sample_lead(("80.00", "USD"), language="ar"))
    assert fake_stripe.session_requests()[0].params["locale"] == "auto"


def test_product_names_are_in_the_buyers_language(stripe_settings, fake_stripe, monkeypatch):
    # The buyer's language, not the one active in the request that happens to run this.
    active = []
    real_gettext = checkout.gettext
    monkeypatch.setattr(
        checkout,
        "gettext",
        lambda message: active.append(translation.get_language()) or real_gettext(message),
    )
    start(make_sample_lead(("80.00", "USD"), language="de"))
    assert active == ["de"]


def test_a_second_call_reuses_the_pending_session(stripe_settings, fake_stripe):
    lead = make_sample_lead(("80.00", "USD"))

    first = start(lead)
    second = start(lead)

    assert second.pk == first.pk
    assert len(fake_stripe.session_requests()) == 1
    assert Payment.objects.filter(lead=lead).count() == 1


def test_idempotency_key_is_stable_for_the_same_payment(stripe_settings, fake_stripe):
    """Our side lost Stripe's answer (timeout, crash): asking again must not make a second session."""
    lead = make_sample_lead(("80.00", "USD"))
    payment = start(lead)
    session_id = payment.stripe_session_id
    Payment.objects.filter(pk=payment.pk).update(stripe_session_id=None, checkout_url="")

    again = start(lead)

    first_request, second_request = fake_stripe.session_requests()
    assert again.pk == payment.pk
    assert first_request.idempotency_key == second_request.idempotency_key
    assert second_request.idempotency_key == payment.idempotency_key
    assert again.stripe_session_id == session_id
    assert len(fake_stripe.sessions) == 1


def test_each_deposit_has_its_own_idempotency_key(stripe_settings, fake_stripe):
    start(make_sample_lead(("80.00", "USD")))
    start(make_sample_lead(("80.00", "USD")))
    keys = {request.idempotency_key for request in fake_stripe.session_requests()}
    assert len(keys) == 2


def test_without_stripe_keys_the_deposit_is_not_requested(settings, fake_stripe):
    settings.STRIPE_SECRET_KEY = ""
    settings.STRIPE_API_BASE = fake_stripe.url
    lead = make_sample_lead(("80.00", "USD"))

    payment = start(lead)

    assert payment.status == PaymentStatus.NOT_REQUESTED
    assert payment.get_status_display() == "Deposit not requested"
    assert (payment.amount, payment.currency) == (8000, "USD")
    assert payment.checkout_url == ""
    assert fake_stripe.requests == []
    assert Lead.objects.filter(pk=lead.pk).exists()


@pytest.mark.parametrize(
    ("status", "message", "error_class"),
    [
        (500, "Something went wrong on Stripe's end.", "APIError"),
        (400, "Invalid currency: xyz", "InvalidRequestError"),
    ],
)
def test_stripe_errors_fail_the_payment_and_keep_the_lead(
    stripe_settings, fake_stripe, status, message, error_class
):
    fake_stripe.fail(status, message)
    lead = make_sample_lead(("80.00", "USD"))

    payment = start(lead)

    payment.refresh_from_db()
    assert payment.status == PaymentStatus.FAILED
    assert message in payment.error
    assert error_class in payment.error
    assert f"HTTP {status}" in payment.error
    assert payment.checkout_url == ""
    assert payment.stripe_session_id is None
    assert Lead.objects.filter(pk=lead.pk).exists()


def test_unreachable_stripe_fails_the_payment(stripe_settings, fake_stripe, monkeypatch):
    monkeypatch.setattr(checkout, "STRIPE_RETRIES", 0)
    fake_stripe.stop()  # nothing listens on its port any more
    lead = make_sample_lead(("80.00", "USD"))

    payment = start(lead)

    assert payment.status == PaymentStatus.FAILED
    assert "APIConnectionError" in payment.error
    assert Lead.objects.filter(pk=lead.pk).exists()


def test_a_failed_deposit_is_retried_as_a_new_payment(stripe_settings, fake_stripe):
    """Stripe replays a failure for the same idempotency key, so a retry needs a new one."""
    lead = make_sample_lead(("80.00", "USD"))
    fake_stripe.fail(500)
    failed = start(lead)
    fake_stripe.failure = None

    retried = start(lead)

    assert retried.pk != failed.pk
    assert retried.idempotency_key != failed.idempotency_key
    assert retried.status == PaymentStatus.PENDING
    assert retried.stripe_session_id in fake_stripe.sessions


def test_mixed_currencies_are_refused_before_stripe(stripe_settings, fake_stripe):
    lead = make_sample_lead(("80.00", "USD"), ("70.00", "EUR"))

    with pytest.raises(MixedCurrenciesError):
        start(lead)

    assert fake_stripe.requests == []
    assert not Payment.objects.filter(lead=lead).exists()


# --- reconcile_payments ----------------------------------------------------------


def started_payment(minutes_ago=10, *deposits):
    payment = start(make_sample_lead(*(deposits or [("80.00", "USD")])))
    Payment.objects.filter(pk=payment.pk).update(
        created_at=timezone.now() - timedelta(minutes=minutes_ago)
    )
    return payment


def reconcile(*args):
    out, err = StringIO(), StringIO()
    call_command("reconcile_payments", *args, stdout=out, stderr=err)
    return out.getvalue()


def test_reconcile_marks_a_paid_session_paid(stripe_settings, fake_stripe):
    payment = started_payment()
    session = fake_stripe.complete(payment.stripe_session_id)

    output = reconcile()

    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PAID
    assert payment.stripe_payment_intent_id == session["payment_intent"]
    assert payment.paid_at is not None
    assert "1 updated" in output
    retrieve = fake_stripe.session_requests()[-1]
    assert (retrieve.method, retrieve.path) == ("GET", f"/v1/checkout/sessions/{session['id']}")


def test_reconcile_marks_an_expired_session_expired(stripe_settings, fake_stripe):
    payment = started_payment()
    fake_stripe.expire(payment.stripe_session_id)

    reconcile()

    payment.refresh_from_db()
    assert payment.status == PaymentStatus.EXPIRED


def test_reconcile_keeps_an_async_payment_pending_until_it_settles(stripe_settings, fake_stripe):
    payment = started_payment()
    fake_stripe.complete(payment.stripe_session_id, payment_status="unpaid")

    reconcile()

    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PENDING
    assert payment.stripe_payment_intent_id.startswith("pi_")


def test_reconcile_marks_a_returned_bank_debit_failed(stripe_settings, fake_stripe):
    payment = started_payment()
    fake_stripe.complete(
        payment.stripe_session_id, payment_status="unpaid", intent_status="requires_payment_method"
    )

    reconcile()

    payment.refresh_from_db()
    assert payment.status == PaymentStatus.FAILED
    assert payment.error


def test_reconcile_leaves_open_and_young_sessions_alone(stripe_settings, fake_stripe):
    open_payment = started_payment(minutes_ago=10)
    young = started_payment(minutes_ago=1)
    fake_stripe.complete(young.stripe_session_id)

    output = reconcile()

    assert Payment.objects.get(pk=open_payment.pk).status == PaymentStatus.PENDING
    assert Payment.objects.get(pk=young.pk).status == PaymentStatus.PENDING
    retrieved = [r.path for r in fake_stripe.session_requests() if r.method == "GET"]
    assert retrieved == [f"/v1/checkout/sessions/{open_payment.stripe_session_id}"]
    assert "Reconciled 1 payment(s): 0 updated, 1 unchanged" in output


def test_reconcile_fails_payments_that_never_got_a_session(stripe_settings, fake_stripe):
    payment = started_payment(minutes_ago=120)
    Payment.objects.filter(pk=payment.pk).update(stripe_session_id=None)

    reconcile()

    payment.refresh_from_db()
    assert payment.status == PaymentStatus.FAILED
    assert "No Checkout Session" in payment.error


def test_reconcile_reports_stripe_errors_and_carries_on(stripe_settings, fake_stripe):
    broken = started_payment()
    paid = started_payment()
    fake_stripe.complete(paid.stripe_session_id)
    del fake_stripe.sessions[broken.stripe_session_id]

    with pytest.raises(CommandError, match="1 payment"):
        reconcile()

    assert Payment.objects.get(pk=broken.pk).status == PaymentStatus.PENDING
    assert Payment.objects.get(pk=paid.pk).status == PaymentStatus.PAID


def test_reconcile_without_stripe_keys_says_so(settings):
    settings.STRIPE_SECRET_KEY = ""
    payment = Payment.objects.create(
        lead=make_sample_lead(("80.00", "USD")),
        amount=8000,
        currency="USD",
        idempotency_key="deposit-old",
        stripe_session_id="cs_test_old",
        created_at=timezone.now() - timedelta(hours=2),
    )

    output = reconcile()

    assert "Stripe is not configured" in output
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PENDING
