"""Production settings: fail loudly when a secret or host list is missing."""

from .base import *  # noqa: F403
from .base import STORAGES
from .env import env_bool, env_int, env_list, env_required, env_str

DEBUG = False

SECRET_KEY = env_required(
    "SECRET_KEY",
    "generate one with `python -c 'import secrets; print(secrets.token_urlsafe(64))'`.",
)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    env_required("ALLOWED_HOSTS", "a comma-separated list of the site's host names.")

RECAPTCHA_PUBLIC_KEY = env_required(
    "RECAPTCHA_PUBLIC_KEY", "the site key of a reCAPTCHA v3 site (spam protection on forms)."
)
RECAPTCHA_PRIVATE_KEY = env_required("RECAPTCHA_PRIVATE_KEY", "the secret key of that site.")
RECAPTCHA_ENABLED = True
SILENCED_SYSTEM_CHECKS = []  # base.py silences the test-key warning for dev and tests only

WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", f"https://{ALLOWED_HOSTS[0]}")

# HTTPS is terminated at the proxy in front of gunicorn, which sets this header.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
