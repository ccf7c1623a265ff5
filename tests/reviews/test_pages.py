"""Review pages: type rules, the reviews page in en/es/ar, the language label, replies."""

import pytest
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from reviews.models import ReviewIndexPage, ReviewPage
from tests.conftest import translate
from tests.helpers import json_ld_objects, parse_html
from tests.reviews.conftest import publish_review

pytestmark = pytest.mark.django_db


class TestReviewPageTypes(WagtailPageTestCase):
    def test_review_index_goes_under_home_and_holds_reviews_only(self):
        self.assertAllowedParentPageTypes(ReviewIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ReviewIndexPage, {ReviewPage})
        self.assertAllowedParentPageTypes(ReviewPage, {ReviewIndexPage})
        self.assertAllowedSubpageTypes(ReviewPage, set())


def review_elements(content):
    return [
        attrs
        for tag, attrs in parse_html(content).elements
        if tag == "article" and "review" in (attrs.get("class") or "").split()
    ]


def test_reviews_page_lists_approved_reviews_newest_first_with_average(client, reviews_site):
    index = reviews_site["reviews"]["en"]
    older = publish_review(index, rating=3, title="Decent floodlights")
    newer = publish_review(
        index,
        rating=5,
        title="Excellent high bays",
        product=reviews_site["products"][0],
        supplier_reply="Thank you, Jonas! See you at the next project.",
    )

    response = client.get("/en/reviews/")

    assert response.status_code == 200
    html = response.content.decode()
    assert html.index("Excellent high bays") < html.index("Decent floodlights")
    assert "4 out of 5, from 2 reviews" in html
    assert "Reply from the supplier" in html
    assert "See you at the next project." in html
    assert [a["id"] for a in review_elements(response.content)] == [
        f"review-{newer.pk}",
        f"review-{older.pk}",
    ]
    # Ratings are product data only: no AggregateRating on the organisation's pages.
    assert "AggregateRating" not in str(json_ld_objects(response.content))


def test_reviews_page_paginates(client, reviews_site, settings):
    settings.REVIEWS_PER_PAGE = 2
    index = reviews_site["reviews"]["en"]
    for n in range(5):
        publish_review(index, title=f"Review number {n}")
    first = client.get("/en/reviews/").content.decode()
    last = client.get("/en/reviews/", {"page": 3}).content.decode()
    assert "Review number 4" in first and "Review number 0" not in first
    assert "Review number 0" in last
    assert client.get("/en/reviews/", {"page": "x"}).status_code == 200


@pytest.mark.parametrize(
    ("code", "heading"), [("en", "Reviews"), ("es", "Opiniones"), ("ar", "آراء العملاء")]
)
def test_reviews_page_renders_in_each_language(client, reviews_site, code, heading):
    review = publish_review(reviews_site["reviews"][code], rating=4, title=f"Title {code}")

    response = client.get(reviews_site["reviews"][code].url)

    assert response.status_code == 200
    html = response.content.decode()
    assert heading in html
    assert f"Title {code}" in html
    (element,) = review_elements(response.content)
    assert element["lang"] == code
    assert element["dir"] == ("rtl" if code == "ar" else "ltr")
    assert review.url  # the review has its own page once approved
    assert client.get(review.url).status_code == 200


def test_reviews_page_shows_every_language_labelled_with_it(client, reviews_site):
    spanish = publish_review(reviews_site["reviews"]["es"], title="Muy buena calidad")
    english = publish_review(reviews_site["reviews"]["en"], title="Very good quality")

    response = client.get("/en/reviews/")
    html = response.content.decode()
    assert [(a["id"], a["lang"]) for a in review_elements(response.content)] == [
        (f"review-{english.pk}", "en"),
        (f"review-{spanish.pk}", "es"),
    ]
    assert "Review in Spanish" in html and "Review in English" not in html
    assert "2 reviews" in html


def test_translators_can_translate_a_review_like_any_page(client, reviews_site, locales):
    product = reviews_site["product"]
    review = publish_review(
        reviews_site["reviews"]["en"], title="Great service", rating=5, product=product["en"]
    )
    translated = translate(review, locales["es"], title="Gran servicio", text="Muy recomendable.")
    assert translated.translation_key == review.translation_key
    html = client.get(reviews_site["reviews"]["es"].url).content.decode()
    assert "Gran servicio" in html and "Great service" not in html
    assert "1 review" in client.get("/en/reviews/").content.decode()
    # Counted once on the product pages too, whichever language they are read in.
    for code in ("en", "es", "ar"):
        html = client.get(product[code].url).content.decode()
        assert html.count('class="review"') == 1, code
    assert "Gran servicio" in client.get(product["es"].url).content.decode()
    assert "Great service" in client.get(product["ar"].url).content.decode()


def test_unpublished_review_is_not_shown(client, reviews_site):
    index = reviews_site["reviews"]["en"]
    review = publish_review(index, title="Soon to be hidden")
    review.unpublish()
    assert "Soon to be hidden" not in client.get("/en/reviews/").content.decode()
    assert client.get(f"/en/reviews/{review.slug}/").status_code == 404


def test_supplier_reply_gets_todays_date_when_staff_leave_it_empty(reviews_site):
    review = publish_review(reviews_site["reviews"]["en"])
    review.supplier_reply = "Thank you for your order!"
    review.full_clean()
    assert review.supplier_reply_date is not None


def test_reviews_page_links_the_product_in_the_readers_language(client, reviews_site):
    product = reviews_site["product"]
    publish_review(reviews_site["reviews"]["es"], title="Muy buena", product=product["es"])

    english = client.get("/en/reviews/").content.decode()
    arabic = client.get(reviews_site["reviews"]["ar"].url).content.decode()

    assert f'href="{product["en"].url}"' in english
    assert f'href="{product["ar"].url}"' in arabic
