"""Settings for the test suite: always a real PostgreSQL server."""

import os
import tempfile

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DATABASES

if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
    raise ImproperlyConfigured(
        "The test suite runs against PostgreSQL: set DATABASE_URL=postgres://... "
        "or run `make test`, which starts a throwaway PostgreSQL cluster for you."
    )

DEBUG = False
SECRET_KEY = "test-only-" + "x" * 60
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Queued as everywhere (base.py); tests run the worker (tests/outbox/worker.py) and
# read what it delivered in django.core.mail.outbox.
OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="exportsite-test-media-")
WAGTAILADMIN_BASE_URL = "http://testserver"
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API + live_server
LOGGING = {"version": 1, "disable_existing_loggers": False}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
PRIVATE_MEDIA_ROOT = tempfile.mkdtemp(prefix="exportsite-test-private-")
# No Stripe unless a test starts the fake Stripe server (tests/enquiries/fake_stripe.py).
STRIPE_SECRET_KEY = ""
STRIPE_WEBHOOK_SECRET = "whsec_test_secret"
STRIPE_API_BASE = ""
# Forms carry the reCAPTCHA field; tests answer Google's side with the
# `recaptcha` fixture (tests/enquiries/conftest.py), never the network.
RECAPTCHA_ENABLED = True

if not DEEPL_API_KEY:  # noqa: F405
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
    }

# The demo in two languages besides English (one of them right-to-left) keeps the
# seeded-site tests fast; tests/home/test_demo_languages.py seeds all of them.
DEMO_LANGUAGES = ["es", "ar"]
