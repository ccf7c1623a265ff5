"""Arabic pages mirror the English ones in a real Chromium (issue 6, point 6).

Each check compares where an element sits in Arabic with where it sits in English,
not with pixel values from the stylesheet, so the test follows the layout whatever
the spacing. Full-page screenshots of both languages go to artifacts/browser/rtl-*.png.
"""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Site

from enquiries.models import Lead

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 390, "height": 844}
PRODUCT = "/products/high-bay-lights/lm-hb-060/"
ENQUIRY = "/request-a-quote/"
TOLERANCE = 2  # px: sub-pixel rounding of text and borders

# The gaps between an element's box and the text inside it, on each side.
TEXT_GAPS = """el => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const text = range.getBoundingClientRect(), box = el.getBoundingClientRect();
    return {left: text.left - box.left, right: box.right - text.right};
}"""


@pytest.fixture
def demo_shop(live_server, settings, wagtail_roots):
    settings.RECAPTCHA_ENABLED = False  # Google's script can't load here
    call_command("seed_demo", stdout=StringIO())
    host, port = live_server.url.removeprefix("http://").split(":")
    Site.objects.filter(is_default_site=True).update(hostname=host, port=int(port))
    return live_server


class Visit:
    """One language's browser tab, with the measurements the checks need."""

    def __init__(self, browser, base, lang, viewport, artifacts_dir, suffix=""):
        self.context = browser.new_context(viewport=viewport)
        self.page = self.context.new_page()
        self.base, self.lang, self.suffix = base, lang, suffix
        self.artifacts_dir = artifacts_dir

    def open(self, path, name):
        self.page.goto(f"{self.base}/{self.lang}{path}")
        self.check_and_shoot(name)

    def check_and_shoot(self, name):
        expected = "rtl" if self.lang == "ar" else "ltr"
        assert self.page.evaluate("document.documentElement.dir") == expected
        assert self.page.evaluate("getComputedStyle(document.body).direction") == expected
        assert self.overflow() <= 0, f"{name} ({self.lang}) scrolls sideways"
        self.page.screenshot(
            path=self.artifacts_dir / f"rtl-{name}-{self.lang}{self.suffix}.png", full_page=True
        )

    def overflow(self):
        return self.page.evaluate(
            "document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth"
        )

    @property
    def width(self):
        return self.page.evaluate("document.documentElement.clientWidth")

    def box(self, selector, nth=0):
        found = self.page.locator(selector).nth(nth).bounding_box()
        assert found, f"{selector} is not displayed ({self.lang})"
        return {**found, "right": found["x"] + found["width"]}

    def lefts(self, selector):
        return [
            box["x"]
            for box in self.page.locator(selector).evaluate_all(
                "els => els.map(el => el.getBoundingClientRect().toJSON())"
            )
        ]

    def start_gap(self, selector):
        """Distance from the element's inline-start edge to its text."""
        gaps = self.page.locator(selector).first.evaluate(TEXT_GAPS)
        return gaps["right"] if self.lang == "ar" else gaps["left"]

    def end_gap(self, selector):
        gaps = self.page.locator(selector).first.evaluate(TEXT_GAPS)
        return gaps["left"] if self.lang == "ar" else gaps["right"]

    def direction(self, selector):
        return self.page.locator(selector).first.evaluate("el => getComputedStyle(el).direction")

    def close(self):
        self.context.close()


def mirrored(en_box, ar_box, en_width):
    """True when the Arabic box is the English one reflected across the page's middle."""
    return abs(en_box["x"] - (en_width - ar_box["right"])) <= TOLERANCE


def check_home(en, ar):
    en.open("/", "home")
    ar.open("/", "home")

    # The brand (logo and Latin company name, the same width in both) mirrors exactly.
    assert mirrored(en.box(".site-header__brand"), ar.box(".site-header__brand"), en.width)
    assert ar.box(".site-header__brand")["x"] > ar.width / 2

    # The main menu reads left to right in English and right to left in Arabic.
    menu_en, menu_ar = en.lefts(".site-nav__menu > li"), ar.lefts(".site-nav__menu > li")
    assert len(menu_en) == len(menu_ar) > 3
    assert menu_en == sorted(menu_en)
    assert menu_ar == sorted(menu_ar, reverse=True)
    # The language switcher too.
    switch_ar = ar.lefts(".language-switcher li")
    assert switch_ar == sorted(switch_ar, reverse=True)

    # The footer's Latin address lines up with its Arabic column, and opening hours
    # don't break inside "08:30–18:00".
    for visit in (en, ar):
        assert visit.start_gap(".site-footer address") <= TOLERANCE
        assert visit.start_gap(".site-footer__company") <= TOLERANCE
        hours = visit.page.locator(".site-footer__hours [dir=ltr]")
        assert hours.count() and all(
            rects == 1
            for rects in hours.evaluate_all("els => els.map(el => el.getClientRects().length)")
        )

    # Keyboard users see where they are: the skip link appears on the reading side,
    # and focus rings show on both.
    for visit in (en, ar):
        visit.page.keyboard.press("Tab")
        skip = visit.box(".skip-link:focus")
        on_start_side = (
            skip["right"] > visit.width / 2 if visit.lang == "ar" else skip["x"] < visit.width / 2
        )
        assert on_start_side and skip["y"] >= 0
        visit.page.keyboard.press("Tab")  # the brand link
        ring = visit.page.evaluate(
            "(() => { const s = getComputedStyle(document.activeElement);"
            " return [s.outlineStyle, parseFloat(s.outlineWidth)]; })()"
        )
        assert ring[0] != "none" and ring[1] >= 2, ring


def check_product(en, ar):
    en.open(PRODUCT, "product")
    ar.open(PRODUCT, "product")

    # Breadcrumbs start from the reading side.
    crumbs_en, crumbs_ar = en.lefts(".breadcrumbs li"), ar.lefts(".breadcrumbs li")
    assert len(crumbs_ar) >= 3
    assert crumbs_en == sorted(crumbs_en)
    assert crumbs_ar == sorted(crumbs_ar, reverse=True)
    first_en, first_ar = en.box(".breadcrumbs li"), ar.box(".breadcrumbs li")
    assert abs(first_en["x"] - (en.width - first_ar["right"])) <= TOLERANCE

    # The gallery and the facts column swap sides.
    assert en.box(".gallery")["x"] < en.box(".product__summary")["x"]
    assert ar.box(".gallery")["x"] > ar.box(".product__summary")["x"]
    assert mirrored(en.box(".gallery"), ar.box(".gallery"), en.width)
    # Each key fact's label comes first in the reading direction.
    assert ar.box(".key-facts dt")["x"] > ar.box(".key-facts dd")["x"]

    # Specification names hug the start of their cell: the right in Arabic.
    for visit in (en, ar):
        assert visit.start_gap(".spec-table th") < visit.end_gap(".spec-table th")
        assert visit.start_gap(".spec-table td") < visit.end_gap(".spec-table td")

    # Model numbers stay left to right inside Arabic text.
    assert ar.direction(".product__sku bdi") == "ltr"
    assert ar.page.locator(".product__sku bdi").inner_text() == "LM-HB-060"
    assert ar.direction(".product-card__sku bdi") == "ltr"


def check_enquiry(en, ar):
    for visit in (en, ar):
        visit.page.locator("#add-to-quote").click()
        visit.page.wait_for_url(f"**/{visit.lang}{PRODUCT}")
        visit.page.goto(f"{visit.base}/{visit.lang}{ENQUIRY}")
        # Sent empty: the errors must line up with their fields too.
        visit.page.locator("form.lead-form > button[type=submit]").click()
        visit.page.locator(".form-errors").wait_for()
        visit.check_and_shoot("enquiry")

    for visit in (en, ar):
        # Labels, inputs and error messages share their start edge.
        field = ".form-grid .field:has(#id_name)"
        label, name_input = visit.box(f"{field} label"), visit.box("#id_name")
        assert visit.start_gap(f"{field} label") <= TOLERANCE
        if visit.lang == "ar":
            assert abs(label["right"] - name_input["right"]) <= TOLERANCE
        else:
            assert abs(label["x"] - name_input["x"]) <= TOLERANCE
        assert visit.start_gap(f"{field} .field__error") <= TOLERANCE
        # The consent box comes before its label in the reading direction.
        box, text = visit.box("#id_consent"), visit.box("label[for=id_consent]")
        assert (box["x"] > text["x"]) == (visit.lang == "ar")

    # The Name field is in the same place, reflected.
    assert mirrored(en.box("#id_name"), ar.box("#id_name"), en.width)
    # Codes and addresses stay left to right in the Arabic form.
    assert ar.direction(".quote-line__sku bdi") == "ltr"
    for selector in ("#id_email", "#id_phone"):
        assert ar.direction(selector) == "ltr"


def check_thanks(ar):
    page = ar.page
    page.locator("#id_name").fill("سالم الهاشمي")
    page.locator("#id_email").fill("salem@noor-trading.example")
    page.locator("#id_phone").fill("+971 4 555 0101")
    page.locator("#id_country").select_option("AE")
    page.locator("#id_consent").check()
    page.locator("form.lead-form > button[type=submit]").click()
    page.wait_for_url(f"**/ar{ENQUIRY}thanks/")
    ar.check_and_shoot("thanks")
    lead = Lead.objects.get(email="salem@noor-trading.example")
    reference = page.locator(".reference bdi")
    assert reference.inner_text() == lead.reference
    assert ar.direction(".reference bdi") == "ltr"
    email = page.locator("main bdi", has_text="salem@noor-trading.example")
    assert email.evaluate("el => getComputedStyle(el).direction") == "ltr"


def check_mobile(browser, base, artifacts_dir):
    for lang in ("en", "ar"):
        visit = Visit(browser, base, lang, MOBILE, artifacts_dir, suffix="-mobile")
        visit.open(PRODUCT, "product")
        visit.open(ENQUIRY, "enquiry")
        visit.open("/", "home")
        brand, toggle = visit.box(".site-header__brand"), visit.box(".site-nav__toggle")
        # The brand starts the header; the menu button sits on the same side below it.
        if lang == "ar":
            assert brand["right"] > visit.width - 40 and toggle["right"] > visit.width - 40
        else:
            assert brand["x"] < 40 and toggle["x"] < 40
        visit.page.locator(".site-nav__toggle").click()
        assert visit.page.locator(".site-nav__toggle").get_attribute("aria-expanded") == "true"
        assert visit.page.locator("#site-nav-menu").is_visible()
        assert visit.start_gap("#site-nav-menu a") <= TOLERANCE
        assert visit.overflow() <= 0
        visit.page.screenshot(path=artifacts_dir / f"rtl-menu-{lang}-mobile.png", full_page=False)
        visit.close()


def test_arabic_pages_mirror_the_english_ones(browser, demo_shop, artifacts_dir):
    en = Visit(browser, demo_shop.url, "en", DESKTOP, artifacts_dir)
    ar = Visit(browser, demo_shop.url, "ar", DESKTOP, artifacts_dir)
    check_home(en, ar)
    check_product(en, ar)
    check_enquiry(en, ar)
    check_thanks(ar)
    en.close()
    ar.close()
    check_mobile(browser, demo_shop.url, artifacts_dir)
