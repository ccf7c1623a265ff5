"""The Promote tab's preview image (wagtail-seo's og_image) is the one product pages share."""

import re

import pytest
import wagtail_factories

from tests.products.conftest import attributes, catalog, images  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db


def meta(html: str, attribute: str, name: str) -> str:
    match = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)"', html)
    assert match, name
    return match.group(1)


def test_the_promote_tab_image_wins_over_the_product_photo(client, catalog):  # noqa: F811
    product = catalog["products"][0]
    chosen = wagtail_factories.ImageFactory(title="Trade fair stand")
    product.og_image = chosen
    product.save_revision().publish()

    html = client.get(product.url).content.decode()

    expected = chosen.get_rendition("original").url
    assert meta(html, "property", "og:image").endswith(expected)
    assert meta(html, "name", "twitter:image").endswith(expected)


def test_without_a_chosen_image_the_product_photo_is_shared(client, catalog):  # noqa: F811
    product = catalog["products"][0]

    html = client.get(product.url).content.decode()

    photo = product.main_image.image.get_rendition("original").url
    assert meta(html, "property", "og:image").endswith(photo)
