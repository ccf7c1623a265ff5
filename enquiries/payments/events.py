"""Stripe webhook events: checked for shape, stored once, applied under the payment's locks."""

import json
import logging
import math
import re
from collections.abc import Mapping
from typing import Any

from django.db import transaction

from ..models import Payment, PaymentStatus, StripeEvent
from .sync import (
    MAX_ID_LENGTH,
    apply_charge,
    async_failure_text,
    lock_intents,
    locked_payments,
    mapping,
    object_id,
    sync_payment_from_session,
    text,
)

logger = logging.getLogger(__name__)

SESSION_EVENTS = {
    "checkout.session.completed",
    "checkout.session.async_payment_succeeded",
    "checkout.session.async_payment_failed",
    "checkout.session.expired",
}
MAX_TYPE_LENGTH = 100  # StripeEvent.event_type
# Stripe's events nest a handful of levels; far deeper is not one of them, and
# PostgreSQL's jsonb would refuse it with an error rather than a clean answer.
MAX_DEPTH = 64
PAYMENT_ID = re.compile(r"[0-9]{1,18}")


class MalformedEvent(ValueError):
    """A correctly signed body that is not an event we can store; str() says why, for the log."""


def _refuse_constant(name: str):
    raise ValueError(f"{name} is not a JSON number")


def parse_event(body: bytes) -> dict[str, Any]:
    """The event in a verified webhook body, or MalformedEvent.

    Checks what handling and storing rely on: an object with a string id and
    type that fit their columns, `data.object` an object, and nothing jsonb refuses
    (NaN, infinities, NUL characters, lone surrogates, deep nesting).
    """
    try:
        event = json.loads(body, parse_constant=_refuse_constant)
    except (ValueError, RecursionError) as error:
        raise MalformedEvent(f"not JSON: {error}") from None
    check_event(event)
    return event


def check_event(event: Any) -> None:
    if not isinstance(event, dict):
        raise MalformedEvent(f"the body is a JSON {type(event).__name__}, not an object")
    event_id = event.get("id")
    if not isinstance(event_id, str) or not event_id:
        raise MalformedEvent("no event id")
    if len(event_id) > MAX_ID_LENGTH:
        raise MalformedEvent(f"an event id of {len(event_id)} characters")
    event_type = event.get("type")
    if not isinstance(event_type, str) or not 0 < len(event_type) <= MAX_TYPE_LENGTH:
        raise MalformedEvent(f"event {event_id}: no usable type")
    data = event.get("data")
    if not isinstance(data, dict) or not isinstance(data.get("object"), dict):
        raise MalformedEvent(f"event {event_id}: data.object is not an object")
    _check_storable(event, event_id)


def _check_storable(event: dict, event_id: str) -> None:
    pending = [(event, 1)]
    while pending:
        value, depth = pending.pop()
        if depth > MAX_DEPTH:
            raise MalformedEvent(f"event {event_id}: nested deeper than {MAX_DEPTH}")
        if isinstance(value, dict):
            for key, item in value.items():
                _check_text(key, event_id)
                pending.append((item, depth + 1))
        elif isinstance(value, list):
            pending.extend((item, depth + 1) for item in value)
        elif isinstance(value, str):
            _check_text(value, event_id)
        elif isinstance(value, float) and not math.isfinite(value):
            raise MalformedEvent(f"event {event_id}: a number out of range")


def _check_text(value: str, event_id: str) -> None:
    if "\x00" in value:
        raise MalformedEvent(f"event {event_id}: a NUL character")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise MalformedEvent(f"event {event_id}: a lone surrogate") from None


def handle_event(event: Mapping[str, Any]) -> StripeEvent | None:
    """Record a verified webhook event (a dict) and apply it; None if it came before.

    The event is stored in the same transaction as its effect: if handling fails,
    neither is kept, the webhook answers 500 and Stripe delivers it again.
    Raises MalformedEvent for a body that is no event (see `parse_event`).
    """
    if hasattr(event, "to_dict"):
        event = event.to_dict(for_json=True)
    check_event(event)
    event_type = event["type"]
    obj = event["data"]["object"]
    with transaction.atomic():
        record, created = StripeEvent.objects.get_or_create(
            event_id=event["id"], defaults={"event_type": event_type, "payload": event}
        )
        if not created:
            return None
        if event_type in SESSION_EVENTS:
            _handle_session_event(event_type, obj)
        elif event_type == "charge.refunded":
            _handle_refund(obj)
    return record


def _handle_refund(charge: Mapping[str, Any]) -> None:
    intent_id = object_id(charge.get("payment_intent"))
    if not intent_id:
        logger.info("Stripe charge %s names no payment intent", text(charge, "id"))
        return
    lock_intents(intent_id)
    payment = locked_payments().filter(stripe_payment_intent_id=intent_id).first()
    # Unmatched, it waits in StripeEvent for the session that links the intent.
    if payment is not None and apply_charge(payment, charge):
        payment.save()


def _payment_for_session(session: Mapping[str, Any]) -> Payment | None:
    session_id = text(session, "id")
    if not session_id:
        return None
    payment = locked_payments().filter(stripe_session_id=session_id).first()
    if payment is not None:
        return payment
    # Stripe made the session but we never saved its id (the request timed out
    # on our side, say): the metadata we sent still links it to the payment.
    metadata = mapping(session, "metadata")
    payment_id = text(metadata, "payment_id")
    reference = text(metadata, "lead_reference")
    if not PAYMENT_ID.fullmatch(payment_id) or not reference:
        return None
    payment = (
        locked_payments()
        .filter(pk=int(payment_id), lead__reference=reference, stripe_session_id__isnull=True)
        .first()
    )
    if payment is not None:
        payment.stripe_session_id = session_id
        payment.checkout_url = text(session, "url", max_length=1000) or payment.checkout_url
    return payment


def _handle_session_event(event_type: str, session: Mapping[str, Any]) -> None:
    lock_intents(object_id(session.get("payment_intent")))
    payment = _payment_for_session(session)
    if payment is None:
        logger.info("Stripe session %s matches no payment", text(session, "id"))
        return
    if event_type == "checkout.session.async_payment_failed":
        payment.advance_to(PaymentStatus.FAILED, error=async_failure_text())
    sync_payment_from_session(payment, session)
