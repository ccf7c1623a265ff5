"""Creating leads: committed first, emails and payments only after."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from home.http import client_ip

from .models import Lead, LeadAttachment, LeadLine, LeadStatus
from .tasks import send_lead_emails


class DuplicateSubmissionError(Exception):
    """The same form (its submission token) was already saved: a double click."""

    def __init__(self, lead: Lead):
        super().__init__(lead.reference)
        self.lead = lead


RATE_LIMIT_WINDOW = timezone.timedelta(hours=1)


def rate_limit_retry_at(ip: str | None):
    """When this address may send again, or None when it may send now.

    An address may send LEADS_RATE_LIMIT_PER_HOUR leads in any hour; the next one
    is accepted once the oldest of those is an hour old.
    """
    if not ip:
        return None
    limit = settings.LEADS_RATE_LIMIT_PER_HOUR
    recent = (
        Lead.objects.filter(ip_address=ip, created_at__gte=timezone.now() - RATE_LIMIT_WINDOW)
        .order_by("-created_at")
        .values_list("created_at", flat=True)[:limit]
    )
    recent = list(recent)
    if len(recent) < limit:
        return None
    return recent[-1] + RATE_LIMIT_WINDOW


def existing_lead_for_token(token) -> Lead | None:
    return Lead.objects.filter(submission_token=token).first()


def line_from_product(product, **fields) -> LeadLine:
    return LeadLine(
        product=product,
        product_title=product.title,
        sku=product.sku,
        sample_deposit=product.sample_deposit if product.samples_available else None,
        sample_currency=product.sample_currency if product.samples_available else "",
        **fields,
    )


def create_lead(*, form, request, lead_type: str, lines: list[LeadLine], attachments=()) -> Lead:
    """Save the lead with its lines and files, and queue its emails in the same transaction.

    The email task is a row in the same database transaction, so either both exist
    or neither: a lead is never saved without its notification, and the buyer's
    request never waits for the mail server. Raises DuplicateSubmissionError with
    the saved lead when the same form was already saved.
    """
    try:
        return _save_lead(
            form=form, request=request, lead_type=lead_type, lines=lines, attachments=attachments
        )
    except IntegrityError:
        # Two posts of one form raced past the views' token check (a double click
        # lands both within milliseconds): the unique token let one in. The other
        # is the same request, not an error.
        existing = existing_lead_for_token(form.cleaned_data["form_token"])
        if existing is None:
            raise
        raise DuplicateSubmissionError(existing) from None


def _save_lead(*, form, request, lead_type, lines, attachments) -> Lead:
    data = form.cleaned_data
    spam_reason = form.spam_reason
    is_spam = bool(spam_reason)
    unverified_reason = form.unverified_reason
    if is_spam:
        status = LeadStatus.SPAM
    elif unverified_reason:
        status = LeadStatus.UNVERIFIED
    else:
        status = LeadStatus.NEW
    with transaction.atomic():
        lead = Lead.objects.create(
            lead_type=lead_type,
            status=status,
            name=data["name"],
            company=data.get("company", ""),
            email=data["email"],
            phone=data.get("phone", ""),
            country=data["country"],
            message=data.get("message", ""),
            shipping_address=data.get("shipping_address", ""),
            topic=data.get("topic", ""),
            language=request.LANGUAGE_CODE,
            source_url=request.get_full_path()[:500],
            consent_at=timezone.now(),
            submission_token=data["form_token"],
            ip_address=client_ip(request),
            recaptcha_score=form.recaptcha_score,
            spam_reason=spam_reason or unverified_reason,
        )
        for line in lines:
            line.lead = lead
        LeadLine.objects.bulk_create(lines)
        for upload in attachments:
            LeadAttachment.objects.create(
                lead=lead,
                file=upload,
                original_name=upload.name[:255],
                content_type=(upload.content_type or "")[:100],
                size=upload.size,
            )
        if not is_spam:
            send_lead_emails.enqueue(lead.pk)
    return lead
