"""Settings for `make run`: local, verbose, SQLite unless DATABASE_URL says otherwise."""

from .base import *  # noqa: F403
from .env import env_list, env_str

DEBUG = True
# Good for a laptop only; production.py refuses to start without a real key.
SECRET_KEY = env_str("SECRET_KEY", "django-insecure-dev-only-key-never-use-in-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
# Queued as everywhere (base.py); the worker prints them to the console.
OUTBOX_DELIVERY_BACKEND = env_str(
    "OUTBOX_DELIVERY_BACKEND",
    env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"),
)
# Serve static files straight from the app folders, no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

if not DEEPL_API_KEY:  # noqa: F405
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
    }
