"""Verified buyers: a signed, expiring, single-use invitation sent from a lead."""

import datetime
import re

import pytest
import time_machine
from django.contrib.auth.models import Permission
from django.core import mail, signing
from django.utils import translation

from reviews.invitations import SALT
from reviews.models import ReviewInvitation, ReviewPage
from tests.enquiries.factories import LeadFactory
from tests.reviews.conftest import review_data
from tests.worker import deliver_queued_email

pytestmark = pytest.mark.django_db


EXPIRED = "This invitation link has expired. You can still write a review below."
INVALID = "This invitation link is not valid. You can still write a review below."
USED = "This invitation link was already used. You can still write a review below."


def spanish(message: str) -> str:
    """The message as a Spanish buyer reads it (translated or not yet)."""
    with translation.override("es"):
        return translation.gettext(message)


def shows(response, message: str) -> bool:
    return spanish(message) in response.content.decode()


def invite_url(lead) -> str:
    return f"/admin/reviews/invite/{lead.pk}/"


@pytest.fixture
def sales(django_user_model):
    user = django_user_model.objects.create_user("sales", "sales@example.com", "pw")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_lead"),
        Permission.objects.get(codename="change_lead"),
    )
    return user


@pytest.fixture
def lead(reviews_site):
    return LeadFactory(
        name="Ana García", company="Iluminación Ibérica", country="ES", language="es", status="won"
    )


def send(client, sales, lead) -> str:
    """Send the invitation as sales staff; the link from the buyer's email."""
    client.force_login(sales)
    response = client.post(invite_url(lead))
    client.logout()
    assert response.status_code == 302
    assert response["Location"] == lead.get_admin_url()
    deliver_queued_email()
    (message,) = mail.outbox
    return re.search(r"http://\S+", message.body).group(0)


def path_of(url: str) -> str:
    return url.removeprefix("http://localhost")


def test_staff_send_an_invitation_in_the_buyers_language(client, sales, lead):
    client.force_login(sales)
    page = client.get(lead.get_admin_url())
    assert "Send review invitation" in page.content.decode()
    response = client.post(invite_url(lead), follow=True)
    assert response.redirect_chain == [(lead.get_admin_url(), 302)]
    assert f"Review invitation sent to {lead.email}" in response.content.decode()
    deliver_queued_email()
    url = re.search(r"http://\S+", mail.outbox[0].body).group(0)

    invitation = ReviewInvitation.objects.get()
    assert (invitation.lead, invitation.created_by, invitation.used_at) == (lead, sales, None)
    message = mail.outbox[0]
    assert message.to == [lead.email]
    assert url.startswith("http://localhost/es/reviews/write/?invitation=")
    assert "Ana García" in message.body


def test_the_invitation_form_is_prefilled_and_the_review_is_verified(client, sales, lead):
    url = send(client, sales, lead)
    response = client.get(path_of(url))
    assert response.status_code == 200
    form = response.context["form"]
    assert form["reviewer_name"].value() == "Ana García"
    assert response.context["invitation"] == ReviewInvitation.objects.get()
    assert 'class="review-invitation"' in response.content.decode()

    token = form["invitation"].value()
    response = client.post(
        "/es/reviews/write/", review_data(invitation=token, reviewer_name="Ana G.")
    )
    assert response.status_code == 302
    review = ReviewPage.objects.get()
    assert review.verified_buyer and review.lead == lead
    invitation = ReviewInvitation.objects.get()
    assert invitation.used_at is not None and invitation.review_id == review.pk


def test_an_invitation_works_once(client, sales, lead):
    url = send(client, sales, lead)
    token = client.get(path_of(url)).context["form"]["invitation"].value()
    assert client.post("/es/reviews/write/", review_data(invitation=token)).status_code == 302

    again = client.get(path_of(url))
    assert shows(again, USED)
    assert again.context["form"]["invitation"].value() in (None, "")
    response = client.post("/es/reviews/write/", review_data(invitation=token))
    assert response.status_code == 200
    assert shows(response, USED)
    assert ReviewPage.objects.count() == 1
    # Sent again without the link, it is an ordinary, unverified review.
    form = response.context["form"]
    assert form["invitation"].value() == ""
    retry = client.post("/es/reviews/write/", review_data(invitation=""))
    assert retry.status_code == 302
    assert ReviewPage.objects.filter(verified_buyer=True).count() == 1


def test_an_invitation_expires(client, sales, lead):
    with time_machine.travel(datetime.datetime(2026, 1, 1, 12, tzinfo=datetime.UTC)):
        url = send(client, sales, lead)
    with time_machine.travel(datetime.datetime(2026, 1, 30, 12, tzinfo=datetime.UTC)):
        assert client.get(path_of(url)).context["invitation"] is not None
    with time_machine.travel(datetime.datetime(2026, 2, 1, 12, tzinfo=datetime.UTC)):
        response = client.get(path_of(url))
        assert shows(response, EXPIRED)
        assert response.context["invitation"] is None
        token = url.split("invitation=")[1]
        response = client.post("/es/reviews/write/", review_data(invitation=token))
        assert shows(response, EXPIRED)
    assert not ReviewPage.objects.filter(verified_buyer=True).exists()


@pytest.mark.parametrize(
    "forge",
    [
        lambda token, lead: token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
        lambda token, lead: signing.dumps({"lead": lead.pk, "nonce": "guess"}, salt=SALT),
        lambda token, lead: signing.dumps({"lead": lead.pk + 1, "nonce": "x"}, salt="other"),
        lambda token, lead: "garbage",
        lambda token, lead: signing.dumps(["not", "a", "dict"], salt=SALT),
    ],
)
def test_tampered_invitations_are_refused(client, sales, lead, forge):
    url = send(client, sales, lead)
    token = forge(url.split("invitation=")[1], lead)
    assert shows(client.get("/es/reviews/write/", {"invitation": token}), INVALID)
    response = client.post("/es/reviews/write/", review_data(invitation=token))
    assert response.status_code == 200
    assert shows(response, INVALID)
    assert not ReviewPage.objects.exists()


def test_the_verified_badge_comes_only_from_an_invitation(client, reviews_site, lead, moderator):
    from wagtail.models import WorkflowState

    response = client.post(
        "/en/reviews/write/",
        review_data(verified_buyer="on", lead=str(lead.pk), title="Trust me"),
    )
    assert response.status_code == 302
    review = ReviewPage.objects.get()
    assert not review.verified_buyer and review.lead is None
    state = WorkflowState.objects.get(object_id=str(review.pk)).current_task_state
    state.approve(user=moderator)
    html = client.get("/en/reviews/").content.decode()
    assert "Trust me" in html and "Verified buyer" not in html


def test_verified_review_shows_the_badge_once_approved(client, sales, lead, moderator):
    from wagtail.models import WorkflowState

    url = send(client, sales, lead)
    token = url.split("invitation=")[1]
    client.post("/es/reviews/write/", review_data(invitation=token, title="Muy buena calidad"))
    review = ReviewPage.objects.get()
    WorkflowState.objects.get(object_id=str(review.pk)).current_task_state.approve(user=moderator)
    html = client.get("/es/reviews/").content.decode()
    assert "Muy buena calidad" in html
    assert "review__badge--verified" in html


def test_invite_url_permissions(client, reviews_site, lead, django_user_model, sales):
    # Anonymous: to the login page.
    response = client.post(invite_url(lead))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    # Admin access without the right to change leads: refused.
    viewer = django_user_model.objects.create_user("viewer", "v@example.com", "pw")
    viewer.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_lead"),
    )
    client.force_login(viewer)
    response = client.post(invite_url(lead))
    assert response.status_code in (302, 403)
    assert response.get("Location") != lead.get_admin_url()
    # GET never sends anything.
    client.force_login(sales)
    assert client.get(invite_url(lead)).status_code == 405
    assert client.post("/admin/reviews/invite/999999/").status_code in (302, 404)
    assert not ReviewInvitation.objects.exists()
    deliver_queued_email()
    assert not mail.outbox


def test_spam_and_anonymised_leads_are_not_invited(client, reviews_site, sales):
    from django.utils import timezone

    for lead in (
        LeadFactory(status="spam"),
        LeadFactory(anonymised_at=timezone.now()),
    ):
        client.force_login(sales)
        response = client.post(invite_url(lead))
        assert response.status_code == 302
    assert not ReviewInvitation.objects.exists()
    deliver_queued_email()
    assert not mail.outbox


def test_one_invitation_per_lead(client, sales, lead):
    send(client, sales, lead)
    client.force_login(sales)
    page = client.get(lead.get_admin_url()).content.decode()
    assert "data-review-invitation" not in page and "data-review-invited" in page

    response = client.post(invite_url(lead), follow=True)

    assert "A review invitation was already sent to this buyer on" in response.content.decode()
    assert ReviewInvitation.objects.count() == 1
    deliver_queued_email()
    assert len(mail.outbox) == 1


def test_only_leads_that_bought_are_invited(client, reviews_site, sales):
    from enquiries.models import PaymentStatus
    from tests.enquiries.factories import PaymentFactory

    client.force_login(sales)
    quoted = LeadFactory(status="quoted")
    unpaid = LeadFactory(status="sample_sent", lead_type="sample")
    PaymentFactory(lead=unpaid, status=PaymentStatus.PENDING)
    refunded = LeadFactory(status="sample_sent", lead_type="sample")
    PaymentFactory(lead=refunded, status=PaymentStatus.REFUNDED)
    for lead in (quoted, unpaid, refunded):
        assert "data-review-invitation" not in client.get(lead.get_admin_url()).content.decode()
        response = client.post(invite_url(lead), follow=True)
        assert "Only a lead that bought" in response.content.decode()
    assert not ReviewInvitation.objects.exists()

    paid = LeadFactory(status="sample_sent", lead_type="sample")
    PaymentFactory(lead=paid, status=PaymentStatus.PAID)
    assert "data-review-invitation" in client.get(paid.get_admin_url()).content.decode()
    client.post(invite_url(paid))
    assert ReviewInvitation.objects.get().lead == paid


def test_the_invitation_is_in_the_leads_history(client, sales, lead):
    from enquiries.models import LeadActivity

    send(client, sales, lead)
    activity = LeadActivity.objects.get(lead=lead, action="review_invitation")
    assert (activity.user, activity.new_value) == (sales, lead.email)
    client.force_login(sales)
    assert "Review invitation sent" in client.get(lead.get_admin_url()).content.decode()


def test_two_old_invitations_of_one_lead_give_one_verified_review(client, sales, lead):
    from reviews.invitations import make_token

    # Sent before one invitation per lead was the rule.
    first, second = (ReviewInvitation.objects.create(lead=lead) for _ in range(2))
    for n, invitation in enumerate((first, second)):
        client.post(
            "/es/reviews/write/",
            review_data(invitation=make_token(invitation), title=f"Review {n}"),
        )
    assert ReviewPage.objects.filter(verified_buyer=True).count() == 1
