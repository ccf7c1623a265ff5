"""Review invitations: signed, expiring, single-use links sent to a lead's buyer."""

from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from enquiries.inbox.state import Action, log_activity
from enquiries.models import Lead

from .models import ReviewIndexPage, ReviewInvitation, review_setting

SALT = "reviews.invitation"


class InvitationError(Exception):
    pass


def max_age_seconds() -> int:
    return review_setting("REVIEWS_INVITATION_MAX_AGE_DAYS", 30) * 24 * 3600


def make_token(invitation: ReviewInvitation) -> str:
    return signing.dumps({"lead": invitation.lead_id, "nonce": invitation.nonce}, salt=SALT)


def read_token(token: str, *, for_update: bool = False) -> ReviewInvitation:
    """The unused invitation a token names; InvitationError with a buyer-facing reason if not."""
    try:
        data = signing.loads(token, salt=SALT, max_age=max_age_seconds())
    except signing.SignatureExpired as error:
        raise InvitationError(
            _("This invitation link has expired. You can still write a review below.")
        ) from error
    except signing.BadSignature as error:
        raise InvitationError(
            _("This invitation link is not valid. You can still write a review below.")
        ) from error
    invitations = ReviewInvitation.objects.select_related("lead")
    if for_update:
        invitations = invitations.select_for_update()
    invitation = (
        invitations.filter(lead_id=data.get("lead"), nonce=data.get("nonce")).first()
        if isinstance(data, dict)
        else None
    )
    if invitation is None or invitation.lead.anonymised_at:
        raise InvitationError(
            _("This invitation link is not valid. You can still write a review below.")
        )
    if invitation.used_at:
        raise InvitationError(
            _("This invitation link was already used. You can still write a review below.")
        )
    return invitation


def review_index_for(language_code: str) -> ReviewIndexPage | None:
    pages = ReviewIndexPage.objects.live()
    return (
        pages.filter(locale__language_code=language_code).first()
        or pages.filter(locale=Locale.get_default()).first()
        or pages.first()
    )


def invitation_url(invitation: ReviewInvitation, index: ReviewIndexPage) -> str:
    return (
        index.get_full_url()
        + index.reverse_subpage("write")
        + "?"
        + f"invitation={make_token(invitation)}"
    )


@transaction.atomic
def send_invitation(lead, user) -> ReviewInvitation:
    """Create the lead's one invitation and email the buyer its link, in their language.

    One per lead: each invitation is a "verified buyer" review, and one purchase is
    one verified review. Only leads that bought are invited.
    """
    # The lead's row lock: two clicks, or two staff, send one invitation.
    lead = Lead.objects.select_for_update().get(pk=lead.pk)
    if not lead.has_bought:
        raise InvitationError(
            _("Only a lead that bought (won, or a paid sample) can be invited to review.")
        )
    previous = ReviewInvitation.objects.filter(lead=lead).order_by("created_at").first()
    if previous is not None:
        raise InvitationError(
            _("A review invitation was already sent to this buyer on %(date)s.")
            % {"date": formats.date_format(timezone.localtime(previous.created_at), "DATE_FORMAT")}
        )
    index = review_index_for(lead.language)
    if index is None:
        raise InvitationError(_("Create a reviews page first: the invitation links to its form."))
    invitation = ReviewInvitation.objects.create(lead=lead, created_by=user)
    log_activity(lead, user, Action.REVIEW_INVITATION, new_value=lead.email)
    url = invitation_url(invitation, index)
    with translation.override(lead.language or index.locale.language_code):
        context = {
            "lead": lead,
            "url": url,
            "days": max_age_seconds() // (24 * 3600),
            "company": index.seo_org_fields.company_name,
        }
        subject = render_to_string("reviews/email/invitation_subject.txt", context).strip()
        body = render_to_string("reviews/email/invitation.txt", context)
    send_mail(subject, body, None, [lead.email])
    return invitation


def claim(invitation: ReviewInvitation, review) -> bool:
    """Mark the invitation used by `review`; False when it, or another invitation of the
    same lead (sent before one per lead was the rule), was already used.
    """
    siblings = ReviewInvitation.objects.filter(lead_id=invitation.lead_id)
    if siblings.filter(used_at__isnull=False).exists():
        return False
    return bool(
        siblings.filter(pk=invitation.pk, used_at__isnull=True).update(
            used_at=timezone.now(), review=review
        )
    )
