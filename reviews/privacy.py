"""The reviews app's part of a buyer's data request (`manage.py buyer_data`).

Registered with enquiries.privacy in ReviewsConfig.ready(): a lead's buyer may have
written a (verified) review through their invitation. Export lists the reviews and
invitations; erase removes the reviewer's name and company from the review, its
translations, its revisions and wagtail-localize's copy of it, and the IP address
the review was sent from.
"""

import json

from wagtail.models import Revision
from wagtail_localize.models import TranslationSource

from .models import ReviewInvitation, ReviewPage, ReviewSubmission

REMOVED = "[removed]"
PERSONAL = {"reviewer_name": REMOVED, "company": ""}


def _reviews_of(leads):
    """The leads' reviews with all their translations (names are synchronised into them)."""
    written = ReviewPage.objects.filter(lead__in=leads).values("translation_key")
    return ReviewPage.objects.filter(translation_key__in=written)


def export_reviews(leads) -> dict:
    # Each review once, as the buyer wrote it: translations are the supplier's copies,
    # and the original is the first page of its translation group.
    reviews, seen = [], set()
    pages = ReviewPage.objects.filter(lead__in=leads).select_related("locale", "product", "lead")
    for review in pages.order_by("pk"):
        if review.translation_key not in seen:
            seen.add(review.translation_key)
            reviews.append(review)
    invitations = ReviewInvitation.objects.filter(lead__in=leads).select_related("lead", "review")
    return {
        "reviews": [
            {
                "lead": review.lead.reference if review.lead_id else None,
                "title": review.title,
                "rating": review.rating,
                "text": review.text,
                "reviewer_name": review.reviewer_name,
                "company": review.company,
                "country": review.country.code or None,
                "product": review.product.title if review.product else None,
                "purchase_date": review.purchase_date.isoformat() if review.purchase_date else None,
                "language": review.locale.language_code,
                "submitted": review.submitted_at.isoformat() if review.submitted_at else None,
                "published": review.live,
                "verified_buyer": review.verified_buyer,
            }
            for review in reviews
        ],
        "review_invitations": [
            {
                "lead": invitation.lead.reference,
                "sent": invitation.created_at.isoformat(),
                "used": invitation.used_at.isoformat() if invitation.used_at else None,
                "review": invitation.review.title if invitation.review else None,
            }
            for invitation in invitations.order_by("created_at", "pk")
        ],
    }


def erase_reviews(lead) -> None:
    reviews = _reviews_of([lead])
    ids = list(reviews.values_list("pk", flat=True))
    if not ids:
        return
    reviews.update(**PERSONAL)
    # A revision or wagtail-localize's source would bring the name back when edited,
    # published again or translated.
    for revision in Revision.page_revisions.filter(object_id__in=[str(pk) for pk in ids]):
        if isinstance(revision.content, dict) and "reviewer_name" in revision.content:
            revision.content = {**revision.content, **PERSONAL}
            revision.save(update_fields=["content"])
    keys = set(reviews.values_list("translation_key", flat=True))
    for source in TranslationSource.objects.filter(object__translation_key__in=keys):
        content = json.loads(source.content_json)
        if isinstance(content, dict) and "reviewer_name" in content:
            source.content_json = json.dumps({**content, **PERSONAL})
            source.save(update_fields=["content_json"])
    ReviewSubmission.objects.filter(review_id__in=ids).update(ip_address=None)
