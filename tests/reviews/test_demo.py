"""The demo reviews: approved and pending ones, replies, verified buyers, three languages."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import WorkflowState

from reviews.models import ReviewIndexPage, ReviewInvitation, ReviewPage
from tests.helpers import json_ld_objects

pytestmark = pytest.mark.django_db


def test_demo_reviews(client, demo_site):
    reviews = ReviewPage.objects.all()
    assert 18 <= reviews.count() <= 25
    assert {r.locale.language_code for r in reviews} == {"en", "es", "ar"}
    pending = reviews.filter(live=False)
    assert pending.exists()
    for review in pending:
        state = WorkflowState.objects.get(object_id=str(review.pk))
        assert state.status == "in_progress"
    verified = reviews.filter(verified_buyer=True)
    assert verified.exists()
    assert all(r.lead.email.endswith("@example.com") for r in verified)
    assert ReviewInvitation.objects.filter(review__in=verified, used_at__isnull=False).count() == (
        verified.count()
    )
    assert reviews.exclude(supplier_reply="").exists()
    assert ReviewIndexPage.objects.live().count() == 3

    html = client.get("/en/reviews/").content.decode()
    assert "Perfect for our warehouse retrofit" in html
    assert "Quiet, comfortable light in classrooms" not in html  # pending moderation
    product = ReviewPage.objects.get(slug="warehouse-retrofit-hamburg").product
    response = client.get(product.url)
    assert "Perfect for our warehouse retrofit" in response.content.decode()
    (data,) = [o for o in json_ld_objects(response.content) if o["@type"] == "Product"]
    assert data["aggregateRating"]["reviewCount"] >= 1
    assert client.get("/ar/").status_code == 200

    count = reviews.count()
    call_command("seed_demo", stdout=StringIO())
    assert ReviewPage.objects.count() == count
