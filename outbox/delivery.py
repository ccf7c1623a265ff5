"""Sending for real: the connection the worker uses and the retry schedule."""

import datetime

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import get_connection


def delivery_connection():
    """A connection to the real mail backend (OUTBOX_DELIVERY_BACKEND), for the worker only.

    Never call it from a request: that is what EMAIL_BACKEND (the queue) is for.
    """
    if settings.OUTBOX_DELIVERY_BACKEND == "outbox.backends.QueuedEmailBackend":
        # Delivering into the queue would queue the email again, forever.
        raise ImproperlyConfigured("OUTBOX_DELIVERY_BACKEND must be a real mail backend.")
    return get_connection(settings.OUTBOX_DELIVERY_BACKEND, fail_silently=False)


def retry_delay(failed_attempts: int) -> datetime.timedelta:
    """How long to wait after the 1st, 2nd... failure (OUTBOX_RETRY_DELAYS_SECONDS).

    Shared by the outbox and the lead emails; the last delay repeats.
    """
    delays = settings.OUTBOX_RETRY_DELAYS_SECONDS
    index = min(max(failed_attempts, 1), len(delays)) - 1
    return datetime.timedelta(seconds=delays[index])


def single_line(subject) -> str:
    """The subject on one line: a newline in a header makes Django refuse the whole email."""
    return " ".join(str(subject).split())
