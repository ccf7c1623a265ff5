"""Catalog queries for page views: filters, facets, certificate badges.

Every function here runs a fixed number of queries whatever the number of
products, images or certifications listed (see tests/products/test_queries.py).
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .models import (
    CatalogSettings,
    CertificationPage,
    ProductPage,
    ProductSpecification,
)

SORTS = {"name": ("title",), "newest": ("-first_published_at", "title")}
SORT_LABELS = {"name": pgettext_lazy("sort products by", "Name"), "newest": _("Newest")}
SPEC_PARAM_PREFIX = "spec-"


@dataclass
class CertificationBadge:
    label: str
    url: str | None
    expired: bool
    valid_until: object


def _catalog_settings(request) -> CatalogSettings:
    return CatalogSettings.for_request(request)


def visible_certifications(certifications, request):
    """Certification pages to show: expired ones hidden or kept (to be marked), per settings."""
    certifications = list(certifications)
    if _catalog_settings(request).hide_expired:
        today = timezone.localdate()
        return [cert for cert in certifications if not cert.is_expired(today)]
    return certifications


def valid_certifications(today=None):
    """Certification pages in force today: a filter is a promise the certificate holds now."""
    today = today or timezone.localdate()
    return CertificationPage.objects.filter(valid_from__lte=today).filter(
        Q(valid_until__isnull=True) | Q(valid_until__gte=today)
    )


def attach_certification_badges(products, locale, request) -> None:
    """Give each product `.badges`: its certifications in the page's language.

    Products point at certification pages of any language (translations copy the
    relation as it is); one query maps them to the live pages of `locale`.
    """
    products = list(products)
    keys = {cert.translation_key for product in products for cert in product.certifications.all()}
    localized = {
        cert.translation_key: cert
        for cert in CertificationPage.objects.live().filter(locale=locale, translation_key__in=keys)
    }
    hide_expired = _catalog_settings(request).hide_expired
    today = timezone.localdate()
    for product in products:
        badges = []
        for cert in product.certifications.all():
            shown = localized.get(cert.translation_key, cert)
            expired = shown.is_expired(today)
            if expired and hide_expired:
                continue
            badges.append(
                CertificationBadge(
                    label=shown.standard_label,
                    url=shown.get_url(request) if shown.live else None,
                    expired=expired,
                    valid_until=shown.valid_until,
                )
            )
        product.badges = sorted(badges, key=lambda badge: badge.label)


def category_listing(category, request) -> dict:
    products = (
        ProductPage.objects.live().descendant_of(category).filter(locale_id=category.locale_id)
    )
    facets = _facets(products, category, request)

    selected_certs = [code for code in request.GET.getlist("cert") if code in facets["cert_codes"]]
    if selected_certs:
        cert_keys = (
            valid_certifications().filter(standard__in=selected_certs).values("translation_key")
        )
        products = products.filter(certifications__translation_key__in=cert_keys)
    selected_specs = {}
    for attribute in facets["attributes"]:
        value = request.GET.get(SPEC_PARAM_PREFIX + attribute["key"], "").strip()
        if value and value in attribute["values"]:
            selected_specs[attribute["key"]] = value
            products = products.filter(
                specifications__attribute__key=attribute["key"], specifications__value=value
            )

    sort = request.GET.get("sort") if request.GET.get("sort") in SORTS else "name"
    products = (
        products.distinct().order_by(*SORTS[sort]).prefetch_related(*ProductPage.card_prefetches())
    )

    paginator = Paginator(products, _catalog_settings(request).products_per_page)
    # get_page: a bad number gives the first page, one past the end the last.
    page_obj = paginator.get_page(request.GET.get("page"))
    attach_certification_badges(page_obj.object_list, category.locale, request)

    state = {"sort": sort, "cert": selected_certs}
    state.update({SPEC_PARAM_PREFIX + key: value for key, value in selected_specs.items()})
    return {
        "products": page_obj,
        "paginator": paginator,
        "subcategories": category.get_children().live().type(category.__class__).specific(),
        "facets": facets,
        "selected_certs": selected_certs,
        "selected_specs": selected_specs,
        "sort": sort,
        "sort_options": SORT_LABELS,
        "filter_query": _query_string(state, exclude=("page",)),
        "is_filtered": bool(selected_certs or selected_specs),
    }


def _query_string(state: dict, exclude=()) -> str:
    pairs = []
    for key, value in state.items():
        if key in exclude or not value:
            continue
        for item in value if isinstance(value, list) else [value]:
            pairs.append((key, item))
    return urlencode(pairs)


def _facets(products, category, request) -> dict:
    rows = (
        ProductSpecification.objects.filter(product__in=products, attribute__filterable=True)
        .values_list("attribute__key", "attribute__name", "attribute__sort_order", "value")
        .distinct()
    )
    attributes: dict[str, dict] = {}
    for key, name, sort_order, value in rows:
        attribute = attributes.setdefault(
            key, {"key": key, "name": name, "sort_order": sort_order, "values": []}
        )
        attribute["values"].append(value)
    for attribute in attributes.values():
        attribute["values"].sort()
    # The keys first, as a list: a handful of values, and one nested subquery less
    # for the planner to get wrong on small, freshly filled tables.
    # Only certificates in force: offering "FCC" for a product whose FCC
    # certificate lapsed would list it as certified.
    cert_keys = set(
        valid_certifications()
        .filter(products__in=products)
        .values_list("translation_key", flat=True)
    )
    cert_rows = (
        CertificationPage.objects.live()
        .filter(translation_key__in=cert_keys, locale_id=category.locale_id)
        .only("standard", "other_standard", "valid_until", "translation_key")
    )
    certs = {cert.standard: cert.standard_label for cert in cert_rows}
    return {
        "attributes": sorted(attributes.values(), key=lambda a: (a["sort_order"], a["name"])),
        "certifications": sorted(certs.items(), key=lambda item: item[1]),
        "cert_codes": set(certs),
    }


def product_detail_context(product, request) -> dict:
    specifications = product.specifications.select_related("attribute").order_by("sort_order")
    related = (
        ProductPage.objects.live()
        .filter(
            locale_id=product.locale_id,
            translation_key__in=product.related_products.values("translation_key"),
        )
        .prefetch_related(*ProductPage.card_prefetches())
        .order_by("title")
    )
    related = list(related)
    attach_certification_badges([product, *related], product.locale, request)
    gallery = list(
        product.gallery_images.select_related("image")
        .prefetch_related("image__renditions")
        .order_by("sort_order")
    )
    return {
        **_enquiry_links(product, request),
        "specifications": specifications,
        "gallery": gallery,
        "related": related,
        "incoterm_labels": ProductPage._meta.get_field("incoterms").display(product.incoterms),
    }


def _enquiry_links(product, request) -> dict:
    """Request a quote / Order a sample links: the enquiry page of the product's language.

    Without an enquiry page (a site still being set up) a quote request is an email
    to sales, and samples can't be ordered online.
    """
    from urllib.parse import quote

    from enquiries.views import enquiry_page_for
    from home.models import CompanySettings

    page = enquiry_page_for(product.locale)
    if page is None:
        email = CompanySettings.for_request(request).email
        subject = quote(f"RFQ: {product.title} ({product.sku})")
        return {"rfq_url": f"mailto:{email}?subject={subject}" if email else "#", "sample_url": ""}
    url = page.get_url(request)
    has_samples = product.samples_available and product.sample_deposit
    return {
        "rfq_url": f"{url}?product={product.pk}",
        "sample_url": (
            f"{url}{page.reverse_subpage('sample_order')}?product={product.pk}"
            if has_samples
            else ""
        ),
    }


def home_sections(home, request) -> dict:
    """Featured products and the valid certifications, for the home page."""
    featured = list(ProductPage.featured_in(home, request, limit=8))
    attach_certification_badges(featured, home.locale, request)
    certifications = [
        cert
        for cert in CertificationPage.objects.live()
        .descendant_of(home)
        .select_related("logo")
        .order_by("path")
        if not cert.certificate_expired
    ]
    return {"featured_products": featured, "home_certifications": certifications}
