"""A buyer collects products in the quote list and sends one RFQ, in a real Chromium."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Site

from enquiries.models import Lead, LeadType
from products.models import ProductPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def shop_site(live_server, settings, wagtail_roots):
    # Google's reCAPTCHA script can't load here (no network); forms without a
    # token are covered by tests/enquiries. The rest of the form is the real one.
    settings.RECAPTCHA_ENABLED = False
    call_command("seed_demo", stdout=StringIO())
    host, port = live_server.url.removeprefix("http://").split(":")
    Site.objects.filter(is_default_site=True).update(hostname=host, port=int(port))
    return live_server


def test_buyer_sends_one_rfq_for_two_products_from_the_quote_list(page, shop_site, artifacts_dir):
    base = shop_site.url
    page.goto(f"{base}/en/products/high-bay-lights/lm-hb-060/")
    page.get_by_role("button", name="Add to quote list").click()
    assert "was added to your quote list" in page.get_by_role("status").inner_text()
    page.goto(f"{base}/en/products/floodlights/lm-fl-050/")
    page.get_by_role("button", name="Add to quote list").click()
    assert page.locator(".quote-basket-link__count").inner_text() == "2"

    page.get_by_role("link", name="Quote list 2 products").click()
    page.wait_for_url(f"{base}/en/request-a-quote/")
    assert page.locator(".quote-line").count() == 2
    page.get_by_label("Quantity").first.fill("1200")
    page.get_by_label("Incoterm").first.select_option("CIF")
    page.get_by_label("Destination port or city").first.fill("Valencia")
    page.get_by_label("Your name").fill("Ana García")
    page.get_by_label("Company").fill("Iluminación Ibérica S.L.")
    page.get_by_label("Email").fill("ana@iberica.example")
    page.get_by_label("Country").select_option("ES")
    page.get_by_label("Your message").fill("Please quote both, delivery in March.")
    page.get_by_label("I agree that you store my details").check()
    page.screenshot(path=artifacts_dir / "enquiry-form-en.png", full_page=True)
    page.get_by_role("button", name="Send enquiry").click()

    page.wait_for_url(f"{base}/en/request-a-quote/thanks/")
    lead = Lead.objects.exclude(email__endswith="@example.com").get()
    assert lead.reference in page.locator(".reference").inner_text()
    assert lead.lead_type == LeadType.ENQUIRY
    floodlight = ProductPage.objects.get(sku="LM-FL-050", locale__language_code="en")
    assert [(line.sku, line.quantity, line.incoterm) for line in lead.lines.order_by("pk")] == [
        ("LM-HB-060", 1200, "CIF"),
        ("LM-FL-050", floodlight.moq, ""),  # the MOQ is filled in for the buyer
    ]
    assert page.locator(".quote-basket-link__count").inner_text() == "0"


def test_buyer_sees_clear_errors_without_losing_the_form(page, shop_site):
    base = shop_site.url
    page.goto(f"{base}/es/request-a-quote/")
    page.locator("form.lead-form button[type=submit]").click()

    alert = page.get_by_role("alert")
    assert alert.is_visible()
    assert page.locator(".field__error").count() >= 3
    assert not Lead.objects.exclude(email__endswith="@example.com").exists()
