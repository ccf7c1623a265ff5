"""The "Translation status" report: what is missing, stale or unpublished, per language."""

from io import StringIO
from urllib.parse import urlencode

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from tests.factories import StandardPageFactory
from tests.helpers import parse_html
from tests.localization.conftest import localize

pytestmark = pytest.mark.django_db

REPORT = "localization:translation_status"


def parse_statuses(html, locale):
    """{page id: status} in the `locale` column."""
    statuses, page_id = {}, None
    for tag, attrs in parse_html(html).elements:
        if tag == "tr" and "data-page" in attrs:
            page_id = int(attrs["data-page"])
        elif tag == "td" and attrs.get("data-locale") == locale:
            statuses[page_id] = attrs["data-status"]
    return statuses


@pytest.fixture
def statuses(tree):
    """Every kind of status in French, page order: home, about-us, team, contact."""
    localize(tree["about"], tree["fr"], {"About us": "À propos"})
    tree["about"].save_revision().publish()  # edited after the last sync: out of date
    call_command(
        "machine_translate", "--locale", "fr", "--page", str(tree["team"].pk), stdout=StringIO()
    )
    StandardPageFactory(
        parent=tree["home"], title="Contact", slug="contact"
    ).save_revision().publish()
    return tree


def test_report_lists_each_status_with_the_right_link(client, statuses, translator):
    client.force_login(translator)

    response = client.get(reverse(REPORT))

    assert response.status_code == 200
    html = response.content.decode()
    contact = statuses["home"].get_children().get(slug="contact")
    expected = {
        statuses["home"].pk: "current",  # translated and published (strings still in English)
        statuses["about"].pk: "outdated",  # the source was published again after the sync
        statuses["team"].pk: "unpublished",  # machine translated, a draft
        contact.pk: "missing",
    }
    french = parse_statuses(html, "fr")
    assert {page_id: french.get(page_id) for page_id in expected} == expected
    translate_url = reverse("wagtail_localize:submit_page_translation", args=[contact.pk])
    assert f'href="{translate_url}?select_locale=fr' in html
    team_fr = statuses["team"].get_translation(statuses["fr"])
    assert f'href="{reverse("wagtailadmin_pages:edit", args=[team_fr.pk])}"' in html
    assert "100% translated" in html  # team, machine translated
    about_source = TranslationSource.objects.get(object_id=statuses["about"].translation_key)
    assert reverse("wagtail_localize:update_translations", args=[about_source.pk]) in html


def test_filter_by_language(client, statuses, translator):
    Locale.objects.create(language_code="de")
    client.force_login(translator)

    everything = client.get(reverse(REPORT)).content.decode()
    french_only = client.get(reverse(REPORT), {"locale": statuses["fr"].pk}).content.decode()

    rows = parse_statuses(everything, "fr").keys()
    assert rows >= {statuses["home"].pk, statuses["about"].pk, statuses["team"].pk}
    assert set(parse_statuses(everything, "de").values()) == {"missing"}
    assert parse_statuses(everything, "de").keys() == rows
    assert parse_statuses(french_only, "de") == {}
    assert parse_statuses(french_only, "fr").keys() == rows


def test_links_bring_the_translator_back_to_the_filtered_report(client, statuses, translator):
    client.force_login(translator)
    query = {"locale": statuses["fr"].pk}

    # The language filter refreshes the table through the results-only URL.
    results = client.get(reverse("localization:translation_status_results"), query)

    contact = statuses["home"].get_children().get(slug="contact")
    translate_url = reverse("wagtail_localize:submit_page_translation", args=[contact.pk])
    back = urlencode({"next": f"{reverse(REPORT)}?locale={statuses['fr'].pk}"})
    assert f"{translate_url}?select_locale=fr&amp;{back.replace('&', '&amp;')}" in (
        results.content.decode()
    )


def test_query_count_does_not_grow_with_pages(client, tree, translator):
    client.force_login(translator)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse(REPORT)).status_code == 200
        return len(captured)

    small = queries()  # 3 pages
    for index in range(17):
        page = StandardPageFactory(parent=tree["home"], title=f"Extra {index}")
        page.save_revision().publish()
        if index % 2:
            localize(page, tree["fr"])
    large = queries()  # 20 pages

    assert large == small


def test_visible_to_translators_and_editors_only(client, tree, translator, editor):
    User = get_user_model()
    sales = User.objects.create_user("sam.sales", password="pw")
    sales.groups.add(Group.objects.get(name="Sales"))

    for user, expected in ((translator, 200), (editor, 200)):
        client.force_login(user)
        assert client.get(reverse(REPORT)).status_code == expected
        # Listed under Reports in the admin menu.
        assert reverse(REPORT).encode() in client.get(reverse("wagtailadmin_home")).content

    client.force_login(sales)
    assert client.get(reverse(REPORT)).status_code in (302, 403)
    assert reverse(REPORT).encode() not in client.get(reverse("wagtailadmin_home")).content
