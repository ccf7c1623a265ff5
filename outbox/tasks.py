"""The worker's half of the outbox: deliver one queued email, retry, never twice."""

import logging

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django_tasks import task

from .delivery import delivery_connection, retry_delay
from .models import EmailStatus, OutgoingEmail
from .serialization import load

logger = logging.getLogger(__name__)

# A task that wakes up this much before the row's next attempt is a leftover of an
# earlier schedule (e.g. "Retry now" was used meanwhile) and does nothing.
EARLY_TOLERANCE = timezone.timedelta(seconds=5)
# A queued email whose next attempt is this overdue lost its task (a worker killed in
# the middle of a send); the next delivery queues it again.
STALE_AFTER = timezone.timedelta(minutes=15)


@task(backend="leads")
def deliver_email(email_id: int) -> str:
    """Send the email through OUTBOX_DELIVERY_BACKEND once; on failure, retry later.

    The row stays locked while the mail server is talked to, so a duplicated or
    concurrent task for the same email skips it, and a sent email is never sent again.
    (If the database fails right after the server accepted the email, the retry sends
    it again with the same Message-ID: better twice than never.)
    """
    with transaction.atomic():
        email = (
            OutgoingEmail.objects.select_for_update(skip_locked=True).filter(pk=email_id).first()
        )
        if email is None:
            return "busy" if OutgoingEmail.objects.filter(pk=email_id).exists() else "gone"
        if email.status != EmailStatus.QUEUED:
            return email.status
        now = timezone.now()
        if email.next_attempt_at and now < email.next_attempt_at - EARLY_TOLERANCE:
            return "not due"
        try:
            with delivery_connection() as connection:
                connection.send_messages([load(email.message)])
        except Exception as error:
            outcome = _record_failure(email, error)
        else:
            email.status = EmailStatus.SENT
            email.sent_at = timezone.now()
            email.next_attempt_at = None
            email.save(update_fields=["status", "sent_at", "next_attempt_at"])
            outcome = "sent"
    requeue_stale()
    return outcome


def _record_failure(email: OutgoingEmail, error: Exception) -> str:
    email.attempts += 1
    email.last_error = f"{timezone.now():%Y-%m-%d %H:%M} {type(error).__name__}: {error}"[:2000]
    # smtplib and socket errors are OSErrors and may pass; anything else (a header
    # Django refuses, an encoding error) fails the same way on every attempt.
    transient = isinstance(error, OSError)
    if not transient or email.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
        email.status = EmailStatus.FAILED
        email.next_attempt_at = None
        email.save(update_fields=["attempts", "last_error", "status", "next_attempt_at"])
        logger.error("Giving up on email %s (%r): %s", email.pk, email.subject, error)
        return "failed"
    email.next_attempt_at = timezone.now() + retry_delay(email.attempts)
    email.save(update_fields=["attempts", "last_error", "next_attempt_at"])
    deliver_email.using(run_after=email.next_attempt_at).enqueue(email.pk)
    logger.warning(
        "Email %s (%r) failed (%s); retrying at %s",
        email.pk,
        email.subject,
        error,
        email.next_attempt_at,
    )
    return "retrying"


def retry_now(email: OutgoingEmail) -> None:
    """Queue an immediate attempt (the admin's "Retry now"), even for a failed email."""
    with transaction.atomic():
        updated = OutgoingEmail.objects.filter(
            pk=email.pk, status__in=[EmailStatus.QUEUED, EmailStatus.FAILED]
        ).update(status=EmailStatus.QUEUED, next_attempt_at=timezone.now())
        if updated:
            deliver_email.enqueue(email.pk)


def requeue_stale() -> int:
    cutoff = timezone.now() - STALE_AFTER
    stale = (
        OutgoingEmail.objects.filter(status=EmailStatus.QUEUED)
        .filter(
            models.Q(next_attempt_at__lt=cutoff)
            | models.Q(next_attempt_at__isnull=True, created_at__lt=cutoff)
        )
        .values_list("pk", flat=True)[:100]
    )
    count = 0
    for pk in stale:
        retry_now(OutgoingEmail(pk=pk))
        count += 1
    return count
