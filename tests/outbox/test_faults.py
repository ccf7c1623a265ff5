"""Mail server refusing, answering 421, or accepting and never answering.

Every review and enquiry is kept, the buyer waits for no mail server, and once the
server is back every email is delivered exactly once.
"""

import time

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from enquiries.models import Lead, NotificationStatus
from enquiries.tasks import send_lead_emails
from outbox.models import EmailStatus, OutgoingEmail
from outbox.tasks import deliver_email
from reviews.models import ReviewPage
from tests.enquiries.conftest import buyer_data, lines_data
from tests.outbox.smtp_servers import FAULTS, GoodSMTPServer
from tests.reviews.conftest import review_data
from tests.worker import run_worker

pytestmark = pytest.mark.django_db


def timed_post(client, url, data):
    started = time.monotonic()
    response = client.post(url, data)
    return response, time.monotonic() - started


def make_retries_due():
    now = timezone.now()
    OutgoingEmail.objects.filter(status=EmailStatus.QUEUED).update(next_attempt_at=now)
    DBTaskResult.objects.filter(status="READY").update(run_after=now)


def received_ids(server) -> list[str]:
    return [message["Message-ID"] for _sender, _to, message in server.messages]


@pytest.mark.parametrize("fault", FAULTS)
def test_review_is_kept_and_its_moderator_email_delivered_once_after_recovery(
    client, reviews_site, moderator, smtp_delivery, fault
):
    with FAULTS[fault]() as broken:
        smtp_delivery(broken.port)
        response, seconds = timed_post(client, "/en/reviews/write/", review_data())

        assert response.status_code == 302 and response["Location"] == "/en/reviews/thanks/"
        assert seconds < 2
        review = ReviewPage.objects.get()
        queued = OutgoingEmail.objects.filter(recipients__contains=moderator.email).get()
        assert queued.status == EmailStatus.QUEUED and review.title in queued.subject

        run_worker()

    queued.refresh_from_db()
    assert queued.status == EmailStatus.QUEUED and queued.attempts == 1
    assert queued.last_error and queued.next_attempt_at > timezone.now()
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.run_after > timezone.now() and retry.args_kwargs["args"] == [queued.pk]

    with GoodSMTPServer() as server:
        smtp_delivery(server.port)
        make_retries_due()
        run_worker()
        # A duplicated task (a retry left over, "Retry now" twice) sends nothing more.
        for email in OutgoingEmail.objects.all():
            deliver_email.enqueue(email.pk)
        run_worker()

    emails = list(OutgoingEmail.objects.all())
    assert all(email.status == EmailStatus.SENT and email.sent_at for email in emails)
    assert sorted(received_ids(server)) == sorted(
        e.message["headers"]["Message-ID"] for e in emails
    )
    to_moderator = [m for _s, to, m in server.messages if to == [moderator.email]]
    assert len(to_moderator) == 1 and review.title in to_moderator[0]["Subject"]
    assert ReviewPage.objects.get().pk == review.pk


@pytest.mark.parametrize("fault", FAULTS)
def test_enquiry_is_kept_and_its_emails_delivered_once_after_recovery(
    client, shop, settings, smtp_delivery, fault
):
    settings.LEADS_NOTIFY_EMAIL = "sales@lumetra.example"
    data = {**buyer_data(), **lines_data(shop["products"][:1])}
    with FAULTS[fault]() as broken:
        smtp_delivery(broken.port)
        response, seconds = timed_post(client, shop["enquiry"]["en"].url, data)

        assert response.status_code == 302 and response["Location"].endswith("/thanks/")
        assert seconds < 2
        lead = Lead.objects.get()

        run_worker()

    lead.refresh_from_db()
    assert lead.notification_status == NotificationStatus.FAILED
    assert lead.notification_attempts == 1 and lead.notification_error
    assert DBTaskResult.objects.get(status="READY").run_after > timezone.now()

    with GoodSMTPServer() as server:
        smtp_delivery(server.port)
        make_retries_due()
        run_worker()
        send_lead_emails.enqueue(lead.pk)  # the inbox's "retry now" after the fact
        run_worker()

    lead.refresh_from_db()
    assert lead.notification_status == NotificationStatus.SENT and lead.acknowledgement_sent_at
    recipients = sorted(to[0] for _sender, to, _message in server.messages)
    assert recipients == ["ana@iberica.example", "sales@lumetra.example"]
