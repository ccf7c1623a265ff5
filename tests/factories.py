"""Page-tree factories shared by the test modules."""

import datetime

import factory
import wagtail_factories

from enquiries.models import EnquiryPage
from home.models import HomePage, StandardPage
from products.models import (
    CertificationIndexPage,
    CertificationPage,
    ProductCategoryPage,
    ProductIndexPage,
    ProductPage,
    SpecificationAttribute,
)


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Home"
    slug = factory.Sequence(lambda n: f"home-{n}")
    hero_heading = "LED lighting made in Ningbo"
    hero_text = "Factory-direct LED lighting."

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Page {n}")
    slug = factory.Sequence(lambda n: f"page-{n}")
    intro = "An introduction."
    show_in_menus = True

    class Meta:
        model = StandardPage


class ProductIndexPageFactory(wagtail_factories.PageFactory):
    title = "Products"
    slug = factory.Sequence(lambda n: f"products-{n}")

    class Meta:
        model = ProductIndexPage


class ProductCategoryPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.Sequence(lambda n: f"category-{n}")

    class Meta:
        model = ProductCategoryPage


class ProductPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"LED high bay {n:03d}")
    slug = factory.Sequence(lambda n: f"product-{n}")
    sku = factory.Sequence(lambda n: f"LM-T-{n:04d}")
    summary = "A robust LED high bay for warehouses."
    moq = 50
    incoterms = factory.LazyFunction(lambda: ["FOB", "CIF"])

    class Meta:
        model = ProductPage


class CertificationIndexPageFactory(wagtail_factories.PageFactory):
    title = "Certifications"
    slug = factory.Sequence(lambda n: f"certifications-{n}")

    class Meta:
        model = CertificationIndexPage


class CertificationPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Certificate {n}")
    slug = factory.Sequence(lambda n: f"certificate-{n}")
    standard = "CE"
    certificate_number = factory.Sequence(lambda n: f"CE-{n:05d}")
    issuer = "TÜV Rheinland"
    valid_from = datetime.date(2025, 1, 1)
    valid_until = datetime.date(2027, 1, 1)

    class Meta:
        model = CertificationPage


class SpecificationAttributeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Attribute {n}")
    key = factory.Sequence(lambda n: f"attribute-{n}")
    filterable = True

    class Meta:
        model = SpecificationAttribute


class EnquiryPageFactory(wagtail_factories.PageFactory):
    title = "Request a quote"
    slug = factory.Sequence(lambda n: f"request-a-quote-{n}")
    intro = "<p>Tell us what you need.</p>"
    thank_you_text = "<p>Thanks, we answer within one business day.</p>"

    class Meta:
        model = EnquiryPage
