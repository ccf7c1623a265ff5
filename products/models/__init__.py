"""Catalog and certification models, split by concern; import them from here."""

from .certifications import CertificationIndexPage, CertificationPage
from .fields import CURRENCY_CHOICES, INCOTERM_CHOICES, MultipleChoiceJSONField
from .products import (
    ProductCategoryPage,
    ProductGalleryImage,
    ProductIndexPage,
    ProductPage,
    ProductSpecification,
)
from .settings import CatalogSettings
from .snippets import SpecificationAttribute

__all__ = [
    "CURRENCY_CHOICES",
    "INCOTERM_CHOICES",
    "CatalogSettings",
    "CertificationIndexPage",
    "CertificationPage",
    "MultipleChoiceJSONField",
    "ProductCategoryPage",
    "ProductGalleryImage",
    "ProductIndexPage",
    "ProductPage",
    "ProductSpecification",
    "SpecificationAttribute",
]
