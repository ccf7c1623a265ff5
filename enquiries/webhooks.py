"""Stripe's webhook: the one view that takes a POST without a CSRF token.

Its protection is the signature instead: Stripe signs the raw body with the
endpoint's secret, and `verify_header` refuses a wrong or stale signature.
A signed body that is no event we can store answers 400, never 500: a 500 is
what Stripe retries, and it is kept for real failures (the database down).
"""

import logging

import stripe
from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .payments import MalformedEvent, handle_event, parse_event

logger = logging.getLogger(__name__)


@csrf_exempt
@require_POST
def stripe_webhook(request):
    payload = request.body
    try:
        stripe.WebhookSignature.verify_header(
            payload,
            request.headers.get("Stripe-Signature"),
            settings.STRIPE_WEBHOOK_SECRET,
            stripe.Webhook.DEFAULT_TOLERANCE,
        )
    except stripe.SignatureVerificationError as error:
        logger.warning("Stripe webhook refused: %s", error)
        return HttpResponseBadRequest("Invalid signature")
    except ValueError as error:  # not UTF-8
        logger.warning("Stripe webhook refused: %s", error)
        return HttpResponseBadRequest("Invalid payload")
    # Parsed here rather than by stripe.Event: its StripeObject would turn some
    # amounts into Decimal, which a JSONField can't store.
    try:
        handle_event(parse_event(payload))
    except MalformedEvent as error:
        logger.warning("Stripe webhook: signed but malformed event refused: %s", error)
        return HttpResponseBadRequest("Malformed event")
    return HttpResponse("OK")
