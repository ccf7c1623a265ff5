from urllib.parse import urlencode

from django import template
from django.utils.html import strip_tags
from wagtail.rich_text import expand_db_html

from faq.models import FAQItem

register = template.Library()


@register.simple_tag(takes_context=True)
def faq_json_ld(context, page, items) -> dict:
    """schema.org FAQPage: every question with its answer."""
    request = context.get("request")
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "name": page.title,
        "url": page.get_full_url(request),
        "inLanguage": page.locale.language_code,
        "mainEntity": [
            {
                "@type": "Question",
                "name": item.question,
                "url": f"{page.get_full_url(request)}#{item.anchor}",
                "acceptedAnswer": {"@type": "Answer", "text": expand_db_html(item.answer)},
            }
            for item in items
        ],
    }


@register.simple_tag
def ask_us_url(enquiry_page, topic: str = "") -> str:
    """The enquiry form of the page's language, its topic field pre-filled."""
    if enquiry_page is None:
        return ""
    url = enquiry_page.url
    return f"{url}?{urlencode({'topic': topic[:160]})}" if topic else url


@register.filter
def plain_text(html: str) -> str:
    return strip_tags(html)


@register.inclusion_tag("faq/includes/product_faq.html", takes_context=True)
def product_faq(context, product):
    """FAQ items an editor attached to this product, in the product's language.

    Translations copy an item's product links as they are, so items are matched by
    the product's translation key. One query, however many items.
    """
    attached = FAQItem.products.through.objects.filter(
        productpage__translation_key=product.translation_key
    ).values("faqitem_id")
    items = list(
        FAQItem.objects.filter(id__in=attached, locale_id=product.locale_id, page__live=True)
        .select_related("page")
        .order_by("page__path", "sort_order", "pk")
    )
    return {"items": items, "product": product, "request": context.get("request")}
