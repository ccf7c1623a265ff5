"""`manage.py sync_roles`: create or repair the Translators group and the Editors' additions."""

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from localization.roles import (
    EDITORS_GROUP,
    TRANSLATORS_GROUP,
    sync_editors_group,
    sync_translators_group,
    translatable_snippets,
)


class Command(BaseCommand):
    help = (
        "Give the Translators group exactly its permissions: admin access, wagtail-localize, "
        "translatable snippets, add/change on every non-default locale tree. Give the Editors "
        "group publish on the page tree, the Specifications snippet and the Catalog and "
        "Company settings (its other permissions stay). Safe to rerun."
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
        result = sync_editors_group(apps)
        verb = "Created" if result["created"] else "Updated"
        self.stdout.write(
            f"{verb} group {EDITORS_GROUP!r}: publish on the page tree, Specifications, "
            f"Catalog and Company settings ({result['page_permissions_added']} page "
            "permission(s) added)."
        )
