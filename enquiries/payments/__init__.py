"""Sample deposits through Stripe Checkout.

- `checkout`: the deposit for a sample order and its Checkout Session.
- `sync`: bringing a Payment up to date with Stripe, under per-payment locks.
- `events`: webhook events, checked for shape, stored once and applied.
"""

from .checkout import (
    CHECKOUT_LOCALES,
    DepositError,
    MixedCurrenciesError,
    NoDepositError,
    checkout_locale,
    deposit_total,
    start_deposit_checkout,
    stripe_client,
    stripe_configured,
)
from .events import MalformedEvent, handle_event, parse_event
from .sync import SESSION_EXPAND, refresh_from_stripe, sync_payment_from_session

__all__ = [
    "CHECKOUT_LOCALES",
    "SESSION_EXPAND",
    "DepositError",
    "MalformedEvent",
    "MixedCurrenciesError",
    "NoDepositError",
    "checkout_locale",
    "deposit_total",
    "handle_event",
    "parse_event",
    "refresh_from_stripe",
    "start_deposit_checkout",
    "stripe_client",
    "stripe_configured",
    "sync_payment_from_session",
]
