"""Settings > Outgoing email: failed emails are visible and can be retried now."""

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.mail import send_mail
from django_tasks_db.models import DBTaskResult

from outbox.models import EmailStatus, OutgoingEmail
from tests.helpers import parse_html
from tests.worker import deliver_queued_email

pytestmark = pytest.mark.django_db

LISTING = "/admin/outgoing_email/"


def failed_email(subject="Moderation: Bright and reliable") -> OutgoingEmail:
    send_mail(subject, "Body", None, ["moderator@example.com"])
    email = OutgoingEmail.objects.get(subject=subject)
    DBTaskResult.objects.all().delete()  # as if the worker gave up on it
    OutgoingEmail.objects.filter(pk=email.pk).update(
        status=EmailStatus.FAILED, attempts=5, last_error="SMTPConnectError: 421 busy"
    )
    return email


def retry_forms(content) -> list[str]:
    return [
        a["action"]
        for tag, a in parse_html(content).elements
        if tag == "form" and a.get("action", "").endswith("/retry/")
    ]


def test_superusers_see_failed_emails_and_retry_them_now(admin_client):
    email = failed_email()
    send_mail("Already sent", "Body", None, ["x@example.com"])
    deliver_queued_email()
    mail.outbox.clear()

    response = admin_client.get(LISTING)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Moderation: Bright and reliable" in html and "SMTPConnectError: 421 busy" in html
    retry_url = f"{LISTING}{email.pk}/retry/"
    assert retry_forms(response.content) == [retry_url]  # none for the sent one
    assert admin_client.get(LISTING, {"status": "failed"}).status_code == 200
    assert admin_client.get(f"{LISTING}inspect/{email.pk}/").status_code == 200

    response = admin_client.post(retry_url)
    assert response.status_code == 302 and response["Location"] == LISTING
    email.refresh_from_db()
    assert email.status == EmailStatus.QUEUED
    deliver_queued_email()

    email.refresh_from_db()
    assert email.status == EmailStatus.SENT
    assert [m.subject for m in mail.outbox] == ["Moderation: Bright and reliable"]
    # Retrying a sent email sends nothing.
    admin_client.post(retry_url)
    deliver_queued_email()
    assert len(mail.outbox) == 1


def test_retry_is_a_post_and_needs_the_permission(client, django_user_model):
    email = failed_email()
    editor = django_user_model.objects.create_user("editor", "e@example.com", "pw")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)

    assert client.get(LISTING).status_code in (302, 403)
    assert client.post(f"{LISTING}{email.pk}/retry/").status_code in (302, 403)

    editor.user_permissions.add(Permission.objects.get(codename="view_outgoingemail"))
    editor = django_user_model.objects.get(pk=editor.pk)
    client.force_login(editor)
    response = client.get(LISTING)
    assert response.status_code == 200 and retry_forms(response.content) == []
    assert client.post(f"{LISTING}{email.pk}/retry/").status_code in (302, 403)
    assert client.get(f"{LISTING}{email.pk}/retry/").status_code == 405
    email.refresh_from_db()
    assert email.status == EmailStatus.FAILED and not DBTaskResult.objects.exists()
