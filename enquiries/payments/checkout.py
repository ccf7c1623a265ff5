"""The deposit for a sample order and its Stripe Checkout Session.

The lead is saved before anything here talks to Stripe. Whatever Stripe does
(down, slow, refusing the request) the buyer's order stays with sales, and the
Payment says what happened.
"""

import logging
import uuid
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import stripe
from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext

from ..models import Lead, LeadLine, Payment, PaymentStatus
from ..money import to_minor_units

logger = logging.getLogger(__name__)

# Seconds: the buyer is waiting on the other end of the form's redirect.
STRIPE_TIMEOUT = 20
# Safe because every session creation carries an idempotency key.
STRIPE_RETRIES = 2

# Languages Checkout can display (SessionCreateParams.locale in stripe 16); any
# other language gets "auto", the buyer's browser language.
CHECKOUT_LOCALES = {
    "bg",
    "cs",
    "da",
    "de",
    "el",
    "en",
    "en-GB",
    "es",
    "es-419",
    "et",
    "fi",
    "fil",
    "fr",
    "fr-CA",
    "hi-IN",
    "hr",
    "hu",
    "id",
    "it",
    "ja",
    "ko",
    "lt",
    "lv",
    "ms",
    "mt",
    "nb",
    "nl",
    "pl",
    "pt",
    "pt-BR",
    "ro",
    "ru",
    "sk",
    "sl",
    "sv",
    "th",
    "tr",
    "vi",
    "zh",
    "zh-HK",
    "zh-TW",
}
# Django spells Chinese by script, Stripe by region.
DJANGO_TO_CHECKOUT_LOCALE = {"zh-hans": "zh", "zh-hant": "zh-TW"}


class DepositError(ValueError):
    """The lines can't make one deposit; str(error) is a message for the buyer."""


class MixedCurrenciesError(DepositError):
    def __init__(self, currencies: Iterable[str]):
        self.currencies = sorted(currencies)
        super().__init__(
            gettext(
                "The samples you chose have deposits in different currencies (%(currencies)s). "
                "Please order samples priced in one currency at a time."
            )
            % {"currencies": ", ".join(self.currencies)}
        )


class NoDepositError(DepositError):
    def __init__(self):
        super().__init__(gettext("None of the products you chose has a sample deposit."))


def stripe_configured() -> bool:
    return bool(settings.STRIPE_SECRET_KEY)


def stripe_client() -> stripe.StripeClient:
    base_addresses = {"api": settings.STRIPE_API_BASE} if settings.STRIPE_API_BASE else None
    return stripe.StripeClient(
        settings.STRIPE_SECRET_KEY,
        base_addresses=base_addresses,
        max_network_retries=STRIPE_RETRIES,
        http_client=stripe.new_default_http_client(timeout=STRIPE_TIMEOUT),
    )


def _deposit_lines(lines: Iterable[LeadLine]) -> list[LeadLine]:
    return [line for line in lines if line.sample_deposit]


def deposit_total(lines: Iterable[LeadLine]) -> tuple[Decimal, str]:
    """The deposit for these lines and its currency; lines without a deposit cost nothing.

    Raises MixedCurrenciesError or NoDepositError, whose str() is for the buyer:
    call it while validating the order form, before the lead is saved.
    """
    charged = _deposit_lines(lines)
    if not charged:
        raise NoDepositError()
    currencies = {line.sample_currency.upper() for line in charged}
    if len(currencies) > 1:
        raise MixedCurrenciesError(currencies)
    return sum((line.sample_deposit for line in charged), Decimal("0")), currencies.pop()


def checkout_locale(language: str) -> str:
    language = DJANGO_TO_CHECKOUT_LOCALE.get(language.lower(), language)
    if language in CHECKOUT_LOCALES:
        return language
    base = language.split("-")[0].lower()
    return base if base in CHECKOUT_LOCALES else "auto"


def _line_item(line: LeadLine, currency: str) -> dict[str, Any]:
    if line.sku:
        name = gettext("Sample deposit: %(product)s (%(sku)s)") % {
            "product": line.product_title,
            "sku": line.sku,
        }
    else:
        name = gettext("Sample deposit: %(product)s") % {"product": line.product_title}
    return {
        "quantity": 1,
        "price_data": {
            "currency": currency.lower(),
            "unit_amount": to_minor_units(line.sample_deposit, currency),
            "product_data": {"name": name},
        },
    }


def _with_session_placeholder(url: str) -> str:
    # Stripe replaces the literal placeholder with the session id on redirect.
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}session_id={{CHECKOUT_SESSION_ID}}"


def _error_text(error: Exception) -> str:
    if isinstance(error, stripe.StripeError):
        message = error.user_message or str(error)
        status = f" (HTTP {error.http_status})" if error.http_status else ""
        return f"Stripe {type(error).__name__}{status}: {message}"
    return f"{type(error).__name__}: {error}"


def start_deposit_checkout(lead: Lead, *, success_url: str, cancel_url: str) -> Payment:
    """Create the deposit Payment for a saved sample-order lead and its Checkout Session.

    Redirect the buyer to `payment.checkout_url` when the status is "pending" and
    the URL is set. Otherwise the status says why not: "not_requested" (Stripe is
    not configured) or "failed" (Stripe refused or was unreachable; `error` says
    why, for sales). Never raises for Stripe trouble. Raises DepositError if the
    lines can't make a deposit, which the order form should have caught.

    Call it outside a transaction, after the lead is committed: the Stripe request
    may take seconds and its outcome must be kept either way. Calling it again for
    the same lead reuses the pending payment (and its idempotency key) rather than
    asking for a second deposit.
    """
    lines = list(lead.lines.all())
    total, currency = deposit_total(lines)
    amount = to_minor_units(total, currency)

    payment = (
        lead.payments.filter(status=PaymentStatus.PENDING, amount=amount, currency=currency)
        .order_by("-created_at")
        .first()
    )
    if payment is not None and payment.checkout_url:
        return payment
    if not stripe_configured():
        existing = lead.payments.filter(status=PaymentStatus.NOT_REQUESTED).first()
        return existing or Payment.objects.create(
            lead=lead,
            status=PaymentStatus.NOT_REQUESTED,
            amount=amount,
            currency=currency,
            idempotency_key=f"deposit-{uuid.uuid4().hex}",
        )
    if payment is None:
        # Saved before the request so its id can go into the session's metadata.
        payment = Payment.objects.create(
            lead=lead,
            status=PaymentStatus.PENDING,
            amount=amount,
            currency=currency,
            idempotency_key=f"deposit-{uuid.uuid4().hex}",
        )

    metadata = {"lead_reference": lead.reference, "payment_id": str(payment.pk)}
    with translation.override(lead.language or settings.LANGUAGE_CODE):
        line_items = [_line_item(line, currency) for line in _deposit_lines(lines)]
    params = {
        "mode": "payment",
        "line_items": line_items,
        "success_url": _with_session_placeholder(success_url),
        "cancel_url": cancel_url,
        "customer_email": lead.email,
        "client_reference_id": lead.reference,
        "locale": checkout_locale(lead.language or ""),
        "metadata": metadata,
        # Copied onto the PaymentIntent so the lead shows in Stripe's dashboard too.
        "payment_intent_data": {"metadata": metadata},
    }
    try:
        session = stripe_client().v1.checkout.sessions.create(
            params=params, options={"idempotency_key": payment.idempotency_key}
        )
    except Exception as error:
        # The buyer's order is saved either way; sales sees the error on the lead.
        if not isinstance(error, stripe.StripeError):
            logger.exception("Unexpected error creating a Checkout Session for %s", lead)
        else:
            logger.warning("No Checkout Session for %s: %s", lead, error)
        with transaction.atomic():
            locked = Payment.objects.select_for_update(of=("self",)).get(pk=payment.pk)
            if locked.advance_to(PaymentStatus.FAILED, error=_error_text(error)):
                locked.save(update_fields=["status", "error", "updated_at"])
        return locked

    # Only the fields this request learnt: a webhook for the new session may
    # already have moved the payment on (matched through its metadata).
    with transaction.atomic():
        locked = Payment.objects.select_for_update(of=("self",)).get(pk=payment.pk)
        locked.stripe_session_id = locked.stripe_session_id or session.id
        locked.checkout_url = session.url or ""
        locked.livemode = bool(session.livemode)
        if locked.status == PaymentStatus.PENDING:
            locked.error = ""
        locked.save(
            update_fields=["stripe_session_id", "checkout_url", "livemode", "error", "updated_at"]
        )
    return locked
