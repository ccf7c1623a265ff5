from django import template
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from home.templatetags.format_tags import format_money, format_money_range
from reviews.ratings import aggregate_for

register = template.Library()


@register.simple_tag
def price_range(product) -> str:
    text = format_money_range(product.price_min, product.price_max, product.price_currency)
    if product.price_unit:
        # Translators: an indicative price followed by its unit, e.g. "$12.00 / piece".
        text = _("%(price)s / %(unit)s") % {"price": text, "unit": product.price_unit}
    return text


@register.filter
def sample_deposit_display(product) -> str:
    return format_money(product.sample_deposit, product.sample_currency)


@register.simple_tag(takes_context=True)
def product_json_ld(context, product) -> dict:
    """schema.org Product; `offers` only when the editor publishes a price."""
    request = context.get("request")
    data = {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": product.title,
        "sku": product.sku,
        "mpn": product.sku,
        "description": product.summary or strip_tags(product.description),
        "url": product.get_full_url(request),
        "brand": {"@type": "Brand", "name": product.seo_struct_org_name},
    }
    gallery = context.get("gallery") or []
    if gallery:
        root = request.build_absolute_uri("/") if request else ""
        data["image"] = [
            _absolute(item.image.get_rendition("fill-1200x900|format-jpeg").url, root)
            for item in gallery[:3]
        ]
    category = product.get_parent()
    if category:
        data["category"] = category.title
    if product.shows_price:
        offer = {
            "@type": "AggregateOffer" if product.price_max else "Offer",
            "priceCurrency": product.price_currency,
            "availability": "https://schema.org/InStock",
            "url": data["url"],
        }
        if product.price_max:
            offer["lowPrice"] = str(product.price_min)
            offer["highPrice"] = str(product.price_max)
        else:
            offer["price"] = str(product.price_min)
        data["offers"] = offer
    data.update(aggregate_for(product))  # approved buyer reviews only
    return data


def _absolute(url: str, root: str) -> str:
    return url if url.startswith("http") else root.rstrip("/") + url
