"""`manage.py machine_translate`: machine translations left as drafts for review."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Locale, Page
from wagtail_localize.machine_translators.dummy import DummyTranslator
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from products.models import SpecificationAttribute
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def run(*args, **options):
    out = StringIO()
    call_command("machine_translate", *args, stdout=out, **options)
    return out.getvalue()


def _fr(page, tree):
    return Page.objects.get(translation_key=page.translation_key, locale=tree["fr"]).specific


def _string_translation(page, text, locale):
    segment = StringSegment.objects.get(source__object_id=page.translation_key, string__data=text)
    return StringTranslation.objects.get(
        translation_of=segment.string, context=segment.context, locale=locale
    )


def test_translates_the_subtree_into_unpublished_drafts(tree):
    out = run("--locale", "fr", "--page", str(tree["about"].pk))

    about_fr, team_fr = _fr(tree["about"], tree), _fr(tree["team"], tree)
    for page in (about_fr, team_fr):
        assert not page.live
        assert page.get_latest_revision() is not None
    # The dummy translator reverses the words.
    assert about_fr.get_latest_revision_as_object().title == "us About"
    assert team_fr.get_latest_revision_as_object().intro == "sales and Engineers"
    string = _string_translation(tree["about"], "We make lamps", tree["fr"])
    assert string.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE
    assert string.data == "lamps make We"
    # Translators find them in wagtail-localize's editor.
    assert Translation.objects.filter(target_locale=tree["fr"], enabled=True).count() == 3
    assert "/about-us/: " in out and "/about-us/team/: " in out
    assert "Nothing was published." in out


def test_an_existing_live_translation_gets_a_draft_and_stays_as_it_was(tree):
    home_fr = tree["home_fr"]  # live, strings still in English
    live_heading = home_fr.hero_heading

    run("--locale", "fr", "--page", "/en/")

    home_fr.refresh_from_db()
    assert home_fr.live
    assert home_fr.hero_heading == live_heading
    assert home_fr.has_unpublished_changes
    assert home_fr.get_latest_revision_as_object().hero_heading == "Ningbo in made lighting LED"


def test_rerun_is_idempotent_and_keeps_human_translations(tree):
    run("--locale", "fr")
    human = _string_translation(tree["about"], "We make lamps", tree["fr"])
    human.data = "Nous fabriquons des lampes"
    human.translation_type = StringTranslation.TRANSLATION_TYPE_MANUAL
    human.save()
    about_fr = _fr(tree["about"], tree)
    revisions = about_fr.revisions.count()

    out = run("--locale", "fr")

    about_fr.refresh_from_db()
    assert about_fr.revisions.count() == revisions  # nothing new to save
    assert "0 machine-translated" in out and "up to date, nothing saved" in out
    human.refresh_from_db()
    assert human.data == "Nous fabriquons des lampes"

    run("--locale", "fr", "--overwrite")

    human.refresh_from_db()
    assert human.data == "lamps make We"
    assert human.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE


def test_a_page_edited_by_hand_outside_wagtail_localize_is_skipped(tree):
    team_fr = tree["team"].copy_for_translation(tree["fr"], copy_parents=True)

    out = run("--locale", "fr", "--page", str(tree["team"].pk))

    assert "skipped, translated by hand" in out
    assert not Translation.objects.filter(
        source__object_id=team_fr.translation_key, target_locale=tree["fr"]
    ).exists()


def test_snippets_are_translated_on_request(tree):
    attribute = SpecificationAttribute.objects.create(
        name="Beam angle", key="beam-angle", locale=tree["en"]
    )

    run("--locale", "fr", "--page", str(tree["team"].pk), "--snippets")

    assert attribute.get_translation(tree["fr"]).name == "angle Beam"


def test_clear_errors(tree, settings):
    with pytest.raises(CommandError, match="No locale 'xx'"):
        run("--locale", "xx")
    with pytest.raises(CommandError, match="No page at '/en/nowhere/'"):
        run("--locale", "fr", "--page", "/en/nowhere/")
    with pytest.raises(CommandError, match="already in fr"):
        run("--locale", "fr", "--page", str(tree["home_fr"].pk))

    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
    with pytest.raises(CommandError, match="No machine translator is configured"):
        run("--locale", "fr")


def test_a_language_pair_the_translator_cannot_do(tree, settings):
    # The dummy translator refuses to "translate" between variants of one language.
    settings.WAGTAIL_CONTENT_LANGUAGES = [
        *settings.WAGTAIL_CONTENT_LANGUAGES,
        ("en-gb", "British English"),
    ]
    Locale.objects.create(language_code="en-gb")

    with pytest.raises(CommandError, match="can't translate from en into en-gb"):
        run("--locale", "en-gb")


def test_unpublished_source_pages_wait(tree):
    draft = StandardPageFactory(parent=tree["about"], title="Coming soon", live=False)

    out = run("--locale", "fr", "--page", str(tree["about"].pk))

    assert draft.get_translation_or_none(tree["fr"]) is None
    assert f"{draft.url_path}: skipped, the source page is not published" in out


class UnreachableTranslator(DummyTranslator):
    """DeepL down, as far as the command can tell."""

    def translate(self, source_locale, target_locale, strings):
        raise ConnectionError("api.deepl.com unreachable")


def test_a_failing_translator_stops_with_a_clear_error(tree, settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {"CLASS": f"{__name__}.UnreachableTranslator"}

    with pytest.raises(CommandError, match=r"failed on 'About us': api\.deepl\.com unreachable"):
        run("--locale", "fr", "--page", str(tree["about"].pk))
