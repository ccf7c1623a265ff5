import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale, Page, Site

from exportsite.demo import translate_page
from localization.roles import TRANSLATORS_GROUP
from tests.factories import HomePageFactory, StandardPageFactory


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
    home_fr, _ = translate_page(home, fr, {})
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
