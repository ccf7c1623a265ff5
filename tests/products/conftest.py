import datetime

import pytest
import wagtail_factories

from products.models import ProductGalleryImage, ProductSpecification
from tests.conftest import translate
from tests.factories import (
    CertificationIndexPageFactory,
    CertificationPageFactory,
    ProductCategoryPageFactory,
    ProductIndexPageFactory,
    ProductPageFactory,
    SpecificationAttributeFactory,
)


def add_products(category, count, *, attributes, certifications=(), images=(), **fields):
    """Create `count` published products, each with gallery images, specs and certificates."""
    products = []
    for index in range(count):
        product = ProductPageFactory.build(**fields)
        product.gallery_images = [
            ProductGalleryImage(image=image, alt_text=f"{product.title} view {n}")
            for n, image in enumerate(images)
        ]
        product.specifications = [
            ProductSpecification(
                attribute=attributes["material"], value="Aluminium" if index % 2 == 0 else "Steel"
            ),
            ProductSpecification(attribute=attributes["voltage"], value="100-277", unit="V AC"),
            ProductSpecification(attribute=attributes["power"], value=str(50 + index), unit="W"),
        ]
        product.certifications = list(certifications)
        category.add_child(instance=product)
        product.save_revision().publish()
        products.append(product)
    return products


@pytest.fixture
def attributes(locales):
    return {
        "material": SpecificationAttributeFactory(
            name="Housing material", key="material", locale=locales["en"]
        ),
        "voltage": SpecificationAttributeFactory(
            name="Input voltage", key="voltage", locale=locales["en"]
        ),
        "power": SpecificationAttributeFactory(
            name="Power", key="power", filterable=False, locale=locales["en"]
        ),
    }


@pytest.fixture
def images(db):
    return [wagtail_factories.ImageFactory(title=f"Picture {n}") for n in range(2)]


@pytest.fixture
def catalog(site_tree, attributes, images):
    """Home > Products > High bays (3 products) and Home > Certifications (CE valid, FCC expired)."""
    home = site_tree["home"]["en"]
    cert_index = CertificationIndexPageFactory(parent=home, slug="certifications")
    ce = CertificationPageFactory(
        parent=cert_index,
        slug="ce",
        title="CE marking",
        standard="CE",
        valid_until=datetime.date(2030, 1, 1),
    )
    fcc = CertificationPageFactory(
        parent=cert_index,
        slug="fcc",
        title="FCC Part 15",
        standard="FCC",
        valid_from=datetime.date(2021, 7, 1),
        valid_until=datetime.date(2024, 6, 30),
    )
    index = ProductIndexPageFactory(parent=home, slug="products")
    category = ProductCategoryPageFactory(parent=index, slug="high-bays", title="High bays")
    products = add_products(
        category, 3, attributes=attributes, certifications=[ce, fcc], images=images
    )
    return {
        "home": home,
        "cert_index": cert_index,
        "ce": ce,
        "fcc": fcc,
        "index": index,
        "category": category,
        "products": products,
        "attributes": attributes,
        "images": images,
    }


@pytest.fixture
def translated_catalog(catalog, locales):
    """The catalog translated into Spanish and Arabic (by hand, as an editor would)."""
    pages = {"en": catalog}
    for code, words in {
        "es": ("Productos", "Campanas", "Certificaciones"),
        "ar": ("المنتجات", "كشافات", "الشهادات"),
    }.items():
        locale = locales[code]
        cert_index = translate(catalog["cert_index"], locale, title=words[2])
        ce = translate(catalog["ce"], locale)
        index = translate(catalog["index"], locale, title=words[0])
        category = translate(catalog["category"], locale, title=words[1])
        product = translate(catalog["products"][0], locale)
        pages[code] = {
            "cert_index": cert_index,
            "ce": ce,
            "index": index,
            "category": category,
            "product": product,
        }
    return pages
