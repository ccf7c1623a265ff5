"""Stripe misbehaving (4xx, refusing connections, hanging) while we create or check a deposit.

The local fake Stripe server does the misbehaving over real HTTP; the stripe library,
our timeouts and our error handling are the real ones. Whatever Stripe does, the
lead is kept, the failure is visible (to sales on the payment, to cron on stderr
and the exit status, to the buyer as a message), and no page answers 500.
"""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from enquiries.models import Lead, PaymentStatus
from enquiries.payments import checkout
from tests.enquiries import conftest_stripe
from tests.enquiries.test_sample_order import post_sample_order

fake_stripe = conftest_stripe.fake_stripe
stripe_settings = conftest_stripe.stripe_settings

pytestmark = pytest.mark.django_db

FAULTS = ["4xx", "refused", "stalled"]


@pytest.fixture
def quick_timeouts(monkeypatch):
    # A hanging Stripe costs the buyer STRIPE_TIMEOUT per try; tests wait less.
    monkeypatch.setattr(checkout, "STRIPE_TIMEOUT", 0.5)
    monkeypatch.setattr(checkout, "STRIPE_RETRIES", 0)


def break_stripe(fake_stripe, fault: str) -> str:
    """Make the fake misbehave; returns what the recorded error must mention."""
    if fault == "4xx":
        fake_stripe.fail(402, "Your account cannot currently make live charges.")
        return "HTTP 402"
    if fault == "refused":
        fake_stripe.stop()  # nothing listens on its port any more
        return "APIConnectionError"
    fake_stripe.stall(5)
    return "APIConnectionError"


@pytest.mark.parametrize("fault", FAULTS)
def test_checkout_creation_failing_keeps_the_lead_and_says_so(
    client, admin_client, shop, stripe_settings, fake_stripe, quick_timeouts, fault
):
    expected = break_stripe(fake_stripe, fault)

    response = post_sample_order(client, shop, shop["products"][:1])

    assert response.status_code == 302 and response["Location"].endswith("/thanks/")
    lead = Lead.objects.get()
    payment = lead.payments.get()
    assert payment.status == PaymentStatus.FAILED
    assert expected in payment.error
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert "could not open the payment page" in thanks.content.decode()
    detail = admin_client.get(lead.get_admin_url()).content.decode()
    assert "Failed" in detail and expected in detail


@pytest.mark.parametrize("fault", FAULTS)
def test_reconcile_failing_changes_nothing_and_exits_non_zero(
    shop, client, stripe_settings, fake_stripe, quick_timeouts, fault
):
    post_sample_order(client, shop, shop["products"][:1])
    payment = Lead.objects.get().payments.get()
    fake_stripe.complete(payment.stripe_session_id)
    break_stripe(fake_stripe, fault)
    err = StringIO()

    with pytest.raises(CommandError, match="could not be asked about 1 payment"):
        call_command("reconcile_payments", "--min-age", "0", stdout=StringIO(), stderr=err)

    assert f"Payment {payment.pk} ({payment.stripe_session_id})" in err.getvalue()
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PENDING
    assert Lead.objects.filter(pk=payment.lead_id).exists()


@pytest.mark.parametrize("fault", FAULTS)
def test_buyer_back_while_stripe_fails_still_gets_a_page(
    client, shop, stripe_settings, fake_stripe, quick_timeouts, fault
):
    post_sample_order(client, shop, shop["products"][:1])
    payment = Lead.objects.get().payments.get()
    break_stripe(fake_stripe, fault)
    page = shop["enquiry"]["en"]

    back = client.get(
        page.url + page.reverse_subpage("deposit_return"),
        {"session_id": payment.stripe_session_id},
    )

    assert back.status_code == 200
    assert "We are confirming your payment" in back.content.decode()
