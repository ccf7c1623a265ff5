"""Category listing: filters, sorting and pagination without JavaScript; expired certificates."""

import datetime
import json

import pytest
import time_machine

from products.models import CatalogSettings
from tests.helpers import json_ld_objects, links
from tests.products.conftest import add_products

pytestmark = pytest.mark.django_db


def card_urls(html: str) -> list[str]:
    return [a["href"] for a in links(html, **{"class": "product-card__link"})]


def test_category_lists_its_products_sorted_by_name(client, catalog):
    html = client.get(catalog["category"].url).content.decode()

    assert card_urls(html) == [p.url for p in sorted(catalog["products"], key=lambda p: p.title)]
    assert "3 products" in html


def test_filter_by_specification_keeps_state_in_the_url(client, catalog):
    response = client.get(catalog["category"].url, {"spec-material": "Steel"})
    html = response.content.decode()

    assert card_urls(html) == [catalog["products"][1].url]
    assert '<option value="Steel" selected>' in html
    assert "Clear filters" in html


def test_filter_by_certification(client, catalog):
    other = add_products(
        catalog["category"], 1, attributes=catalog["attributes"], certifications=[catalog["fcc"]]
    )[0]

    html = client.get(catalog["category"].url, {"cert": "CE"}).content.decode()

    assert other.url not in card_urls(html)
    assert len(card_urls(html)) == 3
    assert 'name="cert" value="CE" checked' in html


def test_unknown_filter_values_are_ignored_not_errors(client, catalog):
    response = client.get(
        catalog["category"].url,
        {"spec-material": "<script>", "cert": "NOPE", "sort": "evil", "page": "x"},
    )

    assert response.status_code == 200
    assert len(card_urls(response.content.decode())) == 3


def test_pagination_keeps_filters_and_sort(client, catalog):
    settings = CatalogSettings.for_site(catalog["home"].get_site())
    settings.products_per_page = 2
    settings.save()
    add_products(
        catalog["category"], 4, attributes=catalog["attributes"]
    )  # 7 products, 4 in aluminium

    first = client.get(
        catalog["category"].url, {"spec-material": "Aluminium", "sort": "newest"}
    ).content.decode()
    second = client.get(
        catalog["category"].url, {"spec-material": "Aluminium", "sort": "newest", "page": 2}
    ).content.decode()

    assert len(card_urls(first)) == 2 and len(card_urls(second)) == 2
    assert not set(card_urls(first)) & set(card_urls(second))
    assert 'href="?sort=newest&amp;spec-material=Aluminium&amp;page=2"' in first
    assert 'rel="prev"' in second


def test_sort_by_newest(client, catalog):
    newest = add_products(
        catalog["category"], 1, attributes=catalog["attributes"], title="AAA first by name"
    )[0]

    by_name = card_urls(client.get(catalog["category"].url, {"sort": "name"}).content.decode())
    by_date = card_urls(client.get(catalog["category"].url, {"sort": "newest"}).content.decode())

    assert by_name[0] == newest.url
    assert by_date[0] == newest.url
    assert by_date[1:] == [p.url for p in reversed(catalog["products"])]


@time_machine.travel(datetime.date(2024, 6, 15))
def test_certificate_is_valid_until_its_last_day(client, catalog):
    html = client.get(catalog["fcc"].url).content.decode()

    assert "status--valid" in html
    assert "has expired" not in html


@time_machine.travel(datetime.date(2024, 7, 1))
def test_expired_certificate_is_marked_everywhere(client, catalog):
    certificate = client.get(catalog["fcc"].url).content.decode()
    product = client.get(catalog["products"][0].url).content.decode()
    index = client.get(catalog["cert_index"].url).content.decode()

    assert "This certificate has expired" in certificate
    assert "status--valid" not in certificate
    assert '<bdi>FCC</bdi> <span class="cert-badge__status">expired</span>' in product
    assert index.count("status--expired") == 1


@time_machine.travel(datetime.date(2024, 7, 1))
def test_expired_certificate_can_be_hidden(client, catalog):
    settings = CatalogSettings.for_site(catalog["home"].get_site())
    settings.expired_certificates = CatalogSettings.HIDE_EXPIRED
    settings.save()

    product = client.get(catalog["products"][0].url).content.decode()
    index = client.get(catalog["cert_index"].url).content.decode()
    category = client.get(catalog["category"].url).content.decode()

    assert "/certifications/fcc/" not in product
    assert "/certifications/fcc/" not in index
    assert 'value="FCC"' not in category  # not offered as a filter either
    assert "/certifications/ce/" in product


def test_category_breadcrumb_json_ld(client, catalog):
    html = client.get(catalog["category"].url).content.decode()

    breadcrumb = next(obj for obj in json_ld_objects(html) if obj["@type"] == "BreadcrumbList")
    assert [item["name"] for item in breadcrumb["itemListElement"]] == [
        "Home",
        "Products",
        "High bays",
    ]
    assert breadcrumb["itemListElement"][-1]["item"] == "http://localhost/en/products/high-bays/"
    assert [item["position"] for item in breadcrumb["itemListElement"]] == [1, 2, 3]


def test_product_json_ld_without_price_has_no_offers(client, catalog):
    html = client.get(catalog["products"][0].url).content.decode()

    product = next(obj for obj in json_ld_objects(html) if obj["@type"] == "Product")
    assert product["sku"] == catalog["products"][0].sku
    assert product["name"] == catalog["products"][0].title
    assert product["category"] == "High bays"
    assert product["brand"]["@type"] == "Brand"
    assert product["image"][0].startswith("http://testserver/")
    assert "offers" not in product


def test_product_json_ld_with_price_has_offers(client, catalog):
    page = catalog["products"][0]
    page.price_policy, page.price_min, page.price_max, page.price_currency = (
        "range",
        "12.50",
        "18.00",
        "EUR",
    )
    page.save_revision().publish()

    html = client.get(page.url).content.decode()

    product = next(obj for obj in json_ld_objects(html) if obj["@type"] == "Product")
    assert product["offers"] == {
        "@type": "AggregateOffer",
        "priceCurrency": "EUR",
        "availability": "https://schema.org/InStock",
        "url": "http://localhost" + page.url,
        "lowPrice": "12.50",
        "highPrice": "18.00",
    }
    json.dumps(product)  # serialisable as it came


@time_machine.travel(datetime.date(2024, 7, 1))
def test_certificate_filter_matches_only_currently_valid_certificates(client, catalog):
    """FCC expired on 2024-06-30: a product whose only FCC certificate it is is no FCC match."""
    from tests.factories import CertificationPageFactory

    valid_fcc = CertificationPageFactory(
        parent=catalog["cert_index"],
        slug="fcc-2024",
        title="FCC Part 15 (renewed)",
        standard="FCC",
        valid_from=datetime.date(2024, 6, 1),
        valid_until=None,
    )
    not_yet_valid = CertificationPageFactory(
        parent=catalog["cert_index"],
        slug="fcc-2025",
        title="FCC Part 18",
        standard="FCC",
        valid_from=datetime.date(2025, 1, 1),
        valid_until=datetime.date(2030, 1, 1),
    )
    renewed = add_products(
        catalog["category"], 1, attributes=catalog["attributes"], certifications=[valid_fcc]
    )[0]
    future = add_products(
        catalog["category"], 1, attributes=catalog["attributes"], certifications=[not_yet_valid]
    )[0]

    html = client.get(catalog["category"].url, {"cert": "FCC"}).content.decode()

    assert card_urls(html) == [renewed.url]
    assert future.url not in card_urls(html)
    assert 'name="cert" value="FCC" checked' in html


@time_machine.travel(datetime.date(2024, 7, 1))
def test_expired_certificate_is_not_offered_as_a_filter(client, catalog):
    html = client.get(catalog["category"].url).content.decode()

    assert 'value="FCC"' not in html  # every FCC certificate has expired
    assert (
        len(card_urls(client.get(catalog["category"].url, {"cert": "FCC"}).content.decode())) == 3
    )


@time_machine.travel(datetime.date(2024, 6, 30))
def test_certificate_filter_matches_on_the_last_valid_day(client, catalog):
    html = client.get(catalog["category"].url, {"cert": "FCC"}).content.decode()

    assert len(card_urls(html)) == 3
    assert 'name="cert" value="FCC" checked' in html
