"""Site search on PostgreSQL full-text: products first, SKU lookups, one language at a time."""

import pytest
from django.core.management import call_command

from tests.helpers import links

pytestmark = pytest.mark.django_db


@pytest.fixture
def indexed(translated_catalog):
    call_command("update_index", verbosity=0)
    return translated_catalog


def result_urls(html: str) -> list[str]:
    return [
        a["href"]
        for a in links(html)
        if a.get("href", "").startswith("/") and "search" not in a["href"]
    ]


def test_search_uses_postgres_full_text(settings):
    from wagtail.search.backends import get_search_backend

    # Wagtail's database backend, in its PostgreSQL full-text flavour.
    assert type(get_search_backend()).__name__ == "PostgresSearchBackend"


def test_search_by_sku_puts_the_product_first(client, indexed):
    product = indexed["en"]["products"][1]

    html = client.get("/en/search/", {"q": product.sku}).content.decode()

    cards = [a["href"] for a in links(html, **{"class": "product-card__link"})]
    assert cards[0] == product.url


def test_search_by_name_finds_products_before_pages(client, indexed):
    html = client.get("/en/search/", {"q": "high bays"}).content.decode()

    cards = [a["href"] for a in links(html, **{"class": "product-card__link"})]
    assert set(cards) == {p.url for p in indexed["en"]["products"]}
    # The "High bays" category page matches too, and comes after every product.
    assert '<a href="/en/products/high-bays/">High bays</a>' in html
    assert html.rindex('class="search-results__product"') < html.index(
        'class="search-results__page"'
    )


def test_search_finds_other_pages_too(client, indexed):
    html = client.get("/en/search/", {"q": "certifications"}).content.decode()

    assert '<a href="/en/certifications/">Certifications</a>' in html


def test_results_stay_in_the_visitors_language(client, indexed):
    spanish = client.get("/es/search/", {"q": indexed["en"]["products"][0].sku}).content.decode()

    cards = [a["href"] for a in links(spanish, **{"class": "product-card__link"})]
    assert cards == [indexed["es"]["product"].url]


@pytest.mark.parametrize(
    "query", ["", "   ", "x" * 500, "' OR 1=1 --", "<script>alert(1)</script>", "&&&|||!!!"]
)
def test_odd_queries_never_break_the_page(client, indexed, query):
    response = client.get("/en/search/", {"q": query})

    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_empty_search_shows_the_form_only(client, indexed):
    html = client.get("/en/search/").content.decode()

    assert 'name="q"' in html
    assert "result" not in html.split("</form>")[-1].split("<footer")[0]
