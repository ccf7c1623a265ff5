"""The FAQ index filter in Chromium: it narrows the list, and without JavaScript it stays out."""

import pytest
from wagtail.models import Page, Site

from tests.browser.conftest import (  # noqa: F401 (fixtures)
    CHROMIUM,
    browser_type_launch_args,
    wagtail_roots,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} not installed"),
]


@pytest.fixture
def live_site(live_server, wagtail_roots):  # noqa: F811
    """Browser tests flush the database, the default Site row included: put one back."""
    Site.objects.get_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": Page.get_first_root_node()},
    )
    return live_server


def visible_questions(page) -> list[str]:
    return page.locator("[data-faq-question]:visible").all_inner_texts()


def test_filter_narrows_the_questions(page, live_site, faq):
    page.goto(f"{live_site.url}{faq['en']['index'].url}", wait_until="load")
    box = page.get_by_label("Filter the questions")
    assert box.is_visible()
    assert len(visible_questions(page)) == 5

    box.fill("paypal")
    assert visible_questions(page) == ["Do you accept PayPal?"]
    assert page.get_by_role("heading", name="Samples").is_hidden()

    box.fill("deposit")  # found in an answer, not in the question
    assert visible_questions(page) == [
        "How much does a sample cost?",
        "Which payment terms do you accept?",
    ]

    box.fill("zzz unknown")
    assert visible_questions(page) == []
    assert "No question matches" in page.get_by_role("status").inner_text()

    box.press("Escape")
    assert len(visible_questions(page)) == 5


def test_without_javascript_every_question_is_listed(browser, live_site, faq):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_site.url}{faq['en']['index'].url}", wait_until="load")

    assert page.locator("[data-faq-filter]").is_hidden()
    assert len(visible_questions(page)) == 5
    context.close()
