"""Two moderators approving the same review at once: one approval, one publish, no 500.

Real threads against the real database: each thread has its own connection and its
own logged-in client, and both post Wagtail's workflow "approve" URL together.
"""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse
from wagtail.models import (
    Collection,
    GroupPagePermission,
    Locale,
    Page,
    PageLogEntry,
    Site,
    TaskState,
    WorkflowState,
)

from reviews.models import ReviewIndexPage, ReviewPage
from reviews.services import ensure_moderation
from tests.concurrency import at_once
from tests.factories import HomePageFactory

# serialized_rollback: the flush after the test would otherwise also remove the data
# Wagtail's migrations made (root page, site, groups) for the tests that follow.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def review_in_moderation(transactional_db, django_user_model):
    """A review waiting in the moderators' workflow, on a database that is really committed.

    The transactional database is emptied after each test, migration data included,
    so the roots, site and Moderators' permissions are made here.
    """
    locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if not Collection.get_first_root_node():
        Collection.add_root(name="Root")
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root", locale=locale)
    home = HomePageFactory(parent=root, slug="home-race", locale=locale)
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
    )
    index = ReviewIndexPage(title="Reviews", slug="reviews", locale=locale)
    home.add_child(instance=index)
    index.save_revision().publish()
    review = ReviewPage(
        title="Bright and reliable",
        slug="bright-and-reliable",
        rating=5,
        text="Forty high bays in our warehouse.",
        reviewer_name="Ana García",
        live=False,
        locale=locale,
    )
    index.add_child(instance=review)
    review.save_revision(log_action=False)
    ensure_moderation(index).start(review, None)

    moderators = Group.objects.get(name="Moderators")
    moderators.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.get_or_create(
            group=moderators, page=root, permission=Permission.objects.get(codename=codename)
        )
    users = []
    for name in ("mod-a", "mod-b"):
        user = django_user_model.objects.create_user(name, f"{name}@example.com", "pw")
        user.groups.add(moderators)
        users.append(user)
    return review, users


def test_two_moderators_approving_at_once_give_one_approval_and_no_500(review_in_moderation):
    review, moderators = review_in_moderation
    state = WorkflowState.objects.get(object_id=str(review.pk)).current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[review.pk, "approve", state.pk])

    clients = []
    for user in moderators:
        client = Client(raise_request_exception=False)
        client.force_login(user)
        clients.append(client)

    responses = at_once(*[lambda c=c: c.post(url, {"comment": ""}) for c in clients])
    statuses = [response.status_code for response in responses]

    assert all(status is not None and status < 500 for status in statuses), statuses
    review.refresh_from_db()
    assert review.live
    assert TaskState.objects.get(pk=state.pk).status == TaskState.STATUS_APPROVED
    assert WorkflowState.objects.get(object_id=str(review.pk)).status == "approved"
    approvals = PageLogEntry.objects.filter(page=review, action="wagtail.workflow.approve")
    assert approvals.count() == 1
    assert PageLogEntry.objects.filter(page=review, action="wagtail.publish").count() == 1
    assert review.revisions.count() == 1
