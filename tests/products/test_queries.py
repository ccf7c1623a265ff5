"""Query counts must not grow with the number of products, images or certificates shown."""

import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import CertificationPageFactory, ProductCategoryPageFactory
from tests.products.conftest import add_products

pytestmark = pytest.mark.django_db


def queries_for(client, url, **params) -> int:
    client.get(url, params)  # warm-up: renditions and caches are created once
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(captured.captured_queries)


def make_category(catalog, slug, count, *, images, certifications):
    category = ProductCategoryPageFactory(parent=catalog["index"], slug=slug)
    add_products(
        category,
        count,
        attributes=catalog["attributes"],
        images=images,
        certifications=certifications,
    )
    return category


def test_category_page_queries_do_not_grow_with_products(client, catalog):
    small = make_category(
        catalog, "small", 5, images=catalog["images"][:1], certifications=[catalog["ce"]]
    )
    extra_certs = [CertificationPageFactory(parent=catalog["cert_index"]) for _ in range(4)]
    extra_images = [wagtail_factories.ImageFactory() for _ in range(3)]
    large = make_category(
        catalog,
        "large",
        100,
        images=catalog["images"] + extra_images,
        certifications=[catalog["ce"], *extra_certs],
    )

    assert queries_for(client, large.url) == queries_for(client, small.url)
    assert queries_for(client, large.url, page=5, sort="newest") == queries_for(
        client, small.url, sort="newest"
    )
    assert queries_for(client, large.url, **{"spec-material": "Steel"}) == queries_for(
        client, small.url, **{"spec-material": "Steel"}
    )


def test_product_page_queries_do_not_grow_with_images_certificates_or_related(client, catalog):
    plain = catalog["products"][0]
    extra_certs = [CertificationPageFactory(parent=catalog["cert_index"]) for _ in range(5)]
    rich = add_products(
        catalog["category"],
        1,
        attributes=catalog["attributes"],
        images=[*catalog["images"], *(wagtail_factories.ImageFactory() for _ in range(6))],
        certifications=[catalog["ce"], catalog["fcc"], *extra_certs],
    )[0]
    others = add_products(
        catalog["category"], 8, attributes=catalog["attributes"], images=catalog["images"]
    )
    plain.related_products = [others[0]]
    plain.save_revision().publish()
    rich.related_products = others
    rich.save_revision().publish()

    assert queries_for(client, rich.url) == queries_for(client, plain.url)


def test_search_page_queries_do_not_grow_with_hits(client, catalog):
    from django.core.management import call_command

    make_category(
        catalog,
        "many",
        30,
        images=catalog["images"],
        certifications=[catalog["ce"], catalog["fcc"]],
    )
    call_command("update_index", verbosity=0)

    few = queries_for(client, "/en/search/", q=catalog["products"][0].sku)
    many = queries_for(client, "/en/search/", q="LED high bay")

    assert many == few
