import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from localization.roles import TRANSLATORS_GROUP
from tests.factories import HomePageFactory, StandardPageFactory


def localize(page, locale, catalog=None):
    """A published translation made through wagtail-localize, as a translator would.

    Strings missing from `catalog` stay untranslated (the page shows the source text).
    Unlike exportsite.demo.translate_page, no demo catalog is mixed in.
    """
    catalog = catalog or {}
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        if segment.string.data in catalog:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                context_id=segment.context_id,
                locale=locale,
                defaults={"data": catalog[segment.string.data]},
            )
    # Publishing here, not through save_target(publish=True): that defers to on_commit.
    translation.save_target(publish=False)
    translated = page.get_translation(locale).specific
    translated.get_latest_revision().publish()
    translated.refresh_from_db()
    return translated


@pytest.fixture
def en_fr(db):
    return (
        Locale.objects.get_or_create(language_code="en")[0],
        Locale.objects.get_or_create(language_code="fr")[0],
    )


@pytest.fixture
def tree(en_fr):
    """An English home with two pages, all published; the home translated into French.

    root
    ├── home (en) ── about-us ── team
    └── home (fr)   (through wagtail-localize, strings left in English)
    """
    en, fr = en_fr
    home = HomePageFactory(
        parent=Page.get_first_root_node(),
        locale=en,
        title="Home",
        hero_heading="LED lighting made in Ningbo",
    )
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    about = StandardPageFactory(
        parent=home, title="About us", slug="about-us", intro="We make lamps"
    )
    team = StandardPageFactory(
        parent=about, title="Our team", slug="team", intro="Engineers and sales"
    )
    for page in (home, about, team):
        page.save_revision().publish()
    home_fr = localize(home, fr)
    return {"en": en, "fr": fr, "home": home, "about": about, "team": team, "home_fr": home_fr}


def _user(username, **extra):
    return get_user_model().objects.create_user(
        username=username, email=f"{username}@example.com", password="pw", **extra
    )


@pytest.fixture
def translator(db):
    user = _user("tina.translator")
    user.groups.add(Group.objects.get(name=TRANSLATORS_GROUP))
    return user


@pytest.fixture
def editor(db):
    # Wagtail's own "Editors" group can't publish; "Moderators" can.
    user = _user("eddie.editor")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user
