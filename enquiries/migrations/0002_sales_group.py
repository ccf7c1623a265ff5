"""The "Sales" group: sales reps get the admin and the lead inbox, nothing else.

A data migration, so every deployment has the group ready to assign; until now
only the demo created it.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.db.models import Q

GROUP_NAME = "Sales"
# Frozen here on purpose: a later change to the role gets its own migration.
LEAD_PERMISSIONS = ["view_lead", "change_lead", "export_lead"]


def _ensure_permissions(apps):
    # Model permissions are normally created after all migrations ran
    # (post_migrate); on a fresh database they don't exist yet at this point.
    # wagtailadmin's access_admin comes from its own first migration.
    app_config = apps.get_app_config("enquiries")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None


def create_sales_group(apps, schema_editor):
    _ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    group.permissions.add(
        *Permission.objects.filter(
            Q(content_type__app_label="enquiries", codename__in=LEAD_PERMISSIONS)
            | Q(content_type__app_label="wagtailadmin", codename="access_admin")
        )
    )


def remove_sales_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("enquiries", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_sales_group, remove_sales_group)]
