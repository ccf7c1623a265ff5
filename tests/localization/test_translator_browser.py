"""A translator in a real browser: the status report, the translation editor, "Save draft"."""

from io import StringIO

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Collection, Locale, Page, Site

from localization.roles import TRANSLATORS_GROUP

# Chromium's launch options and the screenshots folder, shared with tests/browser/.
from tests.browser.conftest import artifacts_dir, browser_type_launch_args  # noqa: F401
from tests.factories import HomePageFactory, StandardPageFactory
from tests.localization.conftest import localize

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def translator_site(live_server, transactional_db):
    # Browser tests run on a committed database that is emptied after each test,
    # migration data included: rebuild the roots and the Translators group.
    en, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    fr, _ = Locale.objects.get_or_create(language_code="fr")
    if not Collection.get_first_root_node():
        Collection.add_root(name="Root")
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root", locale=en)
    home = HomePageFactory(parent=root, locale=en, title="Home")
    host, port = live_server.url.removeprefix("http://").split(":")
    Site.objects.update_or_create(
        is_default_site=True, defaults={"root_page": home, "hostname": host, "port": int(port)}
    )
    about = StandardPageFactory(
        parent=home, title="About us", slug="about-us", intro="We make lamps"
    )
    about.save_revision().publish()
    localize(home, fr)
    about_fr = localize(about, fr)
    StandardPageFactory(parent=home, title="Contact", slug="contact").save_revision().publish()
    call_command("sync_roles", stdout=StringIO())
    user = get_user_model().objects.create_user("tina", "tina@example.com", "Tina-pass-1")
    user.groups.add(Group.objects.get(name=TRANSLATORS_GROUP))
    return live_server.url, about_fr


def test_translator_saves_a_draft_from_the_editor(page, translator_site, artifacts_dir):  # noqa: F811
    base, about_fr = translator_site
    page.goto(f"{base}/admin/login/")
    page.get_by_label("Username").fill("tina")
    page.get_by_label("Password").fill("Tina-pass-1")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{base}/admin/")

    page.goto(f"{base}/admin/")
    page.get_by_role("button", name="Reports").click()
    page.get_by_role("link", name="Translation status").click()
    page.wait_for_url(f"{base}/admin/localization/reports/translation-status/")
    page.screenshot(path=artifacts_dir / "translation-status-report.png", full_page=True)
    row = page.locator("tr", has_text="About us")
    assert "up to date" in row.inner_text().lower()  # badges are upper-cased by CSS
    row.get_by_role("link", name="Edit").click()
    page.wait_for_url(f"{base}/admin/pages/{about_fr.pk}/edit/")

    # Translate the title in wagtail-localize's editor; it saves the string at once.
    page.get_by_role("button", name="Translate", exact=True).first.click()
    with page.expect_response(
        lambda response: "/strings/" in response.url and response.request.method == "PUT"
    ) as saved:
        page.locator(".js-translation-editor textarea").fill("À propos")
        page.get_by_role("button", name="Save", exact=True).click()
    assert saved.value.ok
    save_draft = page.get_by_role("button", name="Save draft", exact=True)
    save_draft.scroll_into_view_if_needed()
    page.screenshot(path=artifacts_dir / "translation-editor-save-draft.png")
    save_draft.click()
    page.wait_for_url(f"{base}/admin/pages/{about_fr.pk}/edit/")
    assert "was saved as a draft" in page.content()

    about_fr.refresh_from_db()
    assert about_fr.get_latest_revision_as_object().title == "À propos"
    assert about_fr.live and about_fr.title == "About us"  # an editor publishes it
