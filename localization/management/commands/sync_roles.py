"""`manage.py sync_roles`: create or repair the Translators group."""

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from localization.roles import TRANSLATORS_GROUP, sync_translators_group, translatable_snippets


class Command(BaseCommand):
    help = (
        "Give the Translators group exactly its permissions: admin access, wagtail-localize, "
        "translatable snippets, add/change on every non-default locale tree. Safe to rerun."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        snippets = translatable_snippets()
        result = sync_translators_group(apps, snippets)
        verb = "Created" if result["created"] else "Updated"
        self.stdout.write(
            f"{verb} group {TRANSLATORS_GROUP!r}: {result['trees']} locale tree(s), "
            f"{len(snippets)} translatable snippet type(s)."
        )
