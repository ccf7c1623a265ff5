"""Lead emails, sent by the `leads` task queue's worker (`manage.py db_worker --backend leads`).

SMTP being down never loses a lead: the lead and this task are committed together,
a failure is recorded on the lead (the inbox shows it) and the task is queued
again with a growing delay, up to LEADS_NOTIFICATION_MAX_ATTEMPTS.

Unlike other email (queued through EMAIL_BACKEND, see outbox/__init__.py), these are
sent from the worker straight through outbox.delivery.delivery_connection(): the
lead itself is their delivery record.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task

from outbox.delivery import delivery_connection, retry_delay, single_line

logger = logging.getLogger(__name__)


@task(backend="leads")
def send_lead_emails(lead_id: int) -> str:
    from .models import Lead, NotificationStatus

    # The lead stays locked while the mail server is talked to: a second task for the
    # same lead (a retry, "retry now") skips it instead of sending the emails twice.
    with transaction.atomic():
        lead = (
            Lead.objects.select_for_update(skip_locked=True)
            .filter(pk=lead_id)
            .prefetch_related("lines__product")
            .first()
        )
        if lead is None:
            return "busy" if Lead.objects.filter(pk=lead_id).exists() else "gone"
        if lead.anonymised_at:
            return "gone"
        try:
            with delivery_connection() as connection:
                if lead.notification_status != NotificationStatus.SENT:
                    _send_sales_notification(lead, connection)
                    lead.notification_status = NotificationStatus.SENT
                    lead.notification_error = ""
                    lead.save(
                        update_fields=["notification_status", "notification_error", "updated_at"]
                    )
                if lead.acknowledgement_sent_at is None:
                    _send_acknowledgement(lead, connection)
                    lead.acknowledgement_sent_at = timezone.now()
                    lead.save(update_fields=["acknowledgement_sent_at", "updated_at"])
        except Exception as error:
            return _record_failure(lead, error)
    return "sent"


def _record_failure(lead, error) -> str:
    from .models import NotificationStatus

    lead.notification_attempts += 1
    lead.notification_status = (
        NotificationStatus.FAILED
        if lead.notification_status != NotificationStatus.SENT
        else NotificationStatus.SENT
    )
    lead.notification_error = f"{timezone.now():%Y-%m-%d %H:%M} {type(error).__name__}: {error}"[
        :2000
    ]
    lead.save(
        update_fields=[
            "notification_attempts",
            "notification_status",
            "notification_error",
            "updated_at",
        ]
    )
    if lead.notification_attempts >= settings.LEADS_NOTIFICATION_MAX_ATTEMPTS:
        logger.error("Giving up on emails for lead %s: %s", lead.reference, error)
        return "failed"
    delay = retry_delay(lead.notification_attempts)
    logger.warning("Emails for lead %s failed (%s); retrying in %s", lead.reference, error, delay)
    send_lead_emails.using(run_after=timezone.now() + delay).enqueue(lead.pk)
    return "retrying"


def sales_recipients(lead) -> list[str]:
    """The category's sales address for the first product that has one, else the default."""
    from home.models import CompanySettings
    from products.models import ProductCategoryPage

    for line in lead.lines.all():
        if line.product is None:
            continue
        category = (
            ProductCategoryPage.objects.ancestor_of(line.product)
            .exclude(leads_email="")
            .order_by("-depth")
            .first()
        )
        if category:
            return [category.leads_email]
    if settings.LEADS_NOTIFY_EMAIL:
        return [settings.LEADS_NOTIFY_EMAIL]
    company = CompanySettings.objects.filter(site__is_default_site=True).first()
    if company and company.email:
        return [company.email]
    return [settings.DEFAULT_FROM_EMAIL]


def _send_sales_notification(lead, connection) -> None:
    # Sales read the admin's language; the buyer's language is named in the email.
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "lead": lead,
            "lines": lead.lines.all(),
            "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + lead.get_admin_url(),
        }
        subject = render_to_string("enquiries/email/sales_notification_subject.txt", context)
        body = render_to_string("enquiries/email/sales_notification.txt", context)
    EmailMessage(
        subject=single_line(subject),
        body=body,
        to=sales_recipients(lead),
        reply_to=[lead.email],
        connection=connection,
    ).send()


def _send_acknowledgement(lead, connection) -> None:
    from home.models import CompanySettings

    company = CompanySettings.objects.filter(site__is_default_site=True).first()
    with translation.override(lead.language):
        context = {"lead": lead, "lines": lead.lines.all(), "company": company}
        subject = render_to_string("enquiries/email/acknowledgement_subject.txt", context)
        body = render_to_string("enquiries/email/acknowledgement.txt", context)
    reply_to = [company.email] if company and company.email else None
    EmailMessage(
        subject=single_line(subject),
        body=body,
        to=[lead.email],
        reply_to=reply_to,
        connection=connection,
    ).send()
