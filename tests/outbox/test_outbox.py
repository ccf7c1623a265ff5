"""The outbox: email exists iff the submission commits, survives intact, is sent once."""

import threading
from email.mime.base import MIMEBase

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives, send_mail
from django.db import connections, transaction
from django_tasks_db.models import DBTaskResult

from enquiries.models import Lead
from outbox.models import EmailStatus, OutgoingEmail
from outbox.tasks import deliver_email
from tests.enquiries.conftest import buyer_data, lines_data
from tests.outbox.smtp_servers import RefusingSMTPServer
from tests.reviews.conftest import review_data
from tests.worker import deliver_queued_email

BINARY = bytes(range(256)) * 4  # not UTF-8: must come back byte for byte


@pytest.mark.django_db
def test_an_email_is_queued_only_when_its_transaction_commits():
    with pytest.raises(RuntimeError), transaction.atomic():
        send_mail("Rolled back", "Body", None, ["a@example.com"])
        raise RuntimeError
    assert not OutgoingEmail.objects.exists() and not DBTaskResult.objects.exists()

    with transaction.atomic():
        assert send_mail("Kept", "Body", None, ["a@example.com"]) == 1
    email = OutgoingEmail.objects.get()
    assert (email.subject, email.status, email.recipients) == ("Kept", "queued", "a@example.com")
    assert mail.outbox == []  # nothing is sent in the caller's process

    deliver_queued_email()

    (sent,) = mail.outbox
    assert (sent.subject, sent.body, sent.to) == ("Kept", "Body", ["a@example.com"])
    email.refresh_from_db()
    assert email.status == EmailStatus.SENT and email.sent_at and email.attempts == 0


@pytest.mark.django_db
def test_every_part_of_the_message_survives_the_queue():
    part = MIMEBase("application", "x-custom")
    part.set_payload(b"raw part")
    part.add_header("Content-Disposition", "attachment", filename="part.bin")
    message = EmailMultiAlternatives(
        subject="Quote Smith & Sons",
        body="Plain body ü",
        from_email="Sales <sales@lumetra.example>",
        to=["to@example.com"],
        cc=["cc@example.com"],
        bcc=["bcc@example.com"],
        reply_to=["reply@example.com"],
        headers={"X-Lead": "LM-1"},
    )
    message.attach_alternative("<p>HTML body ü</p>", "text/html")
    message.attach("data.bin", BINARY, "application/octet-stream")
    message.attach("notes.txt", "Texto ñ", "text/plain")
    message.attach(part)
    message.send()

    deliver_queued_email()

    (sent,) = mail.outbox
    assert sent.subject == "Quote Smith & Sons" and sent.body == "Plain body ü"
    assert sent.from_email == "Sales <sales@lumetra.example>"
    assert (sent.to, sent.cc, sent.bcc, sent.reply_to) == (
        ["to@example.com"],
        ["cc@example.com"],
        ["bcc@example.com"],
        ["reply@example.com"],
    )
    assert sent.extra_headers["X-Lead"] == "LM-1"
    assert sent.alternatives == [("<p>HTML body ü</p>", "text/html")]
    assert sent.attachments[:2] == [
        ("data.bin", BINARY, "application/octet-stream"),
        ("notes.txt", "Texto ñ", "text/plain"),
    ]
    parsed = sent.message()
    files = {
        p.get_filename(): p.get_payload(decode=True) for p in parsed.walk() if p.get_filename()
    }
    assert files == {"data.bin": BINARY, "notes.txt": "Texto ñ".encode(), "part.bin": b"raw part"}


@pytest.mark.django_db
def test_a_duplicated_task_sends_once():
    send_mail("Once", "Body", None, ["a@example.com"])
    email = OutgoingEmail.objects.get()
    deliver_email.enqueue(email.pk)  # e.g. "Retry now" clicked while one was pending

    deliver_queued_email()
    deliver_email.enqueue(email.pk)
    deliver_queued_email()

    assert [m.subject for m in mail.outbox] == ["Once"]


@pytest.mark.django_db(transaction=True)
def test_a_task_for_an_email_another_worker_is_sending_skips_it():
    send_mail("Busy", "Body", None, ["a@example.com"])
    email = OutgoingEmail.objects.get()
    locked, release = threading.Event(), threading.Event()

    def other_worker():
        # The row lock deliver_email holds while it talks to the mail server.
        try:
            with transaction.atomic():
                OutgoingEmail.objects.select_for_update().get(pk=email.pk)
                locked.set()
                release.wait(10)
        finally:
            connections.close_all()

    thread = threading.Thread(target=other_worker)
    thread.start()
    try:
        assert locked.wait(10)
        assert deliver_email.call(email.pk) == "busy"
        assert mail.outbox == []
    finally:
        release.set()
        thread.join()
    assert deliver_email.call(email.pk) == "sent" and len(mail.outbox) == 1
    assert deliver_email.call(email.pk) == "sent" and len(mail.outbox) == 1


@pytest.mark.django_db
def test_an_email_the_backend_refuses_fails_at_once_without_retries():
    send_mail("Bad header", "Body", None, ["a@example.com"])
    email = OutgoingEmail.objects.get()
    email.message["headers"]["X-Injected"] = "a\nBcc: victim@example.com"
    email.save()

    deliver_queued_email()

    email.refresh_from_db()
    assert email.status == EmailStatus.FAILED and email.attempts == 1
    assert "BadHeaderError" in email.last_error
    assert not DBTaskResult.objects.filter(status="READY").exists() and mail.outbox == []


@pytest.mark.django_db
def test_retries_stop_after_the_maximum_and_the_email_stays_failed(settings, smtp_delivery):
    settings.OUTBOX_MAX_ATTEMPTS = 2
    send_mail("Down", "Body", None, ["a@example.com"])
    email = OutgoingEmail.objects.get()
    with RefusingSMTPServer() as refusing:
        smtp_delivery(refusing.port)
        for _attempt in range(2):
            OutgoingEmail.objects.update(next_attempt_at=None)
            DBTaskResult.objects.filter(status="READY").update(run_after=email.created_at)
            deliver_queued_email()

    email.refresh_from_db()
    assert email.status == EmailStatus.FAILED and email.attempts == 2
    assert "Connection refused" in email.last_error
    assert not DBTaskResult.objects.filter(status="READY").exists()


@pytest.mark.django_db
def test_a_line_break_in_a_review_title_does_not_stop_the_moderator_email(
    client, reviews_site, moderator
):
    # A browser can post one; the form keeps it and the review is saved.
    response = client.post("/en/reviews/write/", review_data(title="Bright\nand reliable"))
    assert response.status_code == 302

    deliver_queued_email()

    (notice,) = [m for m in mail.outbox if m.to == [moderator.email]]
    assert "Bright and reliable" in notice.subject and "\n" not in notice.subject
    assert OutgoingEmail.objects.get(pk__isnull=False, recipients=moderator.email).status == "sent"


@pytest.mark.django_db
def test_email_subjects_are_plain_text_not_html_escaped(client, shop, settings):
    settings.LEADS_NOTIFY_EMAIL = "sales@lumetra.example"
    data = {**buyer_data(company="Smith & Sons <Ltd>"), **lines_data(shop["products"][:1])}
    client.post(shop["enquiry"]["en"].url, data)

    deliver_queued_email()

    sales = next(m for m in mail.outbox if m.to == ["sales@lumetra.example"])
    assert f"New enquiry {Lead.objects.get().reference} from Smith & Sons <Ltd> (Spain)" == (
        sales.subject
    )


@pytest.mark.django_db(transaction=True)
def test_lead_emails_another_worker_is_sending_are_skipped(settings):
    from enquiries.tasks import send_lead_emails
    from tests.enquiries.factories import LeadFactory

    settings.LEADS_NOTIFY_EMAIL = "sales@lumetra.example"
    lead = LeadFactory()
    locked, release = threading.Event(), threading.Event()

    def other_worker():
        try:
            with transaction.atomic():
                Lead.objects.select_for_update().get(pk=lead.pk)
                locked.set()
                release.wait(10)
        finally:
            connections.close_all()

    thread = threading.Thread(target=other_worker)
    thread.start()
    try:
        assert locked.wait(10)
        assert send_lead_emails.call(lead.pk) == "busy" and mail.outbox == []
    finally:
        release.set()
        thread.join()
    assert send_lead_emails.call(lead.pk) == "sent" and len(mail.outbox) == 2
    assert send_lead_emails.call(lead.pk) == "sent" and len(mail.outbox) == 2
