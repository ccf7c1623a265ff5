"""Create the "Translators" group (see localization/roles.py) in every database, not only the demo."""

from django.db import migrations

# The rest of the definition is localization.roles, shared with `manage.py sync_roles`;
# the snippet list is frozen here because roles.py reads it from the live snippet
# registry. Later translatable snippets are added by `manage.py sync_roles`.
TRANSLATABLE_SNIPPETS = [("products", "specificationattribute", "specification attribute")]


def create_translators_group(apps, schema_editor):
    from localization.roles import sync_translators_group

    sync_translators_group(apps, TRANSLATABLE_SNIPPETS)


def delete_translators_group(apps, schema_editor):
    from localization.roles import TRANSLATORS_GROUP

    # Cascades to the group's page permissions and memberships.
    apps.get_model("auth", "Group").objects.filter(name=TRANSLATORS_GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("products", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_translators_group, delete_translators_group)]
