"""The site's roles: the "Translators" group, and what the "Editors" group adds to Wagtail's.

Translators: exactly what a translator needs, kept in sync with the page trees.

Translators work in wagtail-localize: they submit and sync translations
(`wagtail_localize.submit_translation`), edit them in its editor, exchange PO files
and machine translate. wagtail-localize checks the *target* object's edit
permission for all of that (`user_can_edit_instance`): page permissions on the
translated page, the model's change permission for snippets. So translators get
add/change (never publish) on every non-default locale tree, and view/change on
translatable snippets. Nothing on the default-locale tree, leads, payments,
reviews, users or settings.

Editors: Wagtail's migration makes the group with add/change on the page tree and
images/documents; editors of this site also publish, keep the Specifications snippet
and edit the Catalog and Company settings. Their other permissions are left alone.

The functions take an app registry so the data migrations (historical models) and
`manage.py sync_roles` (live models) share one definition.
"""

from django.conf import settings

TRANSLATORS_GROUP = "Translators"

# (app_label, model, codename, name): created if missing, as the first migration
# on a fresh database runs before Django's post_migrate creates default permissions.
GLOBAL_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"),
    ("wagtail_localize", "translation", "submit_translation", "Can submit translations"),
]
PAGE_PERMISSIONS = [
    ("wagtailcore", "page", "add_page", "Can add page"),
    ("wagtailcore", "page", "change_page", "Can change page"),
]
SNIPPET_ACTIONS = ("view", "change")

EDITORS_GROUP = "Editors"
EDITOR_PAGE_PERMISSIONS = [
    *PAGE_PERMISSIONS,
    ("wagtailcore", "page", "publish_page", "Can publish page"),
]
EDITOR_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"),
    *(
        (
            "products",
            "specificationattribute",
            f"{action}_specificationattribute",
            f"Can {action} specification attribute",
        )
        for action in ("add", "change", "delete", "view")
    ),
    ("products", "catalogsettings", "change_catalogsettings", "Can change catalog settings"),
    ("home", "companysettings", "change_companysettings", "Can change company settings"),
]


def default_language_code() -> str:
    from wagtail.coreutils import get_supported_content_language_variant

    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def translatable_snippets() -> list[tuple[str, str, str]]:
    """(app_label, model_name, verbose_name) of every registered translatable snippet."""
    from wagtail.models import TranslatableMixin
    from wagtail.snippets.models import get_snippet_models

    return sorted(
        (model._meta.app_label, model._meta.model_name, str(model._meta.verbose_name_raw))
        for model in get_snippet_models()
        if issubclass(model, TranslatableMixin)
    )


def _permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def group_permissions(apps, snippets):
    permissions = [_permission(apps, *spec) for spec in GLOBAL_PERMISSIONS]
    for app_label, model_name, verbose_name in snippets:
        for action in SNIPPET_ACTIONS:
            permissions.append(
                _permission(
                    apps,
                    app_label,
                    model_name,
                    f"{action}_{model_name}",
                    f"Can {action} {verbose_name}",
                )
            )
    return permissions


def translated_tree_roots(apps):
    """The home page of every non-default locale (depth 2: children of the root)."""
    Page = apps.get_model("wagtailcore", "Page")
    return Page.objects.filter(depth=2).exclude(locale__language_code=default_language_code())


def sync_translators_group(apps, snippets) -> dict[str, int]:
    """Create or repair the group so it holds exactly the translators' permissions.

    Idempotent: running it twice changes nothing. Returns counts for the caller's output.
    """
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    group, created = Group.objects.get_or_create(name=TRANSLATORS_GROUP)
    group.permissions.set(group_permissions(apps, snippets))

    page_permissions = [_permission(apps, *spec) for spec in PAGE_PERMISSIONS]
    wanted = {
        (page_id, permission.pk)
        for page_id in translated_tree_roots(apps).values_list("pk", flat=True)
        for permission in page_permissions
    }
    existing = {
        (gpp.page_id, gpp.permission_id): gpp.pk
        for gpp in GroupPagePermission.objects.filter(group=group)
    }
    # Anything else (publish, a default-locale page...) was granted by hand: remove it,
    # the group is defined here.
    GroupPagePermission.objects.filter(
        pk__in=[pk for key, pk in existing.items() if key not in wanted]
    ).delete()
    GroupPagePermission.objects.bulk_create(
        GroupPagePermission(group=group, page_id=page_id, permission_id=permission_id)
        for page_id, permission_id in sorted(wanted - existing.keys())
    )
    return {"created": int(created), "trees": len(wanted) // len(page_permissions)}


def grant_on_tree(page) -> bool:
    """Give the Translators group add/change on a newly created locale tree.

    Called for every new page at depth 2 (live models); does nothing for the
    default locale's tree, or when the group was deleted on purpose.
    """
    from django.apps import apps
    from django.contrib.auth.models import Group
    from wagtail.models import GroupPagePermission

    if page.depth != 2 or page.locale.language_code == default_language_code():
        return False
    group = Group.objects.filter(name=TRANSLATORS_GROUP).first()
    if group is None:
        return False
    for spec in PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_permission(apps, *spec)
        )
    return True


def sync_editors_group(apps) -> dict[str, int]:
    """Give the Editors group publish on the page tree, Specifications and the settings.

    Adds only: whatever else the group holds (Wagtail's image and document permissions,
    anything granted by hand) stays. Idempotent. Returns counts for the caller's output.
    """
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Page = apps.get_model("wagtailcore", "Page")
    group, created = Group.objects.get_or_create(name=EDITORS_GROUP)
    group.permissions.add(*(_permission(apps, *spec) for spec in EDITOR_PERMISSIONS))
    added = 0
    root = Page.objects.filter(depth=1).order_by("path").first()
    if root is not None:
        for spec in EDITOR_PAGE_PERMISSIONS:
            _gpp, new = GroupPagePermission.objects.get_or_create(
                group=group, page_id=root.pk, permission=_permission(apps, *spec)
            )
            added += int(new)
    return {"created": int(created), "page_permissions_added": added}


def revoke_editors_additions(apps) -> None:
    """Undo sync_editors_group's additions (not Wagtail's own add/change on the tree)."""
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    group = Group.objects.filter(name=EDITORS_GROUP).first()
    if group is None:
        return
    wagtail_defaults = {"access_admin"}
    group.permissions.remove(
        *(
            _permission(apps, *spec)
            for spec in EDITOR_PERMISSIONS
            if spec[2] not in wagtail_defaults
        )
    )
    GroupPagePermission.objects.filter(group=group, permission__codename="publish_page").delete()
