"""Site search: products first (an exact SKU on top), then the other pages, per language."""

from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, When
from wagtail.models import Locale, Page

from products.catalog import attach_certification_badges
from products.models import ProductPage

MAX_QUERY_LENGTH = 120
MAX_RESULTS = 200


def search_site(query: str, request) -> dict:
    locale = Locale.get_active()
    product_ids = _ranked_product_ids(query, locale)
    products = _products_in_order(product_ids)
    attach_certification_badges(products, locale, request)
    pages = list(
        Page.objects.live()
        .public()
        .filter(locale=locale)
        .not_type(ProductPage)
        .exclude(depth__lte=1)
        .search(query)[:MAX_RESULTS]
    )
    return {"products": products, "pages": [page.specific_deferred for page in pages]}


def _ranked_product_ids(query: str, locale) -> list[int]:
    exact = list(
        ProductPage.objects.live()
        .filter(locale=locale, sku__iexact=query)
        .values_list("id", flat=True)
    )
    found = ProductPage.objects.live().filter(locale=locale).search(query)[:MAX_RESULTS]
    return exact + [page.id for page in found if page.id not in exact]


def _products_in_order(ids: list[int]) -> list[ProductPage]:
    if not ids:
        return []
    order = Case(
        *(When(id=pk, then=position) for position, pk in enumerate(ids)),
        output_field=IntegerField(),
    )
    return list(
        ProductPage.objects.filter(id__in=ids)
        .order_by(order)
        .prefetch_related(*ProductPage.card_prefetches())
    )


def paginate(items: list, request, per_page: int = 24):
    return Paginator(items, per_page).get_page(request.GET.get("page"))
