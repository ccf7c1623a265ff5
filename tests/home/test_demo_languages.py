"""`seed_demo` translates the whole demo into every configured language.

The rest of the suite seeds English, Spanish and Arabic only (settings.DEMO_LANGUAGES
in test.py) to stay fast; this module seeds all eight once.
"""

from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation

from reviews.models import ReviewPage
from tests.helpers import html_attrs

OTHER_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


@pytest.fixture(scope="module")
def all_languages_demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        output = StringIO()
        call_command("seed_demo", languages=",".join(OTHER_LANGUAGES), stdout=output)
        yield output.getvalue()
        transaction.set_rollback(True)


def test_every_configured_language_is_seeded_by_default():
    from home.management.commands.seed_demo import default_demo_languages

    with pytest.MonkeyPatch.context() as patch:
        patch.delattr(settings, "DEMO_LANGUAGES", raising=False)
        assert default_demo_languages() == OTHER_LANGUAGES


@pytest.mark.django_db
def test_every_demo_page_is_live_in_every_language(all_languages_demo):
    source_pages = (
        Page.objects.filter(locale__language_code=settings.LANGUAGE_CODE, depth__gt=1)
        .live()
        .not_type(ReviewPage)  # buyers' reviews stay in the language they were written in
    )
    keys = set(source_pages.values_list("translation_key", flat=True))
    assert len(keys) > 50
    for code in OTHER_LANGUAGES:
        translated = set(
            Page.objects.filter(locale__language_code=code, translation_key__in=keys)
            .live()
            .values_list("translation_key", flat=True)
        )
        assert translated == keys, f"{code}: {len(keys - translated)} pages not translated"


@pytest.mark.django_db
def test_every_demo_string_has_a_translation_in_every_language(all_languages_demo):
    source_strings = set(
        StringSegment.objects.filter(
            source__locale__language_code=settings.LANGUAGE_CODE
        ).values_list("string_id", flat=True)
    )
    for code in OTHER_LANGUAGES:
        locale = Locale.objects.get(language_code=code)
        translated = set(
            StringTranslation.objects.filter(
                locale=locale, translation_of_id__in=source_strings
            ).values_list("translation_of_id", flat=True)
        )
        missing = StringSegment.objects.filter(string_id__in=source_strings - translated)
        assert not missing.exists(), (
            f"{code}: no demo translation for {sorted({s.string.data for s in missing[:5]})}"
        )


@pytest.mark.django_db
def test_translations_are_real_words_not_english_copies(all_languages_demo):
    english = dict(
        Page.objects.filter(locale__language_code=settings.LANGUAGE_CODE).values_list(
            "translation_key", "title"
        )
    )
    for code in OTHER_LANGUAGES:
        titles = Page.objects.filter(
            locale__language_code=code, translation_key__in=english
        ).values_list("translation_key", "title")
        copies = [title for key, title in titles if title == english[key]]
        # A few titles are the same word in some languages ("Blog", "FAQ").
        assert len(copies) <= 3, f"{code}: English titles kept: {copies}"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "direction", "heading"),
    [
        ("fr", "ltr", "Éclairage LED fabriqué à Ningbo"),
        ("de", "ltr", "Ningbo"),
        ("pt", "ltr", "Iluminação LED"),
        ("ru", "ltr", "Нинбо"),
        ("zh-hans", "ltr", "宁波"),
    ],
)
def test_home_renders_in_each_new_language(
    client, all_languages_demo, language, direction, heading
):
    response = client.get(f"/{language}/")

    assert response.status_code == 200
    assert html_attrs(response.content, "html") == {"lang": language, "dir": direction}
    assert heading in response.content.decode()
