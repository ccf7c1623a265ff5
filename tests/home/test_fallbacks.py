"""A URL in a language the page lacks falls back to the default language; renamed
translations keep their old URLs through Wagtail's redirects."""

import pytest
from wagtail.contrib.redirects.models import Redirect

from tests.conftest import translate
from tests.factories import EnquiryPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(site_tree):
    """/en/about-us/team/, not translated."""
    return StandardPageFactory(parent=site_tree["about"]["en"], title="Team", slug="team")


@pytest.fixture
def rename(django_capture_on_commit_callbacks):
    """Publish `page` under a new slug, as an editor does in the admin.

    Wagtail creates its redirects once the transaction commits; a test never
    commits, so the on-commit callbacks are run by hand.
    """

    def rename(page, slug):
        page.refresh_from_db()  # a stale numchild would hide children added since
        with django_capture_on_commit_callbacks(execute=True):
            page.slug = slug
            page.save_revision().publish()
        page.refresh_from_db()
        return page

    return rename


def test_draft_translation_falls_back_to_the_default_language(client, site_tree):
    site_tree["about"]["es"].unpublish()

    response = client.get("/es/quienes-somos/")

    assert response.status_code == 302
    assert response["Location"] == "/en/about-us/"


def test_english_only_page_under_a_translated_parent_falls_back(client, team):
    # The Spanish About page exists; its English-only child must not be a 404.
    response = client.get("/es/quienes-somos/team/")

    assert response.status_code == 302
    assert response["Location"] == "/en/about-us/team/"


def test_fallback_keeps_the_query_string(client, team):
    # A campaign link or a pre-filled form must not lose its parameters on the way.
    response = client.get("/es/quienes-somos/team/?utm_source=fair&product=3")

    assert response.status_code == 302
    assert response["Location"] == "/en/about-us/team/?utm_source=fair&product=3"


def test_default_language_slugs_lead_to_the_translation(client, site_tree):
    response = client.get("/es/about-us/")

    assert response.status_code == 302
    assert response["Location"] == "/es/quienes-somos/"


def test_fallback_keeps_a_routable_page_sub_route(client, site_tree):
    EnquiryPageFactory(parent=site_tree["home"]["en"], slug="request-a-quote")

    response = client.get("/ar/request-a-quote/samples/")

    assert response.status_code == 302
    assert response["Location"] == "/en/request-a-quote/samples/"


@pytest.mark.parametrize(
    "path",
    [
        "/en/no-such-page/",
        "/es/no-such-page/",
        "/es/quienes-somos/no-such-page/",
        "/ar/about-us/no-such-page/",
        "/fr/about-us/no-such-page/",
    ],
)
def test_unknown_pages_are_still_404(client, site_tree, path):
    assert client.get(path).status_code == 404


def test_renamed_translation_keeps_its_old_url_and_its_childrens(client, site_tree, team, rename):
    about_es = site_tree["about"]["es"]
    translate(team, about_es.locale, title="Equipo", slug="equipo")

    rename(about_es, "sobre-nosotros")

    # Wagtail records the old URL with its language prefix, for the page and its child.
    redirect = Redirect.objects.get(old_path="/es/quienes-somos")
    assert (redirect.redirect_page_id, redirect.automatically_created) == (about_es.pk, True)
    for old, new in [
        ("/es/quienes-somos/", "/es/sobre-nosotros/"),
        ("/es/quienes-somos/equipo/", "/es/sobre-nosotros/equipo/"),
    ]:
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, new), old
        assert client.get(new).status_code == 200


def test_renamed_translation_redirects_permanently_even_when_its_old_slug_was_english(
    client, site_tree, rename
):
    # Untranslated slugs are copied from English, so the old Arabic URL /ar/about-us/
    # also matches the English page: the language fallback must not answer first
    # with a temporary redirect, RedirectMiddleware's permanent one is the right one.
    about_ar = translate(site_tree["about"]["en"], site_tree["home"]["ar"].locale, title="من نحن")
    assert about_ar.slug == "about-us"

    rename(about_ar, "man-nahnu")

    response = client.get("/ar/about-us/")
    assert (response.status_code, response["Location"]) == (301, "/ar/man-nahnu/")


def test_an_editors_redirect_wins_over_the_language_fallback(client, site_tree):
    Redirect.objects.create(
        old_path="/ar/about-us", redirect_page=site_tree["home"]["ar"], is_permanent=False
    )

    response = client.get("/ar/about-us/")

    assert (response.status_code, response["Location"]) == (302, "/ar/")
