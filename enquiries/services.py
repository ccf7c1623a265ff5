"""Creating leads: committed first, emails and payments only after."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import Lead, LeadAttachment, LeadLine, LeadStatus
from .tasks import send_lead_emails


def client_ip(request) -> str | None:
    # Behind the TLS proxy the client is the first X-Forwarded-For hop; the proxy
    # is the only thing that can reach gunicorn, so the header can be trusted.
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    ip = forwarded.split(",")[0].strip() if forwarded else request.META.get("REMOTE_ADDR")
    return ip or None


def rate_limited(ip: str | None) -> bool:
    """True when this address already sent the hourly maximum of leads."""
    if not ip:
        return False
    since = timezone.now() - timezone.timedelta(hours=1)
    recent = Lead.objects.filter(ip_address=ip, created_at__gte=since).count()
    return recent >= settings.LEADS_RATE_LIMIT_PER_HOUR


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
    request never waits for the mail server.
    """
    data = form.cleaned_data
    spam_reason = form.spam_reason
    is_spam = bool(spam_reason)
    with transaction.atomic():
        lead = Lead.objects.create(
            lead_type=lead_type,
            status=LeadStatus.SPAM if is_spam else LeadStatus.NEW,
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
            spam_reason=spam_reason,
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
