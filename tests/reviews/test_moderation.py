"""Moderation through Wagtail's own workflow: approving publishes, rejecting never shows."""

import pytest
from django.urls import reverse
from wagtail.models import TaskState, WorkflowPage, WorkflowState

from reviews.models import ReviewPage
from reviews.services import ensure_moderation
from tests.helpers import json_ld_objects
from tests.reviews.conftest import review_data

pytestmark = pytest.mark.django_db

WRITE = "/en/reviews/write/"


def submit(client, **fields) -> ReviewPage:
    response = client.post(WRITE, review_data(**fields))
    assert response.status_code == 302, response.context["form"].errors
    return ReviewPage.objects.order_by("-pk").first()


def task_state(review) -> TaskState:
    return WorkflowState.objects.get(object_id=str(review.pk)).current_task_state.specific


def product_json_ld(client, product) -> dict:
    response = client.get(product.url)
    return next(obj for obj in json_ld_objects(response.content) if obj["@type"] == "Product")


def test_moderator_approval_in_the_admin_publishes_the_review(client, reviews_site, moderator):
    product = reviews_site["products"][0]
    review = submit(client, product=str(product.pk), rating="4", title="Solid drivers")
    state = task_state(review)

    client.force_login(moderator)
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[review.pk, "approve", state.pk]),
        {"comment": ""},
    )
    client.logout()

    assert response.status_code in (200, 302)
    review.refresh_from_db()
    assert review.live
    assert WorkflowState.objects.get(object_id=str(review.pk)).status == "approved"
    assert "Solid drivers" in client.get("/en/reviews/").content.decode()
    html = client.get(product.url).content.decode()
    assert "Solid drivers" in html
    assert "4 out of 5, from 1 review" in html
    data = product_json_ld(client, product)
    assert data["aggregateRating"] == {
        "@type": "AggregateRating",
        "ratingValue": "4.0",
        "reviewCount": 1,
        "bestRating": "5",
        "worstRating": "1",
    }
    assert data["review"][0]["reviewRating"]["ratingValue"] == "4"
    assert data["review"][0]["author"]["name"] == "Ana García"


def test_approving_through_the_task_state_updates_average_and_count(
    client, reviews_site, moderator
):
    product = reviews_site["products"][0]
    first = submit(client, product=str(product.pk), rating="5")
    second = submit(client, product=str(product.pk), rating="2")
    task_state(first).approve(user=moderator)

    data = product_json_ld(client, product)
    assert (data["aggregateRating"]["ratingValue"], data["aggregateRating"]["reviewCount"]) == (
        "5.0",
        1,
    )
    task_state(second).approve(user=moderator)
    data = product_json_ld(client, product)
    assert (data["aggregateRating"]["ratingValue"], data["aggregateRating"]["reviewCount"]) == (
        "3.5",
        2,
    )
    assert "3.5 out of 5, from 2 reviews" in client.get(product.url).content.decode()


def test_rejected_review_never_shows(client, reviews_site, moderator):
    product = reviews_site["products"][0]
    review = submit(client, product=str(product.pk), title="Spammy nonsense")

    client.force_login(moderator)
    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action", args=[review.pk, "reject", task_state(review).pk]
        ),
        {"comment": "Not a real buyer."},
    )
    client.logout()
    assert response.status_code in (200, 302)

    review.refresh_from_db()
    assert not review.live
    assert WorkflowState.objects.get(object_id=str(review.pk)).status == "needs_changes"
    assert "Spammy nonsense" not in client.get("/en/reviews/").content.decode()
    assert "Spammy nonsense" not in client.get(product.url).content.decode()
    assert "aggregateRating" not in product_json_ld(client, product)


def test_visitors_without_moderation_rights_cannot_approve(client, reviews_site, django_user_model):
    review = submit(client)
    editor = django_user_model.objects.create_user("editor", "e@example.com", "pw")
    client.force_login(editor)
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action", args=[review.pk, "approve", task_state(review).pk]
        )
    )
    review.refresh_from_db()
    assert not review.live


def test_the_moderation_workflow_is_recreated_when_missing(reviews_site):
    from wagtail.models import Workflow

    Workflow.objects.all().delete()
    index = reviews_site["reviews"]["en"]
    workflow = ensure_moderation(index)
    assert workflow.name == "Moderators approval"
    assert [t.specific.groups.get().name for t in workflow.tasks] == ["Moderators"]
    assert WorkflowPage.objects.get(page=index).workflow == workflow
    assert ensure_moderation(index) == workflow


def test_a_second_approve_from_a_stale_editor_tab_is_a_message_not_a_500(
    client, reviews_site, moderator
):
    review = submit(client, title="Approved twice")
    client.force_login(moderator)
    edit_url = reverse("wagtailadmin_pages:edit", args=[review.pk])
    # Two tabs of the editor: the footer's "Approve" posts the edit form with this action.
    approve = {"action-workflow-action": "true", "workflow-action-name": "approve"}
    task_state(review).approve(user=moderator)

    client.raise_request_exception = False
    response = client.post(edit_url, approve, follow=True)

    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == edit_url
    assert "is not currently awaiting moderation" in response.content.decode()
    review.refresh_from_db()
    assert review.live
    assert WorkflowState.objects.get(object_id=str(review.pk)).status == "approved"
    approvals = review.revisions.count()
    assert approvals == 1


def test_a_second_approve_of_a_finished_task_is_refused(client, reviews_site, moderator):
    review = submit(client, title="Approved twice")
    state = task_state(review)
    url = reverse("wagtailadmin_pages:workflow_action", args=[review.pk, "approve", state.pk])
    client.force_login(moderator)
    assert client.post(url, {"comment": ""}).status_code == 302
    response = client.post(url, {"comment": ""}, follow=True)
    assert response.status_code == 200
    assert "is not currently awaiting moderation" in response.content.decode()
    from wagtail.models import PageLogEntry

    assert PageLogEntry.objects.filter(page=review, action="wagtail.workflow.approve").count() == 1
