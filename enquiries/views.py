"""Buyer-facing views: the enquiry (RFQ) form, the sample order, the quote basket, thank-you pages.

Views stay thin: forms validate, services.create_lead commits the lead, and only
then does anything talk to Stripe or queue email.
"""

import logging
import math

import stripe
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Locale

from home.http import client_ip, parse_id, safe_next_url
from products.models import ProductPage

from . import payments
from .basket import QuoteBasket
from .forms import EnquiryForm, ProductLineFormSet, SampleLineFormSet, SampleOrderForm
from .models import EnquiryPage, Lead, LeadType, PaymentStatus
from .services import (
    DuplicateSubmissionError,
    create_lead,
    existing_lead_for_token,
    line_from_product,
    rate_limit_retry_at,
)

logger = logging.getLogger(__name__)

LAST_LEAD_SESSION_KEY = "last_lead_reference"


def enquiry_page_for(locale) -> EnquiryPage | None:
    return EnquiryPage.objects.live().filter(locale=locale).first()


def _requested_products(request, page, *, samples_only=False) -> list[ProductPage]:
    """Products the buyer asked about: the quote basket, plus ?product= from a product page."""
    products = QuoteBasket(request.session).products(page.locale)
    product_id = parse_id(request.GET.get("product"))
    if product_id is not None:
        product = ProductPage.objects.live().filter(pk=product_id).first()
        if product is not None:
            product = product.get_translation_or_none(page.locale) or product
            if product.live and all(p.translation_key != product.translation_key for p in products):
                products.append(product)
    if samples_only:
        products = [p for p in products if p.samples_available and p.sample_deposit]
    return products


def _posted_products(formset) -> tuple[list[ProductPage], bool]:
    """The live products the formset names, and whether every one of them was found.

    Any language's page is accepted: an untranslated product is asked about in the
    language it exists in.
    """
    ids = [form.cleaned_data["product"] for form in formset.forms if form.cleaned_data]
    found = {p.pk: p for p in ProductPage.objects.live().filter(pk__in=ids)}
    return [found[pk] for pk in ids if pk in found], len(found) == len(set(ids))


def _products_named_in(data, prefix: str) -> list[ProductPage]:
    """Products of a posted formset, read before validation, to redisplay its errors."""
    ids = [
        parse_id(value)
        for key, value in data.items()
        if key.startswith(prefix + "-") and key.endswith("-product")
    ]
    return list(ProductPage.objects.live().filter(pk__in=[pk for pk in ids if pk]))


def _finish(request, page, lead, *, clear_basket: bool):
    request.session[LAST_LEAD_SESSION_KEY] = lead.reference
    if clear_basket:
        QuoteBasket(request.session).clear()
    return redirect(page.url + page.reverse_subpage("thanks"))


def _already_saved(request, page, lead):
    """The answer to a repeated post of a saved form: where the first post led.

    A double-clicked sample order goes on to the deposit's Checkout page when the
    first request already opened one; everything else lands on the thank-you page.
    """
    payment = lead.payments.filter(status=PaymentStatus.PENDING).exclude(checkout_url="").first()
    if payment is not None:
        request.session[LAST_LEAD_SESSION_KEY] = lead.reference
        return HttpResponseRedirect(payment.checkout_url)
    return _finish(request, page, lead, clear_basket=False)


def _guard(request, page, form, *, template, context):
    """Honeypot, double submit and rate limit: a response when the lead must not be created."""
    if form.is_bot:
        # Looks like success to the bot; nothing is stored.
        request.session.pop(LAST_LEAD_SESSION_KEY, None)
        return redirect(page.url + page.reverse_subpage("thanks"))
    existing = existing_lead_for_token(form.cleaned_data["form_token"])
    if existing is not None:
        return _already_saved(request, page, existing)
    retry_at = rate_limit_retry_at(client_ip(request))
    if retry_at is not None:
        wait_seconds = max(1, math.ceil((retry_at - timezone.now()).total_seconds()))
        # Everything the buyer typed is shown again, product lines included, with
        # the time they can send it; nothing is saved, so nothing is lost either.
        full_context = page.get_context(request)
        full_context.update(
            context,
            line_forms=_pair(context["formset"], context["products"]),
            rate_limited=True,
            retry_minutes=math.ceil(wait_seconds / 60),
        )
        response = TemplateResponse(request, template, full_context, status=429)
        response["Retry-After"] = str(wait_seconds)
        return response
    return None


def enquiry_view(request, page: EnquiryPage):
    products = _requested_products(request, page)
    if request.method == "POST":
        form = EnquiryForm(request.POST, request.FILES, recaptcha_action="enquiry")
        formset = ProductLineFormSet(request.POST, prefix="lines")
        products = _products_named_in(request.POST, "lines")
        valid = form.is_valid() & formset.is_valid()
        if valid:
            products, all_found = _posted_products(formset)
            if not all_found:
                valid = False
                form.add_error(None, _("A product in your request is no longer available."))
            elif not products and not form.cleaned_data.get("message"):
                valid = False
                form.add_error("message", _("Tell us which products you need, and how many."))
        if valid:
            response = _guard(
                request,
                page,
                form,
                template="enquiries/enquiry_page.html",
                context={"form": form, "formset": formset, "products": products},
            )
            if response:
                return response
            lines = [
                line_from_product(
                    product,
                    **{k: v for k, v in line_form.cleaned_data.items() if k != "product"},
                )
                for product, line_form in zip(products, formset.forms, strict=True)
            ]
            try:
                lead = create_lead(
                    form=form,
                    request=request,
                    lead_type=LeadType.ENQUIRY,
                    lines=lines,
                    attachments=form.cleaned_data.get("attachments") or (),
                )
            except DuplicateSubmissionError as duplicate:
                return _already_saved(request, page, duplicate.lead)
            return _finish(request, page, lead, clear_basket=True)
    else:
        form = EnquiryForm(
            initial={"topic": request.GET.get("topic", "")[:160]}, recaptcha_action="enquiry"
        )
        formset = ProductLineFormSet(
            prefix="lines",
            initial=[{"product": p.pk, "quantity": p.moq, "unit": p.moq_unit} for p in products],
        )
    context = page.get_context(request)
    context.update(
        form=form, formset=formset, line_forms=_pair(formset, products), products=products
    )
    return TemplateResponse(request, "enquiries/enquiry_page.html", context)


def _pair(formset, products):
    """(form, product) pairs for the template; products are looked up by the form's id."""
    by_id = {p.pk: p for p in products}
    pairs = []
    for form in formset.forms:
        product = by_id.get(parse_id(form["product"].value()))
        if product is not None:
            pairs.append((form, product))
    return pairs


def sample_order_view(request, page: EnquiryPage):
    products = _requested_products(request, page, samples_only=True)
    deposit = None
    if request.method == "POST":
        form = SampleOrderForm(request.POST, recaptcha_action="sample_order")
        formset = SampleLineFormSet(request.POST, prefix="samples")
        products = _products_named_in(request.POST, "samples")
        valid = form.is_valid() & formset.is_valid()
        if valid:
            products, all_found = _posted_products(formset)
            products = [p for p in products if p.samples_available and p.sample_deposit]
            if not all_found or not products:
                valid = False
                form.add_error(None, _("Choose at least one product that has samples available."))
        if valid:
            lines = [line_from_product(product, quantity=1) for product in products]
            try:
                deposit = payments.deposit_total(lines)
            except (payments.MixedCurrenciesError, payments.NoDepositError) as error:
                valid = False
                form.add_error(None, str(error))
        if valid:
            response = _guard(
                request,
                page,
                form,
                template="enquiries/sample_order.html",
                context={"form": form, "formset": formset, "products": products},
            )
            if response:
                return response
            try:
                lead = create_lead(
                    form=form, request=request, lead_type=LeadType.SAMPLE, lines=lines
                )
            except DuplicateSubmissionError as duplicate:
                return _already_saved(request, page, duplicate.lead)
            return _start_payment(request, page, lead)
    else:
        form = SampleOrderForm(recaptcha_action="sample_order")
        formset = SampleLineFormSet(prefix="samples", initial=[{"product": p.pk} for p in products])
    deposit_error = ""
    if deposit is None and products:
        try:
            deposit = payments.deposit_total([line_from_product(p, quantity=1) for p in products])
        except (payments.MixedCurrenciesError, payments.NoDepositError) as error:
            deposit_error = str(error)
    context = page.get_context(request)
    context.update(
        form=form,
        formset=formset,
        line_forms=_pair(formset, products),
        products=products,
        deposit=deposit,
        deposit_error=deposit_error,
    )
    return TemplateResponse(request, "enquiries/sample_order.html", context)


def _start_payment(request, page, lead):
    """The lead is committed; now ask Stripe. Whatever Stripe says, the lead stays."""
    base = request.build_absolute_uri(page.url + page.reverse_subpage("deposit_return"))
    payment = payments.start_deposit_checkout(
        lead, success_url=base, cancel_url=base + "?cancelled=1"
    )
    request.session[LAST_LEAD_SESSION_KEY] = lead.reference
    QuoteBasket(request.session).clear()
    if payment.checkout_url and payment.status == PaymentStatus.PENDING:
        return HttpResponseRedirect(payment.checkout_url)
    return redirect(page.url + page.reverse_subpage("thanks"))


def _last_lead(request) -> Lead | None:
    reference = request.session.get(LAST_LEAD_SESSION_KEY)
    if not reference:
        return None
    return Lead.objects.filter(reference=reference).prefetch_related("lines", "payments").first()


def thanks_view(request, page: EnquiryPage):
    context = page.get_context(request)
    lead = _last_lead(request)
    context.update(lead=lead, payment=lead.payments.first() if lead else None)
    return TemplateResponse(request, "enquiries/thanks.html", context)


def deposit_return_view(request, page: EnquiryPage):
    lead = _last_lead(request)
    payment = None
    if lead is not None:
        session_id = request.GET.get("session_id", "")
        payment = (
            lead.payments.filter(stripe_session_id=session_id).first()
            if session_id
            else lead.payments.first()
        )
        if payment is not None and session_id and payment.status == PaymentStatus.PENDING:
            _refresh_quietly(payment)
    context = page.get_context(request)
    context.update(lead=lead, payment=payment, cancelled="cancelled" in request.GET)
    return TemplateResponse(request, "enquiries/deposit_return.html", context)


def _refresh_quietly(payment) -> None:
    """The buyer may come back before Stripe's webhook: ask Stripe, but never fail the page."""
    if not payments.stripe_configured():
        return
    try:
        payments.refresh_from_stripe(payment)
    except stripe.StripeError:
        logger.warning("Could not refresh payment %s from Stripe", payment.pk, exc_info=True)


@require_POST
def basket_add(request):
    product = get_object_or_404(ProductPage.objects.live(), pk=_product_id(request))
    if QuoteBasket(request.session).add(product):
        messages.success(
            request, _("%(product)s was added to your quote list.") % {"product": product.title}
        )
    return HttpResponseRedirect(safe_next_url(request, product.url))


@require_POST
def basket_remove(request):
    product = get_object_or_404(ProductPage, pk=_product_id(request))
    QuoteBasket(request.session).remove(product)
    messages.info(
        request, _("%(product)s was removed from your quote list.") % {"product": product.title}
    )
    page = enquiry_page_for(Locale.get_active())
    return HttpResponseRedirect(safe_next_url(request, page.url if page else "/"))


def basket_view(request):
    """/<lang>/quote/: the quote list is the enquiry form of the current language."""
    page = enquiry_page_for(Locale.get_active())
    if page is None:
        return redirect("/")
    return redirect(page.url)


def _product_id(request) -> int:
    return parse_id(request.POST.get("product")) or 0
