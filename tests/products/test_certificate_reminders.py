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


def test_one_certificate_is_announced_in_the_singular_with_a_readable_date(alert_address):
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
