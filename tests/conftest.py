from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.utils import translation
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from wagtail.models import Collection, Locale, Page, Site

from tests.factories import HomePageFactory, StandardPageFactory

# Property-based tests: a bounded, reproducible run by default (CI), and a long
# random one on demand: `make test PYTEST_ARGS="tests/fuzz --hypothesis-profile=full"`.
hypothesis_settings.register_profile(
    "default",
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
hypothesis_settings.register_profile(
    "full",
    max_examples=1000,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
hypothesis_settings.load_profile("default")


@pytest.fixture(autouse=True)
def _default_language():
    """Start every test in the default language.

    LocaleMiddleware activates the request's language for the thread and leaves it
    active after the response, so without this a test inherits the language of the
    last page an earlier test requested.
    """
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _queued_email(settings):
    """Keep the site's queued EMAIL_BACKEND, which Django's test setup swaps for locmem.

    Tests see what production does: a request only queues email, and
    tests/worker.py's deliver_queued_email() sends it (to locmem, see settings/test.py).
    """
    settings.EMAIL_BACKEND = "outbox.backends.QueuedEmailBackend"


@pytest.fixture
def locales(db):
    return {
        code: Locale.objects.get_or_create(language_code=code)[0] for code in ("en", "es", "ar")
    }


@pytest.fixture
def wagtail_base_rows(transactional_db):
    """What Wagtail's migrations create, for tests that commit for real.

    The flush that ends every such test (browser tests, race tests) also removes the
    rows migrations made: the root collection and page, and the default Site.
    """
    locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if not Collection.get_first_root_node():
        Collection.add_root(name="Root")
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root", locale=locale)
    if not Site.objects.filter(is_default_site=True).exists():
        Site.objects.create(hostname="localhost", port=80, root_page=root, is_default_site=True)


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


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """The full `seed_demo` content, built once per test module and rolled back after it.

    Seeding takes half a minute; tests that only read the demo share one copy. Each
    test still runs in its own savepoint (request `db`), so writes don't leak.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


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
