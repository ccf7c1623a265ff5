"""Catalog page types: tree rules, rendering in three languages, product details."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from products.models import (
    CertificationIndexPage,
    CertificationPage,
    ProductCategoryPage,
    ProductIndexPage,
    ProductPage,
)
from tests.helpers import html_attrs

pytestmark = pytest.mark.django_db


class TestCatalogPageTypeRules(WagtailPageTestCase):
    def test_catalog_tree(self):
        self.assertAllowedParentPageTypes(ProductIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ProductIndexPage, {ProductCategoryPage})
        self.assertAllowedParentPageTypes(
            ProductCategoryPage, {ProductIndexPage, ProductCategoryPage}
        )
        self.assertAllowedSubpageTypes(ProductCategoryPage, {ProductCategoryPage, ProductPage})
        self.assertAllowedParentPageTypes(ProductPage, {ProductCategoryPage})
        self.assertAllowedSubpageTypes(ProductPage, set())

    def test_certification_tree(self):
        self.assertAllowedParentPageTypes(CertificationIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(CertificationIndexPage, {CertificationPage})
        self.assertAllowedSubpageTypes(CertificationPage, set())


@pytest.mark.parametrize(("language", "direction"), [("en", "ltr"), ("es", "ltr"), ("ar", "rtl")])
@pytest.mark.parametrize("page_name", ["index", "category", "product", "cert_index", "ce"])
def test_every_catalog_page_type_renders_in_each_language(
    client, translated_catalog, language, direction, page_name
):
    pages = translated_catalog[language]
    page = pages["products"][0] if page_name == "product" and language == "en" else pages[page_name]

    response = client.get(page.url)

    assert response.status_code == 200, page.url
    assert html_attrs(response.content, "html") == {"lang": language, "dir": direction}
    assert f"<h1>{page.title}</h1>" in response.content.decode()


def test_product_page_shows_trade_terms_specs_and_badges(client, catalog):
    product = catalog["products"][0]
    product.moq = 200
    product.moq_unit = "pieces"
    product.lead_time_min_days, product.lead_time_max_days = 15, 25
    product.port_of_loading = "Ningbo, China"
    product.hs_code = "9405.42"
    product.price_policy = ProductPage.PRICE_RANGE
    product.price_min, product.price_max, product.price_currency = "12.50", "18.00", "USD"
    product.samples_available, product.sample_deposit = True, "45.00"
    product.save_revision().publish()

    html = client.get(product.url).content.decode()

    assert product.sku in html
    assert "200 pieces" in html
    assert "15–25" in html
    assert "Ningbo, China" in html
    assert ">FOB<" in html and ">CIF<" in html
    assert "9405.42" in html
    # CLDR money and range (thin spaces around the dash): see tests/home/test_formats.py
    assert "$12.50\u2009–\u2009$18.00 / piece" in html
    assert "Available, deposit $45.00" in html
    assert '<th scope="row">Housing material</th><td><bdi>Aluminium</bdi></td>' in html
    assert '<th scope="row">Input voltage</th><td><bdi>100-277 V AC</bdi></td>' in html
    assert 'href="/en/certifications/ce/"' in html
    assert 'id="request-quote"' in html


def test_gallery_uses_webp_srcset_and_lazy_loads_below_the_fold(client, catalog):
    html = client.get(catalog["products"][0].url).content.decode()

    assert html.count('class="gallery__item"') == 2
    assert "format-webp" in html and "srcset=" in html
    first, second = html.split('class="gallery__item"')[1:3]
    assert 'loading="lazy"' not in first
    assert 'loading="lazy"' in second
    assert 'alt="LED high bay' in first


def test_sku_is_unique_within_a_language(catalog):
    duplicate = ProductPage(
        title="Copy", slug="copy", sku=catalog["products"][0].sku.lower(), summary="x"
    )
    duplicate.locale = catalog["products"][0].locale

    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()

    assert "sku" in error.value.message_dict


def test_translation_may_share_the_sku_of_its_source(translated_catalog):
    spanish = translated_catalog["es"]["product"]
    spanish.full_clean()  # no "SKU already used" error: it is the same product
    assert spanish.sku == translated_catalog["en"]["products"][0].sku


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"lead_time_min_days": 30, "lead_time_max_days": 10}, "lead_time_max_days"),
        ({"price_policy": ProductPage.PRICE_RANGE, "price_min": None}, "price_min"),
        ({"price_policy": ProductPage.PRICE_RANGE, "price_min": 10, "price_max": 5}, "price_max"),
        ({"samples_available": True, "sample_deposit": None}, "sample_deposit"),
        ({"incoterms": ["FOB", "XYZ"]}, "incoterms"),
    ],
)
def test_product_validation_messages(catalog, changes, field):
    product = catalog["products"][0]
    for name, value in changes.items():
        setattr(product, name, value)

    with pytest.raises(ValidationError) as error:
        product.full_clean()

    assert field in error.value.message_dict


def test_certification_page_lists_its_products_in_its_language(client, translated_catalog):
    english = client.get(translated_catalog["en"]["ce"].url).content.decode()
    spanish = client.get(translated_catalog["es"]["ce"].url).content.decode()

    for product in translated_catalog["en"]["products"]:
        assert product.url in english
    assert translated_catalog["es"]["product"].url in spanish
    assert translated_catalog["en"]["products"][0].url not in spanish


def test_home_page_features_products_and_valid_certifications(client, catalog):
    featured = catalog["products"][1]
    featured.featured = True
    featured.save_revision().publish()

    html = client.get("/en/").content.decode()

    assert featured.url in html
    assert catalog["products"][0].url not in html
    certificate_strip = html.split('<ul class="cert-strip">')[1].split("</ul>")[0]
    assert 'href="/en/certifications/ce/"' in certificate_strip
    assert "/en/certifications/fcc/" not in certificate_strip  # expired: not offered as proof
