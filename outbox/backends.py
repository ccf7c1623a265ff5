"""EMAIL_BACKEND for the whole site: queue, never send (see outbox/__init__.py)."""

from email.utils import make_msgid, parseaddr

from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction

from .delivery import single_line


class QueuedEmailBackend(BaseEmailBackend):
    """Stores each message and enqueues its delivery in the caller's transaction.

    A review or enquiry that rolls back leaves no email behind, and one that commits
    always has its email queued: the row and the worker's task are written together.
    """

    def send_messages(self, email_messages):
        from .models import OutgoingEmail
        from .serialization import dump
        from .tasks import deliver_email

        queued = 0
        try:
            with transaction.atomic():
                for message in email_messages:
                    if not message.recipients():
                        continue
                    # Sanitised here, once for every sender: a review title with a line
                    # break must not cost the moderators their notification.
                    message.subject = single_line(message.subject)
                    _stable_message_id(message)
                    email = OutgoingEmail.objects.create(
                        subject=message.subject,
                        from_email=message.from_email,
                        recipients=", ".join(message.recipients()),
                        message=dump(message),
                    )
                    deliver_email.enqueue(email.pk)
                    queued += 1
        except Exception:
            if not self.fail_silently:
                raise
            return 0
        return queued


def _stable_message_id(message) -> None:
    """Fix the Message-ID now, so a retry is recognisably the same email.

    Django would otherwise make one per attempt from the host's DNS name, a lookup
    that must not happen in a request either.
    """
    if any(name.lower() == "message-id" for name in message.extra_headers):
        return
    domain = parseaddr(str(message.from_email))[1].rpartition("@")[2] or "localhost"
    message.extra_headers = {**message.extra_headers, "Message-ID": make_msgid(domain=domain)}
