"""The Translators group: what a translator can and can't do in the admin."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse
from wagtail.models import GroupPagePermission, Locale, Site
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from localization.roles import TRANSLATORS_GROUP
from tests.factories import StandardPageFactory
from tests.localization.conftest import localize

pytestmark = pytest.mark.django_db


def _page_permissions(group):
    return {
        (gpp.page_id, gpp.permission.codename)
        for gpp in GroupPagePermission.objects.filter(group=group).select_related("permission")
    }


def test_group_holds_exactly_the_translators_permissions(tree):
    group = Group.objects.get(name=TRANSLATORS_GROUP)

    assert set(group.permissions.values_list("content_type__app_label", "codename")) == {
        ("wagtailadmin", "access_admin"),
        ("wagtail_localize", "submit_translation"),
        ("products", "view_specificationattribute"),
        ("products", "change_specificationattribute"),
    }
    # add/change on the French tree (created after the migration: the signal
    # granted it), nothing on the English one, never publish.
    assert _page_permissions(group) == {
        (tree["home_fr"].pk, "add_page"),
        (tree["home_fr"].pk, "change_page"),
    }


def test_a_new_locale_tree_is_granted_when_it_is_created(tree):
    group = Group.objects.get(name=TRANSLATORS_GROUP)
    home_de = localize(tree["home"], Locale.objects.create(language_code="de"))

    assert {(home_de.pk, "add_page"), (home_de.pk, "change_page")} <= _page_permissions(group)


def test_sync_roles_repairs_the_group_and_is_idempotent(tree):
    group = Group.objects.get(name=TRANSLATORS_GROUP)
    publish = Permission.objects.get(codename="publish_page")
    GroupPagePermission.objects.create(group=group, page=tree["home"], permission=publish)
    GroupPagePermission.objects.filter(group=group, permission__codename="change_page").delete()
    group.permissions.add(Permission.objects.get(codename="view_lead"))
    expected = {(tree["home_fr"].pk, "add_page"), (tree["home_fr"].pk, "change_page")}

    for _ in range(2):
        out = StringIO()
        call_command("sync_roles", stdout=out)
        assert _page_permissions(group) == expected
        assert not group.permissions.filter(codename="view_lead").exists()
    assert "1 locale tree(s)" in out.getvalue()


def test_the_migration_is_reversible(tree):
    call_command("migrate", "localization", "zero", verbosity=0)
    assert not Group.objects.filter(name=TRANSLATORS_GROUP).exists()

    call_command("migrate", "localization", verbosity=0)
    group = Group.objects.get(name=TRANSLATORS_GROUP)
    assert group.permissions.filter(codename="submit_translation").exists()
    assert (tree["home_fr"].pk, "change_page") in _page_permissions(group)


def _about_fr(tree):
    """About us in French through wagtail-localize (still in English), published."""
    about_fr = localize(tree["about"], tree["fr"])
    return about_fr


def test_translate_this_page_starts_a_draft_not_a_live_page(
    client, tree, translator, django_capture_on_commit_callbacks
):
    client.force_login(translator)

    # wagtail-localize publishes translations once the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtail_localize:submit_page_translation", args=[tree["about"].pk]),
            {"locales": [tree["fr"].pk], "include_subtree": "on"},
        )

    assert response.status_code == 302
    about_fr = tree["about"].get_translation(tree["fr"])
    team_fr = tree["team"].get_translation(tree["fr"])
    # Published translations would show English text under /fr/ before anyone
    # translated a word (WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE).
    assert not about_fr.live and not team_fr.live
    assert client.get("/fr/about-us/").status_code != 200


def test_translator_translates_a_french_page_and_saves_a_draft(client, tree, translator):
    about_fr = _about_fr(tree)
    translation = Translation.objects.get(
        source__object_id=tree["about"].translation_key, target_locale=tree["fr"]
    )
    client.force_login(translator)

    editor = client.get(reverse("wagtailadmin_pages:edit", args=[about_fr.pk]))
    assert editor.status_code == 200
    assert b"js-translation-editor" in editor.content
    assert reverse("localization:save_translation_draft", args=[translation.pk]).encode() in (
        editor.content
    )

    segment = StringSegment.objects.get(source=translation.source, string__data="We make lamps")
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    # As the editor's JavaScript sends it: a multipart form.
    body = encode_multipart(BOUNDARY, {"value": "Nous fabriquons des lampes"})
    saved = client.put(url, body, content_type=MULTIPART_CONTENT)
    assert saved.status_code == 201

    draft = client.post(
        reverse("localization:save_translation_draft", args=[translation.pk]),
        {"action": "draft"},
    )
    assert draft.status_code == 302
    about_fr.refresh_from_db()
    assert about_fr.get_latest_revision_as_object().intro == "Nous fabriquons des lampes"
    assert about_fr.intro == "We make lamps"  # the live page is untouched
    assert about_fr.has_unpublished_changes


def test_translator_submits_a_translation_for_moderation(client, tree, translator):
    about_fr = _about_fr(tree)
    translation = Translation.objects.get(
        source__object_id=tree["about"].translation_key, target_locale=tree["fr"]
    )
    client.force_login(translator)

    response = client.post(
        reverse("localization:save_translation_draft", args=[translation.pk]),
        {"action": "submit"},
    )

    assert response.status_code == 302
    about_fr.refresh_from_db()
    assert about_fr.workflow_in_progress
    assert about_fr.current_workflow_state.requested_by == translator


def test_translator_cannot_publish_a_translation(client, tree, translator):
    about_fr = _about_fr(tree)
    translation = Translation.objects.get(
        source__object_id=tree["about"].translation_key, target_locale=tree["fr"]
    )
    segment = StringSegment.objects.get(source=translation.source, string__data="We make lamps")
    StringTranslation.objects.create(
        translation_of=segment.string,
        context=segment.context,
        locale=tree["fr"],
        data="Nous fabriquons des lampes",
    )
    client.force_login(translator)

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[about_fr.pk]), {"action": "publish"}
    )

    # Wagtail's admin turns PermissionDenied into a redirect with an error message.
    assert response.status_code in (302, 403)
    about_fr.refresh_from_db()
    assert about_fr.intro == "We make lamps"
    assert not about_fr.has_unpublished_changes


def test_translator_cannot_edit_or_publish_the_english_source(client, tree, translator):
    client.force_login(translator)
    about = tree["about"]

    edit = client.get(reverse("wagtailadmin_pages:edit", args=[about.pk]))
    publish = client.post(
        reverse("wagtailadmin_pages:edit", args=[about.pk]),
        {"title": "Hacked", "slug": "about-us", "action-publish": "1"},
    )

    assert edit.status_code in (302, 403)
    assert publish.status_code in (302, 403)
    about.refresh_from_db()
    assert about.title == "About us"


@pytest.mark.parametrize(
    "url_name",
    ["leads:index", "wagtailusers_users:index", "wagtailsites:index", "wagtaillocales:index"],
)
def test_translator_cannot_open_leads_users_or_settings(client, db, translator, url_name):
    client.force_login(translator)

    response = client.get(reverse(url_name))

    assert response.status_code in (302, 403)


def test_translator_cannot_publish_through_sync_but_an_editor_can(
    client, tree, translator, editor, django_capture_on_commit_callbacks
):
    about_fr = localize(tree["about"], tree["fr"])
    tree["about"].intro = "We make LED lamps"
    tree["about"].save_revision().publish()
    source = TranslationSource.objects.get(object_id=tree["about"].translation_key)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])

    client.force_login(translator)
    form = client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        synced = client.post(url, {"publish_translations": "on"})

    assert form.status_code == 200
    assert b'name="publish_translations" id=' not in form.content  # no checkbox offered
    assert synced.status_code == 302
    about_fr.refresh_from_db()
    assert about_fr.intro == "We make lamps"  # synced, not published

    client.force_login(editor)
    assert b'name="publish_translations" id=' in client.get(url).content
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"publish_translations": "on"})
    about_fr.refresh_from_db()
    assert about_fr.intro == "We make LED lamps"


def test_translator_cannot_turn_a_live_translation_into_an_alias(client, tree, translator, editor):
    about_fr = localize(tree["about"], tree["fr"], {"We make lamps": "Nous fabriquons des lampes"})
    url = reverse("wagtail_localize:convert_to_alias", args=[about_fr.pk])

    client.force_login(translator)
    refused = client.post(url)

    assert refused.status_code in (302, 403)
    about_fr.refresh_from_db()
    assert about_fr.alias_of_id is None
    assert about_fr.intro == "Nous fabriquons des lampes"

    client.force_login(editor)
    client.post(url)
    about_fr.refresh_from_db()
    assert about_fr.alias_of_id == tree["about"].pk  # an editor still can


def test_translator_edits_snippet_translations_but_not_the_english_originals(
    client, tree, translator
):
    from products.models import SpecificationAttribute

    power = SpecificationAttribute.objects.create(name="Power", key="power", locale=tree["en"])
    power_fr = power.copy_for_translation(tree["fr"])
    power_fr.name = "Puissance"
    power_fr.save()
    client.force_login(translator)

    def edit_url(attribute):
        return reverse("wagtailsnippets_products_specificationattribute:edit", args=[attribute.pk])

    assert client.get(edit_url(power_fr)).status_code == 200
    assert client.get(edit_url(power)).status_code in (302, 403)
    changed = client.post(edit_url(power), {"name": "Hacked", "key": "power"})
    assert changed.status_code in (302, 403)
    power.refresh_from_db()
    assert power.name == "Power"


def test_sync_publishes_snippet_translations_only_for_users_who_may_change_them(
    client, tree, translator, editor
):
    from products.models import SpecificationAttribute

    power = SpecificationAttribute.objects.create(name="Power", key="power", locale=tree["en"])
    power.copy_for_translation(tree["fr"]).save()
    source, _ = TranslationSource.get_or_create_from_instance(power)
    Translation.objects.create(source=source, target_locale=tree["fr"], enabled=True)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])

    def offered(user):
        client.force_login(user)
        return b'name="publish_translations" id=' in client.get(url).content

    # Snippets have no drafts: publishing a synced translation means saving it.
    assert offered(translator)  # translators may change specification attributes
    assert not offered(editor)  # Wagtail's Moderators may not


def test_translator_cannot_create_english_pages_from_a_french_only_page(client, tree, translator):
    news_fr = StandardPageFactory(
        parent=tree["home_fr"], title="Actualités", slug="actualites", locale=tree["fr"]
    )
    url = reverse("wagtail_localize:submit_page_translation", args=[news_fr.pk])
    client.force_login(translator)

    form = client.get(url)
    posted = client.post(url, {"locales": [tree["en"].pk]})

    assert form.status_code == 200
    assert f'value="{tree["en"].pk}"'.encode() not in form.content
    assert posted.status_code == 200  # the form refuses the choice
    assert news_fr.get_translation_or_none(tree["en"]) is None


# --- Editors ------------------------------------------------------------------------------


@pytest.fixture
def wagtail_editor(db):
    """A member of Wagtail's own "Editors" group (not Moderators)."""
    from tests.localization.conftest import _user

    user = _user("edna.editor")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def _editor_grants(group):
    return {
        "publish": GroupPagePermission.objects.filter(
            group=group, page__depth=1, permission__codename="publish_page"
        ).exists(),
        "perms": set(group.permissions.values_list("codename", flat=True)),
    }


EDITOR_CODENAMES = {
    "add_specificationattribute",
    "change_specificationattribute",
    "delete_specificationattribute",
    "view_specificationattribute",
    "change_catalogsettings",
    "change_companysettings",
}


def test_editors_publish_and_reach_specifications_and_settings(client, tree, wagtail_editor):
    assert tree["about"].permissions_for_user(wagtail_editor).can_publish()
    client.force_login(wagtail_editor)
    site = Site.objects.get(is_default_site=True)
    for url in (
        "/admin/snippets/products/specificationattribute/",
        "/admin/snippets/products/specificationattribute/add/",
        f"/admin/settings/products/catalogsettings/{site.pk}/",
        f"/admin/settings/home/companysettings/{site.pk}/",
    ):
        assert client.get(url).status_code == 200, url

    response = client.post(
        reverse("wagtailadmin_pages:unpublish", args=[tree["team"].pk]), {"include_descendants": ""}
    )
    assert response.status_code == 302
    tree["team"].refresh_from_db()
    assert not tree["team"].live


def test_sync_roles_restores_the_editors_additions_and_keeps_the_rest(tree):
    group = Group.objects.get(name="Editors")
    images = set(group.permissions.filter(content_type__app_label="wagtailimages"))
    GroupPagePermission.objects.filter(group=group, permission__codename="publish_page").delete()
    group.permissions.remove(*Permission.objects.filter(codename__in=EDITOR_CODENAMES))

    for _ in range(2):
        call_command("sync_roles", stdout=StringIO())
        grants = _editor_grants(group)
        assert grants["publish"] and grants["perms"] >= EDITOR_CODENAMES
    assert images <= set(group.permissions.all())
    assert GroupPagePermission.objects.filter(group=group, permission__codename="add_page").exists()


def test_the_editors_migration_is_reversible(tree):
    group = Group.objects.get(name="Editors")
    call_command("migrate", "localization", "0001", verbosity=0)
    grants = _editor_grants(group)
    assert not grants["publish"] and not (EDITOR_CODENAMES & grants["perms"])
    assert "access_admin" in grants["perms"]  # Wagtail's own grant stays

    call_command("migrate", "localization", verbosity=0)
    grants = _editor_grants(group)
    assert grants["publish"] and grants["perms"] >= EDITOR_CODENAMES
