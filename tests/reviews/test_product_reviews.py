"""Reviews on product pages: every language's reviews of the product, and constant queries."""

import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reviews.models import ReviewPhoto
from tests.helpers import json_ld_objects, parse_html
from tests.reviews.conftest import publish_review

pytestmark = pytest.mark.django_db


def review_langs(content) -> list[str]:
    return [
        attrs["lang"]
        for tag, attrs in parse_html(content).elements
        if tag == "article" and "review" in (attrs.get("class") or "").split()
    ]


def test_product_page_shows_reviews_of_every_translation_labelled_by_language(client, reviews_site):
    product = reviews_site["product"]
    publish_review(reviews_site["reviews"]["en"], rating=5, product=product["en"], title="Great")
    publish_review(
        reviews_site["reviews"]["es"],
        rating=4,
        product=product["es"],
        title="Muy buena",
        text="Buena luz y entrega puntual en Valencia, volveremos a comprar.",
    )
    publish_review(
        reviews_site["reviews"]["ar"],
        rating=3,
        product=product["ar"],
        title="جيد جدا",
        text="إضاءة ممتازة وتسليم في الموعد إلى جبل علي.",
    )
    # A review of another product and one of the supplier don't count here.
    publish_review(reviews_site["reviews"]["en"], rating=1, product=reviews_site["products"][1])
    publish_review(reviews_site["reviews"]["en"], rating=1)

    response = client.get(product["en"].url)
    html = response.content.decode()
    assert sorted(review_langs(response.content)) == ["ar", "en", "es"]
    assert "Review in Spanish" in html and "Review in Arabic" in html
    assert "Review in English" not in html
    assert "4 out of 5, from 3 reviews" in html
    (data,) = [o for o in json_ld_objects(response.content) if o["@type"] == "Product"]
    assert data["aggregateRating"]["reviewCount"] == 3
    assert data["aggregateRating"]["ratingValue"] == "4.0"
    assert {r["inLanguage"] for r in data["review"]} == {"en", "es", "ar"}
    # Never on the organisation.
    others = [o for o in json_ld_objects(response.content) if o["@type"] != "Product"]
    assert "aggregateRating" not in str(others) and '"Review"' not in str(others)

    spanish = client.get(product["es"].url)
    assert sorted(review_langs(spanish.content)) == ["ar", "en", "es"]
    arabic = client.get(product["ar"].url)
    assert sorted(review_langs(arabic.content)) == ["ar", "en", "es"]


def test_product_without_reviews_invites_one(client, reviews_site):
    product = reviews_site["products"][2]
    response = client.get(product.url)
    html = response.content.decode()
    assert "No reviews of this product yet." in html
    assert f"/en/reviews/write/?product={product.pk}" in html
    (data,) = [o for o in json_ld_objects(response.content) if o["@type"] == "Product"]
    assert "aggregateRating" not in data and "review" not in data


def queries_for(client, url) -> int:
    client.get(url)  # warm-up: renditions are created once
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_product_page_queries_do_not_grow_with_reviews(client, reviews_site):
    index = reviews_site["reviews"]["en"]
    one, ten = reviews_site["products"][1], reviews_site["products"][2]
    images = [wagtail_factories.ImageFactory() for _ in range(3)]

    def review_with_photos(product, n):
        review = publish_review(
            index,
            product=product,
            rating=1 + n % 5,
            supplier_reply="Thank you!" if n % 2 else "",
            verified_buyer=bool(n % 3),
        )
        for position, image in enumerate(images[: 1 + n % 3]):
            ReviewPhoto.objects.create(
                page=review, image=image, alt_text="Installed lights", sort_order=position
            )

    review_with_photos(one, 0)
    for n in range(10):
        review_with_photos(ten, n)
    publish_review(reviews_site["reviews"]["es"], product=reviews_site["product"]["es"])

    assert queries_for(client, ten.url) == queries_for(client, one.url)
    html = client.get(ten.url).content.decode()
    assert html.count('class="review"') == 10
