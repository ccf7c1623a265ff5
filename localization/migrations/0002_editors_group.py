"""Editors publish, keep Specifications and edit the Catalog/Company settings, in every database.

The definition is localization.roles (EDITOR_*), shared with `manage.py sync_roles`.
"""

from django.db import migrations


def grant(apps, schema_editor):
    from localization.roles import sync_editors_group

    sync_editors_group(apps)


def revoke(apps, schema_editor):
    from localization.roles import revoke_editors_additions

    revoke_editors_additions(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("localization", "0001_translators_group"),
        # Wagtail's initial data: the Editors group and the root page.
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("products", "0001_initial"),
        ("home", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
