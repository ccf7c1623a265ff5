"""Enter in a field of the quote list submits the enquiry; it never removes a product."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Site

from enquiries.models import Lead

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def shop_site(live_server, settings, wagtail_roots):
    # Google's reCAPTCHA script can't load here (no network); see test_quote_flow.
    settings.RECAPTCHA_ENABLED = False
    call_command("seed_demo", stdout=StringIO())
    host, port = live_server.url.removeprefix("http://").split(":")
    Site.objects.filter(is_default_site=True).update(hostname=host, port=int(port))
    return live_server


def fill_quote_list(page, base):
    for path in ("/en/products/high-bay-lights/lm-hb-060/", "/en/products/floodlights/lm-fl-050/"):
        page.goto(base + path)
        page.get_by_role("button", name="Add to quote list").click()
    page.goto(f"{base}/en/request-a-quote/")
    assert page.locator(".quote-line").count() == 2


# One seeded site for every field (seeding the demo is most of a browser test's time).
FIELDS = [("Your name", "Ana García"), ("Quantity", "1200"), ("Destination port or city", "Bari")]


def test_enter_in_any_field_submits_the_enquiry_and_keeps_the_products(page, shop_site):
    base = shop_site.url
    fill_quote_list(page, base)
    for field, value in FIELDS:
        page.get_by_label("Company").fill("Iluminación Ibérica S.L.")
        box = page.get_by_label(field).first
        box.fill(value)

        with page.expect_navigation():
            box.press("Enter")

        # The form was sent: the server answers with its errors (no email, no consent)...
        assert page.get_by_role("alert").is_visible(), field
        assert page.locator(".field__error").count() >= 1, field
        # ... and nothing was removed or lost.
        assert "removed from your quote list" not in page.content(), field
        assert page.locator(".quote-line").count() == 2, field
        assert page.get_by_label("Company").input_value() == "Iluminación Ibérica S.L."
        assert page.get_by_label(field).first.input_value() == value, field
        assert page.locator(".quote-basket-link__count").inner_text() == "2", field
        assert not Lead.objects.exclude(email__endswith="@example.com").exists()

    # Completed, Enter sends it.
    page.get_by_label("Your name").fill("Ana García")
    page.get_by_label("Email").fill("ana@iberica.example")
    page.get_by_label("Country").select_option("ES")
    page.get_by_label("I agree that you store my details").check()

    page.get_by_label("Email").press("Enter")

    page.wait_for_url(f"{base}/en/request-a-quote/thanks/")
    lead = Lead.objects.exclude(email__endswith="@example.com").get()
    assert lead.lines.count() == 2


def test_remove_still_removes_one_product_without_javascript(browser, shop_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    base = shop_site.url
    fill_quote_list(page, base)

    page.locator(".quote-line").first.get_by_role("button", name="Remove").click()

    page.wait_for_url(f"{base}/en/request-a-quote/")
    assert "removed from your quote list" in page.content()
    assert page.locator(".quote-line").count() == 1
    context.close()
