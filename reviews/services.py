"""Creating reviews: an unpublished page, its revision, and the moderation workflow."""

import uuid

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from home.http import client_ip

from .models import ReviewIndexPage, ReviewPage, ReviewPhoto, ReviewSubmission, review_setting

MODERATION_WORKFLOW = "Moderators approval"
MODERATORS_GROUP = "Moderators"
PHOTO_COLLECTION = "Review photos"


def rate_limited(ip: str | None) -> bool:
    """True when this address already sent the hourly maximum of reviews."""
    if not ip:
        return False
    since = timezone.now() - timezone.timedelta(hours=1)
    recent = ReviewSubmission.objects.filter(ip_address=ip, created_at__gte=since).count()
    return recent >= review_setting("REVIEWS_RATE_LIMIT_PER_HOUR", 3)


def moderation_workflow() -> Workflow:
    """Wagtail's default "Moderators approval" workflow, recreated if it is missing.

    Wagtail's migrations create it (a group approval task for the Moderators group);
    a database emptied by tests, or a site that deleted it, gets it back here.
    """
    workflow = Workflow.objects.filter(name=MODERATION_WORKFLOW, active=True).first()
    if workflow is not None and workflow.tasks.filter(active=True).exists():
        return workflow
    group, _created = Group.objects.get_or_create(name=MODERATORS_GROUP)
    task = GroupApprovalTask.objects.filter(name=MODERATION_WORKFLOW, active=True).first()
    if task is None:
        task = GroupApprovalTask.objects.create(
            name=MODERATION_WORKFLOW,
            content_type=ContentType.objects.get_for_model(GroupApprovalTask),
        )
    task.groups.add(group)
    if workflow is None:
        workflow = Workflow.objects.create(name=MODERATION_WORKFLOW, active=True)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


def ensure_moderation(index: ReviewIndexPage) -> Workflow:
    """The workflow reviews under `index` go through: its own, or the moderators' one."""
    assigned = WorkflowPage.objects.filter(page=index, workflow__active=True).first()
    if assigned is not None:
        return assigned.workflow
    workflow = moderation_workflow()
    WorkflowPage.objects.update_or_create(page=index, defaults={"workflow": workflow})
    return workflow


def _photo_collection() -> Collection:
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=PHOTO_COLLECTION).first()
    return existing or root.add_child(name=PHOTO_COLLECTION)


def _save_photo(upload, review_title: str):
    Image = get_image_model()
    image = Image(
        title=(_("Review photo: %(title)s") % {"title": review_title})[:255],
        file=upload,
        collection=_photo_collection(),
    )
    image._set_image_file_metadata()
    image.save()
    return image


def submit_review(*, form, request, index: ReviewIndexPage, invitation=None) -> ReviewPage:
    """An unpublished review under `index`, in moderation; verified if sent via an invitation."""
    from .invitations import claim

    data = form.cleaned_data
    with transaction.atomic():
        review = ReviewPage(
            title=data["title"],
            slug=f"{slugify(data['title'])[:40] or 'review'}-{uuid.uuid4().hex[:8]}",
            rating=data["rating"],
            text=data["text"],
            reviewer_name=data["reviewer_name"],
            company=data.get("company", ""),
            country=data.get("country", ""),
            product=data.get("product"),
            purchase_date=data.get("purchase_date"),
            submitted_at=timezone.now(),
            live=False,
            locale=index.locale,
        )
        if invitation is not None:
            review.verified_buyer = True
            review.lead = invitation.lead
        for position, upload in enumerate(data.get("photos") or ()):
            review.photos.add(
                ReviewPhoto(
                    image=_save_photo(upload, data["title"]),
                    alt_text=_("Photo %(number)s from %(name)s's review")
                    % {"number": position + 1, "name": data["reviewer_name"]},
                    sort_order=position,
                )
            )
        index.add_child(instance=review)
        review.save_revision(log_action=False)
        ReviewSubmission.objects.create(
            review=review, ip_address=client_ip(request), form_token=data["form_token"]
        )
        if invitation is not None and not claim(invitation, review):
            raise InvitationUsedError
        ensure_moderation(index).start(review, None)
    return review


class InvitationUsedError(Exception):
    """Another submission used the invitation between validation and saving."""
