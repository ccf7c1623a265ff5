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


@register.simple_tag
def online_deposit_payment() -> bool:
    """Whether a sample order goes on to pay its deposit online (Stripe is configured)."""
    from .. import payments

    return payments.stripe_configured()


@register.simple_tag
def deposit_state(lead) -> dict | None:
    """A sample order's deposit for the sales email: amount, currency and where it stands.

    The email may go out before or after the buyer reaches Checkout, so "pending"
    only says the buyer was sent to pay; "not_requested" and "failed" mean nobody
    asked the buyer for the money and sales must.
    """
    from .. import payments
    from ..models import PaymentStatus

    try:
        amount, currency = payments.deposit_total(lead.lines.all())
    except payments.DepositError:
        return None
    statuses = {payment.status for payment in lead.payments.all()}
    if PaymentStatus.PAID in statuses:
        state = "paid"
    elif not payments.stripe_configured() or PaymentStatus.NOT_REQUESTED in statuses:
        state = "not_requested"
    elif PaymentStatus.FAILED in statuses and PaymentStatus.PENDING not in statuses:
        state = "failed"
    else:
        state = "pending"
    return {"amount": amount, "currency": currency, "state": state}
