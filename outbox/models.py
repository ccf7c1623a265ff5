from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class EmailStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class OutgoingEmail(models.Model):
    """One email waiting for, or done with, delivery by the worker (see outbox/__init__.py)."""

    subject = models.TextField(_("subject"))
    from_email = models.TextField(pgettext_lazy("email", "sender"))
    recipients = models.TextField(_("recipients"), help_text=_("To, Cc and Bcc addresses."))
    # The whole EmailMessage (outbox.serialization), attachments included, so the worker
    # rebuilds exactly what the caller wrote.
    message = models.JSONField(pgettext_lazy("email", "content"))
    status = models.CharField(
        _("status"), max_length=10, choices=EmailStatus.choices, default=EmailStatus.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("outgoing email")
        verbose_name_plural = _("outgoing emails")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self):
        return self.subject or _("(no subject)")

    def body(self) -> str:
        return self.message.get("body", "")

    body.short_description = _("body")
