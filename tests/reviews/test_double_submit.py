"""A double-clicked review form: one review, and every click lands on the thank-you page."""

import pytest
from django.test import Client

from reviews.models import ReviewPage, ReviewSubmission
from tests.concurrency import at_once
from tests.reviews.conftest import review_data

WRITE = "/en/reviews/write/"


@pytest.mark.django_db
def test_a_post_racing_past_the_token_check_gets_the_thank_you_page(
    client, reviews_site, monkeypatch
):
    data = review_data()
    assert client.post(WRITE, data).status_code == 302

    # The second request passed the token check before the first one committed.
    real_filter = ReviewSubmission.objects.filter
    calls = []

    def filter_missing_once(*args, **kwargs):
        calls.append(kwargs)
        result = real_filter(*args, **kwargs)
        return result.none() if len(calls) == 1 else result

    monkeypatch.setattr(ReviewSubmission.objects, "filter", filter_missing_once)
    again = Client().post(WRITE, data)

    assert again.status_code == 302 and again["Location"] == "/en/reviews/thanks/"
    assert ReviewPage.objects.count() == 1


# Committed for real so the requests race; serialized_rollback restores what
# Wagtail's migrations created after the flush.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_same_review_posted_three_times_at_once_is_saved_once(wagtail_base_rows, reviews_site):
    data = review_data()

    responses = at_once(*[lambda: Client().post(WRITE, data)] * 3)

    assert [r.status_code for r in responses] == [302, 302, 302]
    assert {r["Location"] for r in responses} == {"/en/reviews/thanks/"}
    assert ReviewPage.objects.count() == 1
