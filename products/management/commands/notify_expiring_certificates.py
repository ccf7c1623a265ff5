import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext, ngettext
from wagtail.models import Locale, Site

from products.models import CatalogSettings, CertificationPage

REMINDER_DAYS = 30


class Command(BaseCommand):
    help = (
        "Email the certificate alert address (Settings > Catalog) about certificates that "
        f"expire within {REMINDER_DAYS} days. Run it daily from cron; each certificate is "
        "reported once per expiry date, so a missed day is caught up the next day."
    )

    def handle(self, *args, **options):
        today = timezone.localdate()
        site = Site.objects.filter(is_default_site=True).first()
        recipient = CatalogSettings.for_site(site).certificate_alert_email if site else ""
        if not recipient:
            self.stdout.write("No certificate alert email set in Settings > Catalog; nothing sent.")
            return

        due = list(
            CertificationPage.objects.live()
            .filter(
                locale=Locale.get_default(),  # one reminder per certificate, not per translation
                valid_until__isnull=False,
                valid_until__gte=today,
                valid_until__lte=today + datetime.timedelta(days=REMINDER_DAYS),
            )
            .order_by("valid_until")
        )
        due = [cert for cert in due if cert.expiry_reminder_sent_for != cert.valid_until]
        if not due:
            self.stdout.write("No certificate needs a reminder today.")
            return

        # Staff read the admin's language, like the sales notification of a lead.
        with translation.override(settings.LANGUAGE_CODE):
            subject, message = _reminder(site, due, today)
        # Queued (the outbox worker delivers and retries it) together with the marks,
        # so a certificate is reported exactly once.
        with transaction.atomic():
            send_mail(subject=subject, message=message, from_email=None, recipient_list=[recipient])
            for cert in due:
                CertificationPage.objects.filter(translation_key=cert.translation_key).update(
                    expiry_reminder_sent_for=cert.valid_until
                )
        self.stdout.write(
            self.style.SUCCESS(f"Reminder queued for {recipient} for {len(due)} certificate(s).")
        )


def _reminder(site, due, today) -> tuple[str, str]:
    base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    lines = [
        ngettext(
            "- %(title)s (%(number)s, %(issuer)s) expires on %(date)s, in %(days)s day: %(url)s",
            "- %(title)s (%(number)s, %(issuer)s) expires on %(date)s, in %(days)s days: %(url)s",
            (cert.valid_until - today).days,
        )
        % {
            "title": cert.title,
            "number": cert.certificate_number,
            "issuer": cert.issuer,
            "date": formats.date_format(cert.valid_until, "DATE_FORMAT"),
            "days": (cert.valid_until - today).days,
            "url": f"{base_url}/admin/pages/{cert.id}/edit/",
        }
        for cert in due
    ]
    subject = ngettext(
        "[%(site)s] %(count)s certificate expires within %(days)s days",
        "[%(site)s] %(count)s certificates expire within %(days)s days",
        len(due),
    ) % {"site": site.site_name or "exportsite", "count": len(due), "days": REMINDER_DAYS}
    body = gettext("Renew these certificates and upload the new PDFs:")
    return subject, body + "\n\n" + "\n".join(lines)
