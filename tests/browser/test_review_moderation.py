"""A buyer reviews a product; a moderator approves it in Wagtail's workflow UI; it goes live."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Site, WorkflowState

from reviews.models import ReviewPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PRODUCT = "/en/products/high-bay-lights/lm-hb-060/"
TITLE = "Reliable high bays for our cold store"


@pytest.fixture
def review_site(live_server, settings, wagtail_roots):
    # Google's reCAPTCHA script can't load here (no network); the form is otherwise real.
    settings.RECAPTCHA_ENABLED = False
    call_command("seed_demo", stdout=StringIO())
    host, port = live_server.url.removeprefix("http://").split(":")
    Site.objects.filter(is_default_site=True).update(hostname=host, port=int(port))
    get_user_model().objects.create_superuser("moderator", "moderator@example.com", "Mod-pass-1")
    return live_server


def test_buyer_review_is_published_after_a_moderator_approves_it(page, review_site, artifacts_dir):
    base = review_site.url
    page.goto(f"{base}{PRODUCT}")
    assert TITLE not in page.locator("#reviews").inner_text()
    page.get_by_role("link", name="Write a review").click()
    page.wait_for_url(f"{base}/en/reviews/write/?product=*")

    page.get_by_text("5 stars").click()
    page.get_by_label("Title of your review").fill(TITLE)
    page.get_by_label("Your review", exact=True).fill(
        "Sixty 60 W high bays in a cold store at -20 °C: all working after a winter, "
        "and the light is even across the racks."
    )
    page.get_by_label("Your name", exact=True).fill("Pieter de Vries")
    page.get_by_role("textbox", name="Company").fill("Koelhuis Rotterdam B.V.")
    page.get_by_label("Country", exact=True).select_option("NL")
    page.get_by_label("I agree that my review").check()
    page.screenshot(path=artifacts_dir / "review-form-en.png", full_page=True)
    page.get_by_role("button", name="Send review").click()
    page.wait_for_url(f"{base}/en/reviews/thanks/")

    review = ReviewPage.objects.get(title=TITLE)
    assert not review.live
    assert review.product.sku == "LM-HB-060"
    assert WorkflowState.objects.get(object_id=str(review.pk)).status == "in_progress"
    page.goto(f"{base}{PRODUCT}")
    assert TITLE not in page.content()

    # The moderator approves it from the dashboard's "Awaiting your review" panel.
    page.goto(f"{base}/admin/login/")
    page.get_by_label("Username").fill("moderator")
    page.get_by_label("Password").fill("Mod-pass-1")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base}/admin/")
    row = page.locator("tr", has_text=TITLE)
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name="Approve", exact=True).click()
    page.wait_for_load_state("load")
    page.screenshot(path=artifacts_dir / "review-approved-admin.png", full_page=True)

    review.refresh_from_db()
    for _ in range(50):
        if review.live:
            break
        page.wait_for_timeout(100)
        review.refresh_from_db()
    assert review.live
    assert WorkflowState.objects.get(object_id=str(review.pk)).status == "approved"

    page.goto(f"{base}{PRODUCT}")
    reviews = page.locator("#reviews")
    assert TITLE in reviews.inner_text()
    assert "Pieter de Vries" in reviews.inner_text()
    page.screenshot(path=artifacts_dir / "review-on-product-en.png", full_page=True)
