import pytest
from wagtail.models import Locale, Page, Site

from tests.factories import HomePageFactory, StandardPageFactory


@pytest.fixture
def locales(db):
    return {
        code: Locale.objects.get_or_create(language_code=code)[0] for code in ("en", "es", "ar")
    }


def translate(page, locale, **fields):
    """A published translation of `page`, as an editor would make it by hand."""
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation.specific


@pytest.fixture
def site_tree(locales):
    """Home in en/es/ar, an About page in en/es only: enough to test language links.

    root
    ├── home (en)  ── about-us
    ├── inicio (es) ── quienes-somos
    └── home-ar (ar)
    """
    root = Page.get_first_root_node()
    home_en = HomePageFactory(parent=root, slug="home-en", locale=locales["en"])
    site = Site.objects.get(is_default_site=True)
    site.root_page = home_en
    site.save()
    about_en = StandardPageFactory(parent=home_en, title="About us", slug="about-us")
    home_es = translate(
        home_en, locales["es"], title="Inicio", slug="inicio", hero_heading="Iluminación LED"
    )
    about_es = translate(about_en, locales["es"], title="Quiénes somos", slug="quienes-somos")
    home_ar = translate(
        home_en, locales["ar"], title="الرئيسية", slug="home-ar", hero_heading="إضاءة LED"
    )
    return {
        "site": site,
        "home": {"en": home_en, "es": home_es, "ar": home_ar},
        "about": {"en": about_en, "es": about_es},
    }


def pytest_report_header(config):
    # CI logs must show which database the suite really ran against.
    from django.conf import settings

    db = settings.DATABASES["default"]
    return f"database: {db['ENGINE'].rsplit('.', 1)[-1]} {db.get('HOST') or ''}:{db.get('PORT') or ''}/{db['NAME']}"


@pytest.fixture(scope="session", autouse=True)
def _report_database_server(request, django_db_setup, django_db_blocker):
    from django.db import connection

    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute("SELECT version()")
        (version,) = cursor.fetchone()
    plugins = request.config.pluginmanager
    reporter, capture = plugins.get_plugin("terminalreporter"), plugins.get_plugin("capturemanager")
    if reporter is not None and capture is not None:
        with capture.global_and_fixture_disabled():
            reporter.write_line(f"\ntest database server: {version}")
