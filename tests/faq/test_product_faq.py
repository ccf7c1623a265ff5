"""Questions an editor attaches to a product show on its page, in its language, cheaply."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import translate
from tests.factories import (
    ProductCategoryPageFactory,
    ProductIndexPageFactory,
    ProductPageFactory,
)
from tests.faq.factories import add_topic, faq_items

pytestmark = pytest.mark.django_db


@pytest.fixture
def products(faq, locales):
    home = faq["en"]["index"].get_parent()
    index = ProductIndexPageFactory(parent=home, slug="products")
    category = ProductCategoryPageFactory(parent=index, slug="panels")
    plain = ProductPageFactory(parent=category, slug="panel-a", sku="LM-P-0001")
    other = ProductPageFactory(parent=category, slug="panel-b", sku="LM-P-0002")
    return {"index": index, "category": category, "plain": plain, "other": other}


def attach(faq, product, count, slug):
    return add_topic(
        faq["en"]["index"],
        title=f"About {slug}",
        slug=slug,
        items=faq_items(
            *((f"Question {n} on {slug}?", f"<p>Answer {n}.</p>") for n in range(count)),
            products=[product],
        ),
    )


def test_product_page_shows_its_attached_questions(client, faq, products):
    topic = attach(faq, products["plain"], 2, "panel-questions")

    html = client.get(products["plain"].url).content.decode()
    other = client.get(products["other"].url).content.decode()

    section = html.split('aria-labelledby="product-faq-heading"')[1].split("</section>")[0]
    assert "<summary>Question 0 on panel-questions?</summary>" in section
    assert "<p>Answer 1.</p>" in section
    assert f'href="{topic.url}#question-0-on-panel-questions"' in section
    assert "product-faq-heading" not in other


def test_translated_product_shows_the_translated_questions(client, faq, products, locales):
    topic = attach(faq, products["plain"], 1, "panel-questions")
    topic_es = translate(topic, locales["es"], title="Sobre paneles")
    item_es = topic_es.items.get()
    item_es.question = "¿Pregunta en español?"
    item_es.save()
    translate(products["index"], locales["es"])
    translate(products["category"], locales["es"])
    product_es = translate(products["plain"], locales["es"])

    # Translations copy the links to the English product as they are.
    assert list(item_es.products.all()) == [products["plain"]]
    html = client.get(product_es.url).content.decode()
    assert "¿Pregunta en español?" in html
    assert "Question 0 on panel-questions?" not in html
    assert f"{topic_es.url}#question-0-on-panel-questions" in html


def test_questions_of_unpublished_topics_are_hidden(client, faq, products):
    topic = attach(faq, products["plain"], 1, "panel-questions")
    topic.unpublish()

    assert "product-faq-heading" not in client.get(products["plain"].url).content.decode()


def queries_for(client, url) -> int:
    client.get(url)  # warm-up
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_product_page_queries_do_not_grow_with_attached_questions(client, faq, products):
    attach(faq, products["plain"], 1, "one-question")
    attach(faq, products["other"], 5, "five-questions")

    few = queries_for(client, products["plain"].url)
    many = queries_for(client, products["other"].url)

    assert "Question 4 on five-questions?" in client.get(products["other"].url).content.decode()
    assert many == few
