"""notify_expiring_certificates: the staff reminder reads well in the admin's language."""

import datetime
from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import translation
from wagtail.models import Site

from products.models import CatalogSettings
from tests.products.conftest import attributes, catalog, images  # noqa: F401 - fixtures
from tests.worker import deliver_queued_email

# The catalog's CE certificate is valid until 2030-01-01: 20 days after this.
TODAY = datetime.datetime(2029, 12, 12, 9, tzinfo=datetime.UTC)


@pytest.fixture
def alert_address(catalog):  # noqa: F811 - the imported fixture
    settings = CatalogSettings.for_site(Site.objects.get(is_default_site=True))
    settings.certificate_alert_email = "quality@lumetra.example"
    settings.save()
    return settings.certificate_alert_email


def remind() -> None:
    with time_machine.travel(TODAY, tick=False):
        call_command("notify_expiring_certificates", stdout=StringIO())
    deliver_queued_email()


def test_one_certificate_is_announced_in_the_singular_with_a_readable_date(
    alert_address,
    catalog,  # noqa: F811 - the imported fixture
):
    catalog["fcc"].delete()  # expired years ago: reported on its own (tests below)
    remind()

    (reminder,) = mail.outbox
    assert reminder.to == [alert_address]
    assert reminder.subject.endswith("] 1 certificate expires within 30 days")
    assert "CE marking" in reminder.body
    assert "expires on Jan. 1, 2030, in 20 days: " in reminder.body


def test_the_reminder_text_is_translated(catalog):  # noqa: F811 - the imported fixture
    # The command writes it in settings.LANGUAGE_CODE; a German admin would read this.
    from products.management.commands.notify_expiring_certificates import _reminder

    site = Site.objects.get(is_default_site=True)
    with translation.override("de"):
        subject, body = _reminder(site, [catalog["ce"]], TODAY.date())

    assert subject.endswith("] 1 Zertifikat läuft innerhalb von 30 Tagen ab")
    assert body.startswith("Erneuern Sie diese Zertifikate")
    assert "läuft am 1. Januar 2030 ab, in 20 Tagen: " in body


def run_on(day: datetime.date) -> None:
    moment = datetime.datetime.combine(day, datetime.time(9), tzinfo=datetime.UTC)
    with time_machine.travel(moment, tick=False):
        call_command("notify_expiring_certificates", stdout=StringIO())
    deliver_queued_email()


def test_an_already_expired_certificate_is_reported_once(alert_address, catalog):  # noqa: F811
    # FCC expired on 2024-06-30; CE (2030) is far off on these days.
    run_on(datetime.date(2025, 1, 10))
    (reminder,) = mail.outbox
    assert "FCC Part 15" in reminder.body and "CE marking" not in reminder.body
    assert "expired on June 30, 2024" in reminder.body

    run_on(datetime.date(2025, 1, 11))
    assert len(mail.outbox) == 1


def test_a_certificate_is_reminded_before_and_once_after_it_expires(alert_address, catalog):  # noqa: F811
    catalog["fcc"].delete()
    run_on(datetime.date(2029, 12, 12))  # CE expires on 2030-01-01
    run_on(datetime.date(2029, 12, 20))
    assert len(mail.outbox) == 1
    assert "expires on Jan. 1, 2030" in mail.outbox[0].body

    run_on(datetime.date(2030, 1, 2))
    run_on(datetime.date(2030, 1, 3))
    assert len(mail.outbox) == 2
    assert "CE marking" in mail.outbox[1].body and "expired on Jan. 1, 2030" in mail.outbox[1].body


def test_one_line_per_certificate_whatever_its_languages(alert_address, catalog, locales):  # noqa: F811
    from tests.conftest import translate
    from tests.factories import CertificationPageFactory

    catalog["fcc"].delete()

    es_index = translate(catalog["cert_index"], locales["es"], title="Certificaciones")
    translate(catalog["cert_index"], locales["ar"], title="الشهادات")
    for code in ("es", "ar"):
        translate(catalog["ce"], locales[code], title=f"Marcado CE {code}")
    # Written in Spanish only: it has no English page, and is still reported.
    CertificationPageFactory(
        parent=es_index,
        slug="rohs-es",
        title="RoHS (solo español)",
        standard="RoHS",
        valid_until=datetime.date(2029, 12, 30),
        locale=locales["es"],
    )

    remind()

    (reminder,) = mail.outbox
    lines = [line for line in reminder.body.splitlines() if line.startswith("- ")]
    assert len(lines) == 2
    assert any("CE marking" in line for line in lines)
    assert any("RoHS (solo español)" in line for line in lines)
    assert "2 certificates expire within 30 days" in reminder.subject


# --- The dashboard panel ------------------------------------------------------------------


@pytest.fixture
def editor(django_user_model, catalog):  # noqa: F811 - the imported fixture
    """Staff in a group allowed to edit the site's pages: no superuser, no model permission."""
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    group = Group.objects.create(name="Site editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.create(
            group=group, page=catalog["home"], permission=Permission.objects.get(codename=codename)
        )
    user = django_user_model.objects.create_user("editor", "editor@example.com", "pw")
    user.groups.add(group)
    return user


def panel(client, user, day=datetime.date(2029, 12, 12)) -> str:
    moment = datetime.datetime.combine(day, datetime.time(9), tzinfo=datetime.UTC)
    with time_machine.travel(moment, tick=False):
        client.force_login(user)  # on that day: a session from today would have expired
        html = client.get("/admin/").content.decode()
    start = html.find('id="expiring-certificates-title"')
    return html[start : html.find("</section>", start)] if start != -1 else ""


def test_editors_see_the_expiring_certificates_panel(client, editor, catalog):  # noqa: F811
    html = panel(client, editor)
    assert "CE marking" in html and "FCC Part 15" in html


def test_staff_who_cannot_edit_certificates_dont_see_the_panel(client, django_user_model, db):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("sales", "sales@example.com", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    assert panel(client, user) == ""


def test_the_panel_shows_each_certificate_once(client, editor, catalog, locales):  # noqa: F811
    from tests.conftest import translate

    for code, title in (("es", "Certificaciones"), ("ar", "الشهادات")):
        translate(catalog["cert_index"], locales[code], title=title)
    for code in ("es", "ar"):
        translate(catalog["ce"], locales[code], title=f"Marcado CE {code}")

    html = panel(client, editor)

    assert html.count("<tr>") - 1 == 2  # CE and FCC, under the heading row
    assert "Marcado CE" not in html
