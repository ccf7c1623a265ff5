from django import template
from wagtail.models import Locale

from ..basket import QuoteBasket

register = template.Library()


@register.inclusion_tag("components/quote_basket_link.html", takes_context=True)
def quote_basket_link(context):
    request = context.get("request")
    count = len(QuoteBasket(request.session)) if request is not None else 0
    return {"count": count}


@register.simple_tag(takes_context=True)
def enquiry_page(context):
    """The live enquiry page of the language being shown, or None."""
    from ..views import enquiry_page_for

    page = context.get("page")
    locale = getattr(page, "locale", None) or Locale.get_active()
    return enquiry_page_for(locale)


@register.simple_tag(takes_context=True)
def in_quote_basket(context, product) -> bool:
    request = context.get("request")
    return request is not None and product in QuoteBasket(request.session)
