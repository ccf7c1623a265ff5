"""A buyer orders a sample, pays the deposit on (fake) Stripe Checkout and comes back."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Site

from enquiries.models import Lead, LeadType, PaymentStatus
from tests.enquiries.conftest_stripe import SECRET_KEY, WEBHOOK_SECRET, fake_stripe  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def stripe_shop(live_server, settings, wagtail_roots, fake_stripe):  # noqa: F811
    settings.RECAPTCHA_ENABLED = False  # Google's script can't load here
    settings.STRIPE_SECRET_KEY = SECRET_KEY
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.STRIPE_API_BASE = fake_stripe.url
    # The fake Checkout page tells our webhook, signed, as Stripe does.
    fake_stripe.webhook = (f"{live_server.url}/stripe/webhook/", WEBHOOK_SECRET)
    call_command("seed_demo", stdout=StringIO())
    host, port = live_server.url.removeprefix("http://").split(":")
    Site.objects.filter(is_default_site=True).update(hostname=host, port=int(port))
    return live_server


def test_buyer_orders_a_sample_pays_the_deposit_and_comes_back(
    page,
    stripe_shop,
    fake_stripe,  # noqa: F811
    artifacts_dir,
):
    base = stripe_shop.url
    page.goto(f"{base}/en/products/high-bay-lights/lm-hb-060/")
    page.locator("#order-sample").click()

    page.wait_for_url(f"{base}/en/request-a-quote/samples/*")
    assert "LM-HB-060" in page.locator(".deposit-table").inner_text()
    page.get_by_label("Your name").fill("Jonas Weber")
    page.get_by_label("Company").fill("Lichtwerk GmbH")
    page.get_by_label("Email").fill("jonas@lichtwerk.example")
    page.get_by_label("Country").select_option("DE")
    page.get_by_label("Shipping address for the samples").fill(
        "Lichtwerk GmbH\nHafenstr. 5\n20457 Hamburg"
    )
    page.get_by_label("I agree that you store my details").check()
    page.screenshot(path=artifacts_dir / "sample-order-en.png", full_page=True)
    page.get_by_role("button", name="Continue to payment").click()

    # Stripe's page (the fake): the lead already exists, unpaid.
    page.wait_for_url(f"{fake_stripe.url}/c/pay/*")
    lead = Lead.objects.get(email="jonas@lichtwerk.example")
    assert lead.lead_type == LeadType.SAMPLE
    assert lead.payments.get().status == PaymentStatus.PENDING
    page.get_by_role("button", name="Pay").click()

    page.wait_for_url(f"{base}/en/request-a-quote/deposit/return/?session_id=*")
    assert page.get_by_role("heading", level=1).inner_text() == "Deposit received"
    assert lead.reference in page.locator(".reference").inner_text()
    assert lead.payments.get().status == PaymentStatus.PAID
    page.screenshot(path=artifacts_dir / "sample-deposit-paid-en.png", full_page=True)
