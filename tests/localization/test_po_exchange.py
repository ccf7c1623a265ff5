"""A translator round-trips a page's PO file through the admin, an editor publishes it."""

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail_localize.models import Translation, TranslationSource

from tests.localization.conftest import localize

pytestmark = pytest.mark.django_db

FRENCH = {
    "About us": "À propos",
    "about-us": "a-propos",
    "We make lamps": "Nous fabriquons des lampes",
}


def _french(msgid):
    # Every entry gets a msgstr: the known ones in French, the rest marked.
    return FRENCH.get(msgid, f"[fr] {msgid}")


def test_po_file_round_trip(client, tree, translator, editor, django_capture_on_commit_callbacks):
    about_fr = localize(tree["about"], tree["fr"])  # live, still in English
    translation = Translation.objects.get(
        source__object_id=tree["about"].translation_key, target_locale=tree["fr"]
    )
    edit_url = reverse("wagtailadmin_pages:edit", args=[about_fr.pk])
    client.force_login(translator)

    download = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert download.status_code == 200
    assert download["Content-Type"].startswith("text/x-gettext-translation")
    po = polib.pofile(download.content.decode())
    assert {"About us", "We make lamps"} <= {entry.msgid for entry in po}
    for entry in po:
        entry.msgstr = _french(entry.msgid)

    upload = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": SimpleUploadedFile("about-us-fr.po", str(po).encode()), "next": edit_url},
    )
    assert upload.status_code == 302
    assert upload["Location"] == edit_url

    saved = client.post(
        reverse("localization:save_translation_draft", args=[translation.pk]), {"action": "draft"}
    )
    assert saved.status_code == 302
    about_fr.refresh_from_db()
    draft = about_fr.get_latest_revision_as_object()
    assert (draft.title, draft.slug, draft.intro) == (
        "À propos",
        "a-propos",
        "Nous fabriquons des lampes",
    )
    assert about_fr.title == "About us"  # not live until an editor publishes
    assert client.get(about_fr.url).status_code == 200

    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        published = client.post(edit_url, {"action": "publish"})
    assert published.status_code == 302

    about_fr.refresh_from_db()
    page = client.get(about_fr.url)
    assert about_fr.url.startswith("/fr/") and about_fr.slug == "a-propos"
    assert page.status_code == 200
    assert "Nous fabriquons des lampes" in page.content.decode()
    assert "À propos" in page.content.decode()


def test_po_files_need_edit_permission_on_the_target_page(client, tree, translator):
    # wagtail-localize checks the translation's *target* page: one whose target is
    # the English home is out of a translator's reach.
    source = TranslationSource.objects.get(object_id=tree["home"].translation_key)
    into_english = Translation.objects.create(source=source, target_locale=tree["en"])
    client.force_login(translator)

    download = client.get(reverse("wagtail_localize:download_pofile", args=[into_english.pk]))
    upload = client.post(
        reverse("wagtail_localize:upload_pofile", args=[into_english.pk]),
        {"file": SimpleUploadedFile("home-en.po", b"")},
    )

    assert download.status_code in (302, 403)
    assert upload.status_code in (302, 403)
    assert b"msgid" not in download.content
