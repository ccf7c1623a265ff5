"""Settings shared by every environment. Environment-specific modules import this."""

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from .env import env_bool, env_int, env_list, env_str

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = BASE_DIR / "var"

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "products",
    "blog",
    "faq",
    "enquiries",
    "reviews",
    "localization",
    "outbox",
    "wagtail_localize",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "django_countries",
    "django_recaptcha",
    "django_tasks",
    "django_tasks_db",
    "wagtail_localize.locales",  # replaces wagtail.locales with sync-aware locale admin
    "wagtailseo",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    # Form widgets render through TEMPLATES (FORM_RENDERER below), so templates/
    # can replace a library's widget template (django_recaptcha/widget_v3.html).
    "django.forms",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "home.middleware.RejectNulCharactersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "exportsite.urls"
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "exportsite.wsgi.application"

# SQLite under var/ is only the zero-setup default for `make run`; production and
# the test suite use PostgreSQL through DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # `make run` has two writers at once: the web server and the email worker
    # polling its queue. SQLite's defaults turn that into "database is locked":
    # a deferred transaction that later needs to write cannot wait for the lock,
    # it fails at once. IMMEDIATE takes the write lock at BEGIN, where the busy
    # timeout applies; WAL lets readers go on while one writer writes.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages -------------------------------------------------------------
# Codes double as URL prefixes (/en/, /zh-hans/, /ar/...).
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("zh-hans", _("Simplified Chinese")),
    ("es", _("Spanish")),
    ("fr", _("French")),
    ("de", _("German")),
    ("ar", _("Arabic")),
    ("ru", _("Russian")),
    ("pt", _("Portuguese")),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

# --- Static and media --------------------------------------------------------
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "static_collected")))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
MEDIA_URL = env_str("MEDIA_URL", "/media/")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- Email -------------------------------------------------------------------
# Every email is queued in the database (outbox app) and sent by the task worker
# through OUTBOX_DELIVERY_BACKEND: a slow or broken mail server never fails or loses a
# submission. EMAIL_BACKEND from the environment used to name the real backend; it
# still does, as OUTBOX_DELIVERY_BACKEND's fallback.
EMAIL_BACKEND = "outbox.backends.QueuedEmailBackend"
OUTBOX_DELIVERY_BACKEND = env_str(
    "OUTBOX_DELIVERY_BACKEND",
    env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"),
)
OUTBOX_MAX_ATTEMPTS = env_int("OUTBOX_MAX_ATTEMPTS", 5)
# Waits after the 1st, 2nd... failed delivery (the last one repeats): 1, 5, 15, 60
# and 240 minutes ride out a mail server's restart or an afternoon's outage.
OUTBOX_RETRY_DELAYS_SECONDS = [60, 300, 900, 3600, 14400]
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Wagtail -------------------------------------------------------------------
WAGTAIL_SITE_NAME = env_str("WAGTAIL_SITE_NAME", "exportsite")
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {
    # The database backend picks PostgreSQL full-text search on PostgreSQL.
    "default": {"BACKEND": "wagtail.search.backends.database"},
}
WAGTAILDOCS_EXTENSIONS = ["pdf", "csv", "docx", "xlsx", "odt", "ods", "txt", "zip"]
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"avif": "webp"}
WAGTAILSEO_SEP = "|"
# "Translate this page" creates the translation as a draft instead of publishing it with
# English placeholders: translators submit for moderation, editors publish.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Machine translation in wagtail-localize's editor (and `manage.py machine_translate`):
# DeepL when DEEPL_API_KEY is set, otherwise none. dev.py and test.py use the dummy
# translator, which only reverses words, so nobody mistakes its output for a real one.
DEEPL_API_KEY = env_str("DEEPL_API_KEY")
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = (
    {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": DEEPL_API_KEY},
    }
    if DEEPL_API_KEY
    else None
)

# --- Background tasks --------------------------------------------------------
# Wagtail's own tasks (search and reference index) run at once, as before. All email
# (lead emails and the outbox's deliveries) goes through the "leads" database queue,
# whose worker (`manage.py db_worker --backend leads`, started by `make serve`)
# retries it, so a slow or broken mail server never loses a lead or a review.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "leads": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}

# --- Leads, enquiries and payments ---------------------------------------------
# Attachments are stored here, outside MEDIA_ROOT, and only staff can download them.
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT", str(VAR_DIR / "private")))
LEADS_NOTIFY_EMAIL = env_str("LEADS_NOTIFY_EMAIL")  # else the company email in settings
LEADS_RESPONSE_SLA_HOURS = env_int("LEADS_RESPONSE_SLA_HOURS", 24)
LEADS_RETENTION_DAYS = env_int("LEADS_RETENTION_DAYS", 730)
LEADS_RATE_LIMIT_PER_HOUR = env_int("LEADS_RATE_LIMIT_PER_HOUR", 5)
# Reverse proxies in front of the site that append the client's address to
# X-Forwarded-For (home/http.py client_ip). 0: the header is ignored entirely.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
LEADS_NOTIFICATION_MAX_ATTEMPTS = env_int("LEADS_NOTIFICATION_MAX_ATTEMPTS", 5)
LEADS_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
# Stripe Checkout for sample deposits; without a secret key sample orders are still
# recorded, with the deposit marked "not requested".
STRIPE_SECRET_KEY = env_str("STRIPE_SECRET_KEY")
STRIPE_WEBHOOK_SECRET = env_str("STRIPE_WEBHOOK_SECRET")
STRIPE_API_BASE = env_str("STRIPE_API_BASE")  # tests point it at a local fake server
# reCAPTCHA v3. Without keys, django-recaptcha's public test keys (they always
# pass); production.py refuses to start without real ones. A submission scoring
# below RECAPTCHA_REQUIRED_SCORE is kept as a "spam" lead for review.
RECAPTCHA_PUBLIC_KEY = env_str("RECAPTCHA_PUBLIC_KEY", "6LeIxAcTAAAAAJcZVRqyHh71UMIEGNQ_MXjiZKhI")
RECAPTCHA_PRIVATE_KEY = env_str("RECAPTCHA_PRIVATE_KEY", "6LeIxAcTAAAAAGG-vFI1TnRWxMZNFuojJ4WifJWe")
RECAPTCHA_REQUIRED_SCORE = float(env_str("RECAPTCHA_REQUIRED_SCORE", "0.5"))
# Seconds the buyer's request waits for Google's verdict; after that the lead is
# kept as "unverified" (django-recaptcha's default of 10 s is a long blank page).
RECAPTCHA_VERIFY_REQUEST_TIMEOUT = 3
SILENCED_SYSTEM_CHECKS = ["django_recaptcha.recaptcha_test_key_error"]
# Off by default in dev: the test keys still call Google, which a laptop offline
# (or a sandbox) can't reach. On when real keys are set; always on in production.
RECAPTCHA_ENABLED = env_bool("RECAPTCHA_ENABLED", bool(env_str("RECAPTCHA_PRIVATE_KEY")))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "filters": {
        "brief_security_warning": {"()": "home.log_filters.BriefSecurityWarning"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django": {
            "handlers": ["console"],
            "level": env_str("LOG_LEVEL", "INFO"),
            "propagate": False,
        },
        # A forged Host header is the client's mistake (a 400): one warning line.
        "django.security.DisallowedHost": {
            "handlers": ["console"],
            "filters": ["brief_security_warning"],
            "level": "WARNING",
            "propagate": False,
        },
        # One line per background task is noise at INFO; failures still show.
        "django_tasks": {"level": "WARNING"},
    },
}
