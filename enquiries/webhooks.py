"""Stripe's webhook: the one view that takes a POST without a CSRF token.

Its protection is the signature instead: Stripe signs the raw body with the
endpoint's secret, and `construct_event` refuses a wrong or stale signature.
"""

import json
import logging

import stripe
from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .payments import handle_event

logger = logging.getLogger(__name__)


@csrf_exempt
@require_POST
def stripe_webhook(request):
    payload = request.body
    try:
        stripe.Webhook.construct_event(
            payload, request.headers.get("Stripe-Signature"), settings.STRIPE_WEBHOOK_SECRET
        )
    except stripe.SignatureVerificationError as error:
        logger.warning("Stripe webhook refused: %s", error)
        return HttpResponseBadRequest("Invalid signature")
    except ValueError:
        return HttpResponseBadRequest("Invalid payload")
    # The body as Stripe sent it, for the record: StripeObject would turn some
    # amounts into Decimal, which a JSONField can't store.
    handle_event(json.loads(payload))
    return HttpResponse("OK")
