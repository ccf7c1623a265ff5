"""Project-level guarantees: migrations, production settings, demo content."""

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import Count
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision, Site
from wagtail_localize.models import StringTranslation, Translation

from home.models import CompanySettings
from tests.helpers import html_attrs

BASE_DIR = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_no_missing_migrations():
    # makemigrations --check exits non-zero (SystemExit) when a model changed.
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def _manage(*args, env_overrides: dict[str, str | None]):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env["DJANGO_SETTINGS_MODULE"] = "exportsite.settings.production"
    for key, value in env_overrides.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION_ENV = {
    "SECRET_KEY": "a-long-random-production-secret-key-" + "k3y" * 12,
    "ALLOWED_HOSTS": "www.example.com",
    "RECAPTCHA_PUBLIC_KEY": "site-key-from-the-recaptcha-console",
    "RECAPTCHA_PRIVATE_KEY": "secret-key-from-the-recaptcha-console",
}


def test_production_check_deploy_is_clean():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env_overrides=PRODUCTION_ENV)

    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    "missing", ["SECRET_KEY", "ALLOWED_HOSTS", "RECAPTCHA_PUBLIC_KEY", "RECAPTCHA_PRIVATE_KEY"]
)
def test_production_refuses_to_start_without_required_env(missing):
    result = _manage("check", env_overrides={**PRODUCTION_ENV, missing: None})

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert f"The environment variable {missing} must be set" in result.stderr


def _content_snapshot():
    return {
        "pages": sorted(
            Page.objects.values_list("id", "path", "slug", "live", "latest_revision_id")
        ),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "sites": sorted(Site.objects.values_list("hostname", "port", "root_page_id")),
        "translations": Translation.objects.count(),
        "string_translations": StringTranslation.objects.count(),
        "company": list(CompanySettings.objects.values()),
        "locales": sorted(
            Page.objects.values("locale__language_code")
            .annotate(n=Count("id"))
            .values_list("locale__language_code", "n")
        ),
    }


@pytest.mark.django_db
@pytest.mark.usefixtures("demo_site")
def test_seed_demo_builds_a_translated_site_and_is_idempotent():
    first = _content_snapshot()

    call_command("seed_demo", stdout=StringIO())

    assert _content_snapshot() == first
    assert dict(first["locales"]).keys() >= {"en", "es", "ar"}


@pytest.mark.django_db
@pytest.mark.usefixtures("demo_site")
@pytest.mark.parametrize(
    ("language", "direction", "heading"),
    [
        ("en", "ltr", "LED lighting made in Ningbo, shipped to 60 countries"),
        ("es", "ltr", "Iluminación LED fabricada en Ningbo y enviada a 60 países"),
        ("ar", "rtl", "إضاءة LED مصنوعة في نينغبو ومشحونة إلى 60 دولة"),
    ],
)
def test_seeded_home_renders_in_every_seeded_locale(client, language, direction, heading):
    response = client.get(f"/{language}/")

    assert response.status_code == 200
    assert html_attrs(response.content, "html") == {"lang": language, "dir": direction}
    assert heading in response.content.decode()


@pytest.mark.django_db
@pytest.mark.usefixtures("demo_site")
def test_seed_demo_translations_are_real_wagtail_localize_translations():
    home = Site.objects.get(is_default_site=True).root_page
    for code in ("es", "ar"):
        translated = home.get_translation(Locale.objects.get(language_code=code))
        assert translated.live
        assert translated.title != home.title
        # Editable in wagtail-localize's editor: a Translation record links them.
        assert Translation.objects.filter(
            source__object_id=home.translation_key, target_locale__language_code=code
        ).exists()


@pytest.mark.django_db
def test_ensure_admin_prints_a_random_password_once():
    first, second = StringIO(), StringIO()
    call_command("ensure_admin", stdout=first)
    call_command("ensure_admin", stdout=second)

    admin = get_user_model().objects.get(username="admin")
    password = next(
        line.split(":", 1)[1].strip()
        for line in first.getvalue().splitlines()
        if "password:" in line
    )
    assert admin.is_superuser and admin.check_password(password)
    assert len(password) >= 16
    assert password not in second.getvalue()
