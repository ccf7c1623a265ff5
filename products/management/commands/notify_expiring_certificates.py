import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext, ngettext
from wagtail.models import Site

from products.models import CatalogSettings, CertificationPage
from products.models.certifications import one_per_certificate

REMINDER_DAYS = 30


class Command(BaseCommand):
    help = (
        "Email the certificate alert address (Settings > Catalog) about certificates that "
        f"expire within {REMINDER_DAYS} days, and once more about those that expired. Run "
        "it daily from cron; each certificate is reported once before and once after its "
        "expiry date, so a missed day is caught up the next day."
    )

    def handle(self, *args, **options):
        today = timezone.localdate()
        site = Site.objects.filter(is_default_site=True).first()
        recipient = CatalogSettings.for_site(site).certificate_alert_email if site else ""
        if not recipient:
            self.stdout.write("No certificate alert email set in Settings > Catalog; nothing sent.")
            return

        # One line per certificate, not per translation (translations share the dates).
        candidates = one_per_certificate(
            CertificationPage.objects.live()
            .filter(
                valid_until__isnull=False,
                valid_until__lte=today + datetime.timedelta(days=REMINDER_DAYS),
            )
            .order_by("valid_until", "title")
        )
        expired = [
            cert
            for cert in candidates
            if cert.valid_until < today and cert.expired_reminder_sent_for != cert.valid_until
        ]
        expiring = [
            cert
            for cert in candidates
            if cert.valid_until >= today and cert.expiry_reminder_sent_for != cert.valid_until
        ]
        if not expired and not expiring:
            self.stdout.write("No certificate needs a reminder today.")
            return

        # Staff read the admin's language, like the sales notification of a lead.
        with translation.override(settings.LANGUAGE_CODE):
            subject, message = _reminder(site, expiring, today, expired=expired)
        # Queued (the outbox worker delivers and retries it) together with the marks,
        # so a certificate is reported exactly once before and once after it expires.
        with transaction.atomic():
            send_mail(subject=subject, message=message, from_email=None, recipient_list=[recipient])
            for cert in expiring:
                CertificationPage.objects.filter(translation_key=cert.translation_key).update(
                    expiry_reminder_sent_for=cert.valid_until
                )
            for cert in expired:
                CertificationPage.objects.filter(translation_key=cert.translation_key).update(
                    expiry_reminder_sent_for=cert.valid_until,
                    expired_reminder_sent_for=cert.valid_until,
                )
        count = len(expiring) + len(expired)
        self.stdout.write(
            self.style.SUCCESS(f"Reminder queued for {recipient} for {count} certificate(s).")
        )


def _reminder(site, due, today, expired=()) -> tuple[str, str]:
    """Subject and body: `due` expire within REMINDER_DAYS, `expired` already expired."""
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")

    def values(cert):
        return {
            "title": cert.title,
            "number": cert.certificate_number,
            "issuer": cert.issuer,
            "date": formats.date_format(cert.valid_until, "DATE_FORMAT"),
            "days": abs((cert.valid_until - today).days),
            "url": f"{base_url}/admin/pages/{cert.id}/edit/",
        }

    lines = [
        ngettext(
            "- %(title)s (%(number)s, %(issuer)s) expired on %(date)s, %(days)s day ago: %(url)s",
            "- %(title)s (%(number)s, %(issuer)s) expired on %(date)s, %(days)s days ago: %(url)s",
            (today - cert.valid_until).days,
        )
        % values(cert)
        for cert in expired
    ]
    lines += [
        ngettext(
            "- %(title)s (%(number)s, %(issuer)s) expires on %(date)s, in %(days)s day: %(url)s",
            "- %(title)s (%(number)s, %(issuer)s) expires on %(date)s, in %(days)s days: %(url)s",
            (cert.valid_until - today).days,
        )
        % values(cert)
        for cert in due
    ]
    names = {"site": site.site_name or "exportsite", "days": REMINDER_DAYS}
    if expired:
        count = len(expired) + len(due)
        subject = ngettext(
            "[%(site)s] %(count)s certificate to renew (expired or expiring within %(days)s days)",
            "[%(site)s] %(count)s certificates to renew (expired or expiring within %(days)s days)",
            count,
        ) % {**names, "count": count}
    else:
        subject = ngettext(
            "[%(site)s] %(count)s certificate expires within %(days)s days",
            "[%(site)s] %(count)s certificates expire within %(days)s days",
            len(due),
        ) % {**names, "count": len(due)}
    body = gettext("Renew these certificates and upload the new PDFs:")
    return subject, body + "\n\n" + "\n".join(lines)
