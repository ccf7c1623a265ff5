"""Bringing a Payment up to date with what Stripe says, one payment at a time.

Stripe is the authority on whether money moved. Webhook events and
`reconcile_payments` only ever move a payment forward (`Payment.advance_to`,
`Payment.record_refund`), so duplicate or out-of-order events end in the same state.

Concurrent updates are serialized per payment: every change runs in a transaction
holding the payment's row lock, and before that an advisory lock on its
PaymentIntent id (`lock_intents`). The second lock is for the one event that
names no payment: a charge.refunded carries only the PaymentIntent, which our
payment learns from checkout.session.completed. When both arrive together, the
one that takes the intent's lock second sees what the first committed (the stored
refund event, or the payment's intent id), so the refund is never lost.
Lock order is always intents (sorted) then the payment row, so no two handlers
can wait on each other.
"""

import hashlib
import logging
from collections.abc import Mapping
from typing import Any

import stripe
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext

from ..models import Payment, PaymentStatus, StripeEvent
from .checkout import stripe_client

logger = logging.getLogger(__name__)

# A PaymentIntent that went back to these after the session completed lost its
# asynchronous payment (a bounced bank debit, say).
FAILED_INTENT_STATUSES = {"canceled", "requires_payment_method"}

# What reconciliation asks for: the charge carries the refunded amount.
SESSION_EXPAND = ["payment_intent", "payment_intent.latest_charge"]

# Stripe's ids fit our columns; a longer "id" is not one of Stripe's.
MAX_ID_LENGTH = 255
# The largest value a PositiveIntegerField keeps on every database.
MAX_AMOUNT = 2_147_483_647


# --- Reading Stripe objects whose shape we don't control --------------------------
# A signed event is Stripe's, but a field of an unexpected type must not turn into
# a 500 (Stripe would retry it forever): it reads as absent.


def text(obj: Mapping[str, Any], key: str, max_length: int = MAX_ID_LENGTH) -> str:
    value = obj.get(key)
    return value if isinstance(value, str) and len(value) <= max_length else ""


def amount(obj: Mapping[str, Any], key: str) -> int:
    value = obj.get(key)
    if isinstance(value, bool) or not isinstance(value, int):
        return 0
    return min(max(value, 0), MAX_AMOUNT)


def mapping(obj: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = obj.get(key)
    return value if isinstance(value, Mapping) else {}


def object_id(value: Any) -> str:
    """An id whether Stripe sent the id or the expanded object."""
    if isinstance(value, Mapping):
        return text(value, "id")
    return value if isinstance(value, str) and len(value) <= MAX_ID_LENGTH else ""


# --- Locks ---------------------------------------------------------------------------


def _lock_key(intent_id: str) -> int:
    digest = hashlib.blake2b(f"stripe-intent:{intent_id}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def lock_intents(*intent_ids: str) -> None:
    """Hold these PaymentIntents until the transaction ends; take before any payment row."""
    if connection.vendor != "postgresql":
        # SQLite (local development) lets one writer in at a time anyway.
        return
    with connection.cursor() as cursor:
        for intent_id in sorted({i for i in intent_ids if i}):
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_lock_key(intent_id)])


def locked_payments():
    # Only the payment row: a join to the lead must not block sales editing it.
    return Payment.objects.select_for_update(of=("self",))


# --- Applying what Stripe says (the payment is locked by the caller) -----------------


def async_failure_text() -> str:
    return gettext("The buyer's bank declined or returned the payment after checkout.")


def apply_charge(payment: Payment, charge: Mapping[str, Any]) -> bool:
    """Record a charge's refunds on `payment` (not saved); True if that changed it."""
    charge_intent = object_id(charge.get("payment_intent"))
    if charge_intent and charge_intent != payment.stripe_payment_intent_id:
        return False
    return payment.record_refund(
        amount(charge, "amount_refunded"), full=charge.get("refunded") is True
    )


def replay_refunds(payment: Payment) -> None:
    """Apply charge.refunded events that arrived before we knew the payment intent."""
    if not payment.stripe_payment_intent_id:
        return
    refunds = StripeEvent.objects.filter(
        event_type="charge.refunded",
        payload__data__object__payment_intent=payment.stripe_payment_intent_id,
    )
    for event in refunds:
        apply_charge(payment, event.payload["data"]["object"])


def sync_payment_from_session(payment: Payment, session: Mapping[str, Any]) -> bool:
    """Bring a locked `payment` up to date with a Checkout Session (dict) and save it.

    "paid" only when Stripe says the money is there; a completed session still
    waiting for an asynchronous method (bank debit, transfer) stays pending.
    With the payment intent and its latest charge expanded, refunds are taken too.
    Returns True if the status or the refunded amount changed.
    """
    before = (payment.status, payment.amount_refunded)
    intent = session.get("payment_intent")
    intent_id = object_id(intent)
    if intent_id and not payment.stripe_payment_intent_id:
        payment.stripe_payment_intent_id = intent_id
    if isinstance(session.get("livemode"), bool):
        payment.livemode = session["livemode"]

    status = text(session, "status")
    if status == "expired":
        payment.advance_to(PaymentStatus.EXPIRED)
    elif status == "complete":
        if text(session, "payment_status") == "paid":
            payment.advance_to(PaymentStatus.PAID, error="")
            # Also when a refund got here first: it was paid before it was refunded.
            payment.paid_at = payment.paid_at or timezone.now()
        elif isinstance(intent, Mapping) and text(intent, "status") in FAILED_INTENT_STATUSES:
            payment.advance_to(PaymentStatus.FAILED, error=async_failure_text())
    if isinstance(intent, Mapping) and isinstance(intent.get("latest_charge"), Mapping):
        apply_charge(payment, intent["latest_charge"])
    replay_refunds(payment)
    payment.save()
    after = (payment.status, payment.amount_refunded)
    if after != before:
        logger.info("Payment %s: %s → %s", payment.pk, before, after)
    return after != before


def refresh_from_stripe(payment: Payment, client: stripe.StripeClient | None = None) -> bool:
    """Ask Stripe about `payment`'s session and sync it; True if the status or refunds changed.

    Raises stripe.StripeError if Stripe can't be asked. Needs a session id.
    """
    session = (client or stripe_client()).v1.checkout.sessions.retrieve(
        payment.stripe_session_id, params={"expand": SESSION_EXPAND}
    )
    session = session.to_dict()
    # The answer may be older than a webhook handled meanwhile; the locks make
    # that webhook finish first, and advance_to/record_refund keep its effect.
    with transaction.atomic():
        lock_intents(object_id(session.get("payment_intent")), payment.stripe_payment_intent_id)
        locked = locked_payments().get(pk=payment.pk)
        changed = sync_payment_from_session(locked, session)
    payment.refresh_from_db()
    return changed
