from django.conf import settings
from django.core.management.base import BaseCommand

from enquiries.privacy import anonymise_older_than


class Command(BaseCommand):
    help = (
        "Anonymise leads older than the retention period (LEADS_RETENTION_DAYS, default "
        "730): names, contact details, messages and attachments are removed; country, "
        "products and figures stay for statistics. Run it daily from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="Override the retention period.")

    def handle(self, *args, days=None, **options):
        days = days if days is not None else settings.LEADS_RETENTION_DAYS
        count = anonymise_older_than(days)
        self.stdout.write(f"Anonymised {count} lead(s) older than {days} days.")
