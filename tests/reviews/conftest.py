import io
import uuid

import pytest
from django.contrib.auth.models import Group
from PIL import Image as PILImage

from reviews.models import ReviewIndexPage, ReviewPage
from tests.conftest import translate
from tests.enquiries.conftest import recaptcha  # noqa: F401 - fixture: answers Google's side
from tests.products.conftest import attributes, catalog, images  # noqa: F401 - fixtures


@pytest.fixture
def reviews_site(catalog, locales):  # noqa: F811 - `catalog` is the imported fixture
    """The catalog, its first product in es/ar too, and a reviews page in en/es/ar."""
    home = catalog["home"]
    index = ReviewIndexPage(title="Reviews", slug="reviews", intro="<p>What buyers say.</p>")
    home.add_child(instance=index)
    index.save_revision().publish()
    indexes = {"en": index}
    for code, title in (("es", "Opiniones"), ("ar", "آراء العملاء")):
        indexes[code] = translate(index, locales[code], title=title)
    product = catalog["products"][0]
    products = {"en": product}
    # Parents first: a translated product needs its translated category.
    for code in ("es", "ar"):
        translate(catalog["index"], locales[code])
        translate(catalog["category"], locales[code])
        products[code] = translate(product, locales[code], title=f"Campana {code}")
    return {**catalog, "reviews": indexes, "product": products}


@pytest.fixture
def moderator(django_user_model):
    user = django_user_model.objects.create_user(
        "moderator", "moderator@example.com", "pw", is_staff=True
    )
    group, _ = Group.objects.get_or_create(name="Moderators")
    user.groups.add(group)
    return user


def review_data(**overrides) -> dict:
    data = {
        "rating": "5",
        "title": "Bright and reliable",
        "text": "Forty high bays installed in our warehouse, all working after six months.",
        "product": "",
        "purchase_date": "2025-03-10",
        "reviewer_name": "Ana García",
        "company": "Iluminación Ibérica S.L.",
        "country": "ES",
        "consent": "on",
        "website": "",
        "form_token": str(uuid.uuid4()),
        "invitation": "",
        "captcha": "token",
    }
    data.update(overrides)
    return data


def image_bytes(fmt="JPEG", size=(40, 30)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "#0b4f8a").save(buffer, format=fmt)
    return buffer.getvalue()


def publish_review(index, *, rating=4, product=None, **fields) -> ReviewPage:
    """An approved (published) review, as if a moderator had approved it."""
    values = {
        "title": f"Review {uuid.uuid4().hex[:6]}",
        "text": "Good quality and on-time delivery to Valencia.",
        "reviewer_name": "Jonas Weber",
        "company": "Lichtwerk GmbH",
        "country": "DE",
        **fields,
    }
    review = ReviewPage(rating=rating, product=product, **values)
    review.slug = review.slug or f"review-{uuid.uuid4().hex[:8]}"
    index.add_child(instance=review)
    review.save_revision().publish()
    review.refresh_from_db()
    return review
