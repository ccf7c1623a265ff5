"""The seeded demo: blog posts and FAQ topics in en/es/ar, linked to the catalog.

One module for both apps: the demo is seeded once per module and seeding is slow.
"""

import pytest

from blog.models import BlogIndexPage, BlogPage
from faq.models import FAQItem, FAQPage
from products.models import ProductPage
from tests.helpers import json_ld_objects

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _demo(demo_site):
    pass


@pytest.mark.parametrize("language", ["en", "es", "ar"])
def test_demo_blog_has_six_posts_per_language(client, language):
    index = BlogIndexPage.objects.live().get(locale__language_code=language)
    posts = BlogPage.objects.live().child_of(index)

    assert posts.count() == 6
    html = client.get(index.url).content.decode()
    assert html.count('class="post-card"') == 6
    assert client.get(f"{index.url}feed/rss/").status_code == 200


def test_demo_posts_are_really_translated(client):
    spanish = BlogPage.objects.live().filter(locale__language_code="es").order_by("-date").first()
    html = client.get(spanish.url).content.decode()

    assert spanish.title == "Cómo elegir campanas LED para un almacén"
    assert spanish.url == "/es/blog/elegir-campanas-led-para-almacenes/"
    assert "Iluminancia media recomendada (EN 12464-1)" in html  # a translated table caption
    posting = next(o for o in json_ld_objects(html) if o["@type"] == "BlogPosting")
    assert posting["author"]["name"] == "Mei Chen"


def test_demo_home_page_shows_the_latest_posts(client):
    html = client.get("/ar/").content.decode()

    assert 'id="latest-posts-heading"' in html
    assert "كيف تختار كشافات LED العلوية للمستودع" in html


@pytest.mark.parametrize("language", ["en", "es", "ar"])
def test_demo_faq_has_thirty_questions_per_language(language):
    topics = FAQPage.objects.live().filter(locale__language_code=language)

    assert topics.count() == 6
    assert FAQItem.objects.filter(page__in=topics).count() == 30


def test_demo_product_page_answers_its_questions_in_arabic(client):
    product = ProductPage.objects.get(sku="LM-HB-100", locale__language_code="ar")

    html = client.get(product.url).content.decode()

    assert "هل يمكنني طلب عينة قبل الطلب الكبير؟" in html
    assert "#can-i-order-a-sample-before-a-bulk-order" in html
