"""The public review form: drafts in moderation, clear errors, honeypot, rate limit."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Revision, WorkflowState

from reviews.models import ReviewPage, ReviewSubmission
from tests.helpers import json_ld_objects
from tests.reviews.conftest import image_bytes, review_data

pytestmark = pytest.mark.django_db

WRITE = "/en/reviews/write/"


def product_json_ld(client, product) -> dict:
    response = client.get(product.url)
    assert response.status_code == 200
    return next(obj for obj in json_ld_objects(response.content) if obj["@type"] == "Product")


def test_form_preselects_the_product_from_the_product_page(client, reviews_site):
    product = reviews_site["products"][1]
    response = client.get(WRITE, {"product": product.pk})
    assert response.status_code == 200
    assert response.context["form"]["product"].value() == product.pk
    assert client.get(WRITE, {"product": "99999999999999999999"}).status_code == 200


def test_submission_creates_a_draft_in_moderation_and_nothing_public(client, reviews_site):
    product = reviews_site["products"][0]
    before = product_json_ld(client, product)
    photo = SimpleUploadedFile("warehouse.jpg", image_bytes(), content_type="image/jpeg")

    response = client.post(
        WRITE, review_data(product=str(product.pk), photos=[photo]), REMOTE_ADDR="203.0.113.5"
    )

    assert response.status_code == 302
    assert response["Location"] == "/en/reviews/thanks/"
    review = ReviewPage.objects.get()
    assert not review.live
    assert review.locale.language_code == "en"
    assert review.get_parent().specific == reviews_site["reviews"]["en"]
    assert (review.rating, review.product_id, review.country.code) == (5, product.pk, "ES")
    assert not review.verified_buyer and review.lead is None
    assert Revision.page_revisions.filter(object_id=str(review.pk)).exists()
    state = WorkflowState.objects.get(object_id=str(review.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Moderators approval"
    assert state.current_task_state.task.name == "Moderators approval"
    assert review.photos.count() == 1
    assert ReviewSubmission.objects.get().ip_address == "203.0.113.5"

    # Nothing public: not on the reviews page, the product page or its JSON-LD.
    assert "Bright and reliable" not in client.get("/en/reviews/").content.decode()
    assert "Bright and reliable" not in client.get(product.url).content.decode()
    assert product_json_ld(client, product) == before
    assert "aggregateRating" not in before
    assert client.get(f"/en/reviews/{review.slug}/").status_code == 404
    assert "Yours will appear on the site" in client.get("/en/reviews/thanks/").content.decode()


def test_submission_in_spanish_goes_under_the_spanish_reviews_page(client, reviews_site):
    response = client.post(
        reviews_site["reviews"]["es"].url + "write/",
        review_data(product=str(reviews_site["product"]["es"].pk)),
    )
    assert response.status_code == 302
    review = ReviewPage.objects.get()
    assert review.locale.language_code == "es"
    assert review.get_parent().pk == reviews_site["reviews"]["es"].pk


def test_double_submit_creates_one_review(client, reviews_site):
    data = review_data()
    assert client.post(WRITE, data).status_code == 302
    assert client.post(WRITE, data).status_code == 302
    assert ReviewPage.objects.count() == 1


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("rating", "0", "Choose a rating from 1 to 5 stars."),
        ("rating", "6", "Choose a rating from 1 to 5 stars."),
        ("rating", "abc", "Choose a rating from 1 to 5 stars."),
        ("rating", "", "Choose a rating from 1 to 5 stars."),
        ("text", "x" * 4001, "Ensure this value has at most 4000 characters"),
        ("text", "Too short", "Ensure this value has at least 20 characters"),
        ("title", "t" * 121, "Ensure this value has at most 120 characters"),
        ("reviewer_name", "n" * 121, "Ensure this value has at most 120 characters"),
        ("company", "c" * 161, "Ensure this value has at most 160 characters"),
        ("country", "XX", "Select a valid choice"),
        ("product", "abc", "Choose a product from the list."),
        ("product", "99999999", "Choose a product from the list."),
        ("purchase_date", "2999-01-01", "cannot be in the future"),
        ("purchase_date", "yesterday", "Enter the date as YYYY-MM-DD."),
        ("consent", "", "Please agree so we can publish your review."),
    ],
)
def test_bad_input_gives_clear_errors(client, reviews_site, field, value, message):
    response = client.post(WRITE, review_data(**{field: value}))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors
    assert any(message in error for error in errors[field])
    assert "Please check the form" in response.content.decode()
    assert not ReviewPage.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "content_type", "message"),
    [
        ("report.pdf", b"%PDF-1.4 a report", "application/pdf", "is not a JPEG, PNG or WebP"),
        ("photo.gif", image_bytes("GIF"), "image/gif", "is not a JPEG, PNG or WebP"),
        ("photo.jpg", b"MZ\x90\x00 not an image", "image/jpeg", "is not a valid JPEG picture"),
        ("photo.png", image_bytes("JPEG"), "image/png", "is not a valid PNG picture"),
        ("photo", image_bytes(), "image/jpeg", "is not a JPEG, PNG or WebP"),
    ],
)
def test_bad_photos_are_refused(client, reviews_site, name, content, content_type, message):
    photo = SimpleUploadedFile(name, content, content_type=content_type)
    response = client.post(WRITE, review_data(photos=[photo]))
    assert response.status_code == 200
    assert any(message in error for error in response.context["form"].errors["photos"])
    assert not ReviewPage.objects.exists()


def test_png_and_webp_photos_are_accepted(client, reviews_site):
    photos = [
        SimpleUploadedFile("a.png", image_bytes("PNG"), content_type="image/png"),
        SimpleUploadedFile("b.webp", image_bytes("WEBP"), content_type="image/webp"),
    ]
    assert client.post(WRITE, review_data(photos=photos)).status_code == 302
    assert ReviewPage.objects.get().photos.count() == 2


def test_too_large_and_too_many_photos_are_refused(client, reviews_site, settings):
    settings.REVIEWS_PHOTO_MAX_BYTES = 1000
    big = SimpleUploadedFile("big.png", image_bytes("PNG", (600, 600)), content_type="image/png")
    response = client.post(WRITE, review_data(photos=[big]))
    assert any("larger than" in e for e in response.context["form"].errors["photos"])

    settings.REVIEWS_PHOTO_MAX_BYTES = 5 * 1024 * 1024
    four = [
        SimpleUploadedFile(f"{n}.jpg", image_bytes(), content_type="image/jpeg") for n in range(4)
    ]
    response = client.post(WRITE, review_data(photos=four))
    assert response.context["form"].errors["photos"] == ["Add at most 3 photos."]
    assert not ReviewPage.objects.exists()


def test_five_megabytes_is_the_default_photo_limit(client, reviews_site):
    # Random pixels don't compress: a real ~6 MB PNG.
    import io
    import os

    from PIL import Image

    buffer = io.BytesIO()
    Image.frombytes("RGB", (1500, 1400), os.urandom(1500 * 1400 * 3)).save(buffer, "PNG")
    assert buffer.tell() > 5 * 1024 * 1024
    big = SimpleUploadedFile("big.png", buffer.getvalue(), content_type="image/png")
    response = client.post(WRITE, review_data(photos=[big]))
    assert any("larger than 5 MB" in e for e in response.context["form"].errors["photos"])


def test_honeypot_looks_like_success_and_stores_nothing(client, reviews_site):
    response = client.post(WRITE, review_data(website="http://spam.example"))
    assert response.status_code == 302
    assert not ReviewPage.objects.exists()
    assert not ReviewSubmission.objects.exists()


def test_low_recaptcha_score_stores_nothing_and_invalid_token_is_an_error(
    client, reviews_site, recaptcha
):
    recaptcha.score = 0.1
    assert client.post(WRITE, review_data()).status_code == 302
    assert not ReviewPage.objects.exists()
    recaptcha.score, recaptcha.valid = 0.9, False
    response = client.post(WRITE, review_data())
    assert response.status_code == 200
    assert "captcha" in response.context["form"].errors
    assert not ReviewPage.objects.exists()


def test_rate_limit_per_ip(client, reviews_site, settings):
    settings.REVIEWS_RATE_LIMIT_PER_HOUR = 2
    for _ in range(2):
        assert client.post(WRITE, review_data(), REMOTE_ADDR="198.51.100.7").status_code == 302
    response = client.post(WRITE, review_data(), REMOTE_ADDR="198.51.100.7")
    assert response.status_code == 429
    assert "several reviews from your network" in response.content.decode()
    assert ReviewPage.objects.count() == 2
    # Another address is not limited.
    assert client.post(WRITE, review_data(), REMOTE_ADDR="198.51.100.8").status_code == 302
