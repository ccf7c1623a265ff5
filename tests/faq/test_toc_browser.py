"""The "Questions on this page" box of a FAQ topic never covers the answers (Chromium)."""

import pytest
from wagtail.models import Page, Site

from tests.browser.conftest import (  # noqa: F401 (fixtures)
    CHROMIUM,
    artifacts_dir,
    browser_type_launch_args,
    wagtail_roots,
)
from tests.conftest import translate
from tests.faq.factories import add_topic, faq_items

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} not installed"),
]

DESKTOP = {"width": 1280, "height": 800}
MOBILE = {"width": 390, "height": 844}
LONG_ANSWER = "<p>" + "Our export team answers this in detail for each market. " * 12 + "</p>"

BOXES = """() => {
    const box = (el) => { const r = el.getBoundingClientRect();
        return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; };
    return {
        toc: box(document.querySelector(".toc")),
        entries: Array.from(document.querySelectorAll(".faq-entry"), box),
    };
}"""


@pytest.fixture
def live_site(live_server, wagtail_roots):  # noqa: F811
    """Browser tests flush the database, the default Site row included: put one back."""
    Site.objects.get_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": Page.get_first_root_node()},
    )
    return live_server


@pytest.fixture
def long_topic(live_site, faq):
    """A topic long enough to scroll, in English and Arabic, on the live server."""
    topic = add_topic(
        faq["en"]["index"],
        title="Shipping",
        slug="shipping",
        items=faq_items(*[(f"Question {n} about shipping?", LONG_ANSWER) for n in range(12)]),
    )
    arabic = translate(topic, faq["ar"]["index"].locale)
    return {"en": topic, "ar": arabic, "server": live_site}


def overlaps(a, b, tolerance=1) -> bool:
    return (
        a["left"] < b["right"] - tolerance
        and b["left"] < a["right"] - tolerance
        and a["top"] < b["bottom"] - tolerance
        and b["top"] < a["bottom"] - tolerance
    )


@pytest.mark.parametrize("language", ["en", "ar"])
def test_questions_box_never_covers_an_answer_while_scrolling(
    browser,
    long_topic,
    language,
    artifacts_dir,  # noqa: F811
):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(long_topic["server"].url + long_topic[language].url, wait_until="load")
    assert page.locator(".toc").is_visible()
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height > 2 * DESKTOP["height"]  # long enough to scroll past the box

    for offset in range(0, height, DESKTOP["height"] // 3):
        page.evaluate(f"window.scrollTo(0, {offset})")
        boxes = page.evaluate(BOXES)
        covered = [entry for entry in boxes["entries"] if overlaps(boxes["toc"], entry)]
        assert not covered, f"at scroll {offset}px the box covers {covered}"
    page.screenshot(path=artifacts_dir / f"faq-toc-{language}.png")

    # Beside the answers on its reading side: left in English, right in Arabic.
    boxes = page.evaluate(BOXES)
    first = boxes["entries"][0]
    if language == "ar":
        assert boxes["toc"]["left"] >= first["right"] - 1
    else:
        assert boxes["toc"]["right"] <= first["left"] + 1
    context.close()


def test_questions_box_is_above_the_answers_on_a_phone(browser, long_topic):
    context = browser.new_context(viewport=MOBILE)
    page = context.new_page()
    page.goto(long_topic["server"].url + long_topic["en"].url, wait_until="load")

    for offset in (0, 1500, 4000):
        page.evaluate(f"window.scrollTo(0, {offset})")
        boxes = page.evaluate(BOXES)
        assert not [entry for entry in boxes["entries"] if overlaps(boxes["toc"], entry)]
    boxes = page.evaluate(BOXES)
    assert boxes["toc"]["bottom"] <= boxes["entries"][0]["top"] + 1
    context.close()
