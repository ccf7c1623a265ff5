"""Settings for bench/catalog.py and the gunicorn it starts: production-like, PostgreSQL only.

DEBUG is off and templates, middleware and the search backend are those of
exportsite.settings.base; only what a benchmark must not share with a real site
differs: a fixed key, local host names and a media folder of its own.
"""

import os
import re
import tempfile
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from exportsite.settings.base import *  # noqa: F403
from exportsite.settings.base import DATABASES

# base.py falls back to var/db.sqlite3 without DATABASE_URL: the bench never uses it.
if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
    raise ImproperlyConfigured(
        "The benchmark runs against PostgreSQL only (never var/db.sqlite3): set "
        "DATABASE_URL=postgres://... to an empty database, or run bench/run, which starts "
        "a throwaway PostgreSQL cluster for you."
    )

DEBUG = False
SECRET_KEY = "bench-only-" + "b" * 60
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
WAGTAILADMIN_BASE_URL = "http://127.0.0.1"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

# Generated product pictures and their renditions: one folder per database, shared
# by the bench script and its gunicorn workers (a per-process mkdtemp() would split
# them), kept for a rerun on the same database.
_db = DATABASES["default"]
_db_label = re.sub(r"[^A-Za-z0-9]+", "-", f"{_db['HOST']}-{_db['PORT']}-{_db['NAME']}")
MEDIA_ROOT = Path(
    os.environ.get("BENCH_MEDIA_ROOT")
    or Path(tempfile.gettempdir()) / f"exportsite-bench-media-{_db_label.strip('-')}"
)

# Measured pages are HTML only; whitenoise has nothing to serve (no collectstatic).
STATIC_ROOT = None

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    # The search page may 404 on purpose; server errors still show.
    "loggers": {"django.request": {"level": "ERROR"}},
}
