"""Settings for bench/enquiry_load.py: bench.settings plus real queued email over SMTP.

Only what the load test must change differs: email really goes out through the
outbox to a local SMTP server (BENCH_SMTP_PORT on 127.0.0.1), retries come after
seconds instead of minutes so the run ends, reCAPTCHA is off (it would call
Google), and the per-address rate limit is lifted (every client is 127.0.0.1).
"""

import os

from bench.settings import *  # noqa: F403

EMAIL_BACKEND = "outbox.backends.QueuedEmailBackend"
OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "127.0.0.1"
EMAIL_PORT = int(os.environ.get("BENCH_SMTP_PORT", "2525"))
EMAIL_TIMEOUT = 2
EMAIL_USE_TLS = False
OUTBOX_RETRY_DELAYS_SECONDS = [1, 2, 3]
OUTBOX_MAX_ATTEMPTS = 100
LEADS_NOTIFICATION_MAX_ATTEMPTS = 100
LEADS_NOTIFY_EMAIL = "sales@bench.example"
LEADS_RATE_LIMIT_PER_HOUR = 1_000_000
RECAPTCHA_ENABLED = False
