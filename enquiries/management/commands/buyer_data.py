import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from enquiries.privacy import erase_person, export_person, leads_of


class Command(BaseCommand):
    help = (
        "Answer a buyer's data request: `buyer_data export EMAIL` prints everything stored "
        "about them as JSON (leads, notes, payments, reviews, review invitations); "
        "`buyer_data erase EMAIL` anonymises all their leads, blanks them in the stored "
        "Stripe events and removes their name and company from their reviews."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export", "erase"])
        parser.add_argument("email")

    def handle(self, *args, action, email, **options):
        try:
            validate_email(email)
        except ValidationError as error:
            raise CommandError(f"{email!r} is not an email address.") from error
        if not leads_of(email).exists():
            raise CommandError(f"No lead was sent from {email}.")
        if action == "export":
            self.stdout.write(json.dumps(export_person(email), indent=2, ensure_ascii=False))
        else:
            count = erase_person(email)
            self.stdout.write(f"Anonymised {count} lead(s) sent from {email}.")
