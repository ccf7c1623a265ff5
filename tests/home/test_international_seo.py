"""hreflang and canonical links, /sitemap.xml and /robots.txt, on the seeded demo (en, es, ar).

Google's rules checked here: every URL of a cluster lists every translation, itself
included, with absolute URLs; the lists are reciprocal; x-default is the English page;
one canonical per page, equal to the page's own URL.
"""

import math
import xml.etree.ElementTree as ET
from collections import Counter
from urllib.robotparser import RobotFileParser

import pytest
from django.conf import settings
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page, Site

from blog.models import BlogIndexPage, BlogPage
from enquiries.models import EnquiryPage
from faq.models import FAQIndexPage, FAQPage
from home.models import HomePage, StandardPage
from products.models import (
    CatalogSettings,
    CertificationIndexPage,
    CertificationPage,
    ProductCategoryPage,
    ProductIndexPage,
    ProductPage,
)
from reviews.models import ReviewIndexPage, ReviewPage
from tests.conftest import translate
from tests.factories import StandardPageFactory
from tests.helpers import parse_html

pytestmark = pytest.mark.django_db

ORIGIN = "http://127.0.0.1:8000"  # the demo's Site record, not the test client's host
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML_NS = "{http://www.w3.org/1999/xhtml}"
PAGE_TYPES = [
    HomePage,
    StandardPage,
    ProductIndexPage,
    ProductCategoryPage,
    ProductPage,
    CertificationIndexPage,
    CertificationPage,
    BlogIndexPage,
    BlogPage,
    FAQIndexPage,
    FAQPage,
    EnquiryPage,
    ReviewIndexPage,
    ReviewPage,
]


@pytest.fixture(autouse=True)
def _demo(demo_site):
    pass


def head_links(content) -> tuple[list[str], list[tuple[str, str]]]:
    """Every canonical href, and every (hreflang, href) alternate, duplicates kept."""
    elements = [attrs for tag, attrs in parse_html(content).elements if tag == "link"]
    canonicals = [attrs["href"] for attrs in elements if attrs.get("rel") == "canonical"]
    alternates = [
        (attrs["hreflang"], attrs["href"])
        for attrs in elements
        if attrs.get("rel") == "alternate" and attrs.get("hreflang")
    ]
    return canonicals, alternates


def expected_alternates(page) -> list[tuple[str, str]]:
    """Straight from the database: the live translations, then x-default = English."""
    translations = Page.objects.filter(translation_key=page.translation_key).live()
    urls = {p.locale.language_code: p.get_full_url() for p in translations}
    expected = list(urls.items())
    if "en" in urls:
        expected.append(("x-default", urls["en"]))
    return sorted(expected)


def sitemap_entries(client) -> list[dict]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    root = ET.fromstring(response.content)  # also fails on an undeclared xhtml: prefix
    assert root.tag == f"{SITEMAP_NS}urlset"
    return [
        {
            "loc": url.findtext(f"{SITEMAP_NS}loc"),
            "lastmod": url.findtext(f"{SITEMAP_NS}lastmod"),
            "alternates": [
                (link.get("hreflang"), link.get("href"))
                for link in url.findall(f"{XHTML_NS}link")
                if link.get("rel") == "alternate"
            ],
        }
        for url in root.findall(f"{SITEMAP_NS}url")
    ]


def live_site_pages():
    site = Site.objects.get(is_default_site=True)
    roots = site.root_page.get_translations(inclusive=True)
    in_site = Q()
    for path in roots.values_list("path", flat=True):
        in_site |= Q(path__startswith=path)
    return Page.objects.filter(in_site).live().public().select_related("locale")


# --- <head> -----------------------------------------------------------------------


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
@pytest.mark.parametrize("language", ["en", *settings.DEMO_LANGUAGES])
def test_every_page_type_links_its_live_translations(client, model, language):
    page = model.objects.live().filter(locale__language_code=language).order_by("path").first()

    response = client.get(page.url)

    assert response.status_code == 200
    canonicals, alternates = head_links(response.content)
    assert canonicals == [f"{ORIGIN}{page.url}"]
    assert sorted(alternates) == expected_alternates(page)
    assert (language, canonicals[0]) in alternates  # itself, under its own language
    assert all(href.startswith(f"{ORIGIN}/") for _code, href in alternates)


def test_a_page_only_one_language_has_lists_itself_without_x_default(client):
    review = ReviewPage.objects.live().filter(locale__language_code="es").first()
    assert not review.get_translations().exists()

    _canonicals, alternates = head_links(client.get(review.url).content)

    # No English version: no x-default, rather than each language claiming it.
    assert alternates == [("es", f"{ORIGIN}{review.url}")]


def test_draft_and_private_translations_are_left_out(client):
    about = StandardPage.objects.get(locale__language_code="en", slug="about-us")
    about.get_translation(Locale.objects.get(language_code="ar")).unpublish()
    spanish = about.get_translation(Locale.objects.get(language_code="es"))
    spanish.view_restrictions.create(restriction_type="login")

    _canonicals, alternates = head_links(client.get(about.url).content)

    assert alternates == [("en", about.full_url), ("x-default", about.full_url)]


def test_an_editors_canonical_url_drops_the_page_from_the_cluster(client):
    about = StandardPage.objects.get(locale__language_code="en", slug="about-us")
    about.canonical_url = "https://partner.example.com/about-lumetra/"
    about.save_revision().publish()
    spanish = about.get_translation(Locale.objects.get(language_code="es"))

    canonicals, alternates = head_links(client.get(about.url).content)
    _spanish_canonicals, spanish_alternates = head_links(client.get(spanish.url).content)

    # The page says it is a copy: Google would ignore its hreflang, so it has none,
    # and its translations stop pointing at it (and at it as x-default).
    assert (canonicals, alternates) == (["https://partner.example.com/about-lumetra/"], [])
    assert {code for code, _url in spanish_alternates} == {"es", "ar"}


def test_an_untranslated_alias_points_at_its_original_and_is_not_listed(client):
    # wagtail-localize fills a synced language tree with aliases of pages nobody
    # translated yet: English content under /es/, which is no Spanish alternate.
    home = HomePage.objects.get(locale__language_code="en")
    spanish_home = home.get_translation(Locale.objects.get(language_code="es"))
    warranty = StandardPageFactory(parent=home, title="Warranty", slug="warranty")
    alias = warranty.create_alias(
        parent=spanish_home, update_locale=spanish_home.locale, reset_translation_key=False
    )

    alias_links = head_links(client.get(alias.url).content)
    original_links = head_links(client.get(warranty.url).content)
    locs = {entry["loc"] for entry in sitemap_entries(client)}

    assert alias_links == ([warranty.full_url], [])
    assert original_links[1] == [("en", warranty.full_url), ("x-default", warranty.full_url)]
    assert warranty.full_url in locs
    assert alias.full_url not in locs


def test_a_routable_sub_route_is_its_own_canonical_page(client):
    enquiry = EnquiryPage.objects.live().get(locale__language_code="es")

    canonicals, alternates = head_links(client.get(f"{enquiry.url}samples/").content)

    assert canonicals == [f"{ORIGIN}{enquiry.url}samples/"]
    assert sorted(alternates) == [
        (code, f"{url}samples/") for code, url in expected_alternates(enquiry)
    ]


def test_later_pages_of_a_listing_are_their_own_canonical(client):
    catalog = CatalogSettings.for_site(Site.objects.get(is_default_site=True))
    catalog.products_per_page = 4
    catalog.save()
    category = ProductCategoryPage.objects.live().filter(locale__language_code="es").first()
    last = math.ceil(ProductPage.objects.live().child_of(category).count() / 4)
    assert last >= 3

    second = head_links(client.get(category.url, {"page": 2}).content)
    past_the_end = head_links(client.get(category.url, {"page": 99}).content)
    sorted_second = head_links(client.get(category.url, {"page": 2, "sort": "name"}).content)

    # Page 2 is not a copy of page 1; page 2 of the English list shows other products.
    assert second == ([f"{category.full_url}?page=2"], [])
    assert past_the_end == ([f"{category.full_url}?page={last}"], [])
    # A sorted or filtered view is the listing itself, seen differently.
    assert sorted_second[0] == [category.full_url]
    assert sorted(sorted_second[1]) == expected_alternates(category)


@pytest.mark.parametrize("path", ["/es/search/?q=led", "/ar/reviews/write/"])
def test_noindex_views_have_no_canonical_or_hreflang(client, path):
    response = client.get(path)

    assert response.status_code == 200
    assert 'name="robots" content="noindex"' in response.content.decode()
    assert head_links(response.content) == ([], [])


def test_hreflang_queries_do_not_grow_with_translations(client):
    home = HomePage.objects.get(locale__language_code="en")
    page = StandardPageFactory(parent=home, title="Warranty", slug="warranty")

    def queries() -> int:
        client.get(page.url)  # warm-up
        with CaptureQueriesContext(connection) as captured:
            response = client.get(page.url)
        assert response.status_code == 200
        return len(captured.captured_queries)

    translate(page, Locale.objects.get(language_code="es"), slug="garantia")
    with_two = queries()
    others = [
        home.locale for home in home.get_translations().live() if home.locale.language_code != "es"
    ]
    for locale in others:
        translate(page, locale, slug=f"warranty-{locale.language_code}")

    assert len(head_links(client.get(page.url).content)[1]) == len(others) + 3
    assert queries() == with_two


# --- /sitemap.xml -----------------------------------------------------------------


def test_sitemap_lists_every_live_page_of_every_language_once(client):
    entries = sitemap_entries(client)

    pages = list(live_site_pages())
    locs = Counter(entry["loc"] for entry in entries)
    assert locs == Counter(page.get_full_url() for page in pages)
    assert {page.locale.language_code for page in pages} == {"en", *settings.DEMO_LANGUAGES}
    # Reviews waiting for moderation are drafts, not in the sitemap.
    assert not any(entry["loc"].endswith("/pending-school/") for entry in entries)
    lastmods = {page.get_full_url(): page.last_published_at.date().isoformat() for page in pages}
    assert all(entry["lastmod"] == lastmods[entry["loc"]] for entry in entries)


def test_sitemap_alternates_are_complete_and_reciprocal(client):
    entries = sitemap_entries(client)
    by_loc = {entry["loc"]: entry for entry in entries}
    pages = {page.get_full_url(): page for page in live_site_pages()}

    for entry in entries:
        page = pages[entry["loc"]]
        alternates = entry["alternates"]
        assert sorted(alternates) == expected_alternates(page)
        assert (page.locale.language_code, entry["loc"]) in alternates  # Google requires it
        for code, href in alternates:
            # Every alternate is itself listed, and lists exactly the same cluster.
            assert href in by_loc, (entry["loc"], code)
            assert sorted(by_loc[href]["alternates"]) == sorted(alternates)


def test_sitemap_leaves_out_pages_whose_canonical_is_elsewhere(client):
    about = StandardPage.objects.get(locale__language_code="en", slug="about-us")
    about.canonical_url = "https://partner.example.com/about-lumetra/"
    about.save_revision().publish()
    spanish = about.get_translation(Locale.objects.get(language_code="es"))

    by_loc = {entry["loc"]: entry for entry in sitemap_entries(client)}

    assert about.full_url not in by_loc
    assert {code for code, _url in by_loc[spanish.full_url]["alternates"]} == {"es", "ar"}


def test_sitemap_queries_do_not_grow_with_pages(client):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            entries = sitemap_entries(client)
        return len(captured.captured_queries), len(entries)

    before, count_before = queries()
    about = StandardPage.objects.get(locale__language_code="en", slug="about-us")
    spanish = Locale.objects.get(language_code="es")
    for number in range(10):
        page = StandardPageFactory(parent=about, slug=f"extra-{number}")
        translate(page, spanish, slug=f"extra-es-{number}")
    after, count_after = queries()

    assert count_after == count_before + 20
    assert after == before


# --- /robots.txt --------------------------------------------------------------------


def test_robots_txt_points_at_the_sitemap_and_keeps_crawlers_out_of_non_content(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert f"Sitemap: {ORIGIN}/sitemap.xml" in lines
    robots = RobotFileParser()
    robots.parse(lines)
    for blocked in ["/admin/", "/es/search/?q=led", "/zh-hans/search/", "/ar/quote/add/"]:
        assert not robots.can_fetch("Googlebot", f"{ORIGIN}{blocked}"), blocked
    # Nothing the sitemap offers is blocked.
    for entry in sitemap_entries(client):
        assert robots.can_fetch("Googlebot", entry["loc"]), entry["loc"]


def test_robots_txt_without_any_site_is_a_404_not_a_500(client):
    Site.objects.all().delete()

    assert client.get("/robots.txt").status_code == 404
