"""Catch up on webhooks Stripe could not deliver: ask it about each open deposit.

Pending deposits are checked for payment or expiry, and paid ones (fully or
partly refunded included) for refunds, for as long as Stripe lets a payment be
refunded (`--refund-days`). Run it from cron every few minutes or hourly; `-v 0`
keeps it silent unless something fails, and the exit status is non-zero if
Stripe could not be asked.
"""

from datetime import timedelta

import stripe
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext

from enquiries.models import Payment, PaymentStatus
from enquiries.payments import refresh_from_stripe, stripe_client, stripe_configured
from enquiries.payments.sync import locked_payments

# A session that never got an id is abandoned by then: the buyer was sent back
# to the site with the order saved, and no webhook can match it any more.
ORPHAN_AFTER = timedelta(hours=1)
# Stripe can still refund these, from its dashboard or API, without telling us
# but by a webhook that may not arrive.
REFUNDABLE_STATUSES = (PaymentStatus.PAID, PaymentStatus.PARTIALLY_REFUNDED)


class Command(BaseCommand):
    help = "Update sample deposits from Stripe (payments, expiry, refunds) for missed webhooks."

    def add_arguments(self, parser):
        parser.add_argument(
            "--min-age",
            type=int,
            default=5,
            metavar="MINUTES",
            help="Skip payments younger than this: their buyer may still be paying (default 5).",
        )
        parser.add_argument(
            "--refund-days",
            type=int,
            default=180,
            metavar="DAYS",
            help="Check paid deposits for refunds this many days after payment (default 180).",
        )

    def handle(self, *args, min_age, refund_days, **options):
        verbosity = options["verbosity"]
        if not stripe_configured():
            # Not an error for cron: without a key no deposit is ever requested.
            if verbosity:
                self.stdout.write(
                    "Stripe is not configured (STRIPE_SECRET_KEY is empty): "
                    "no payments to reconcile."
                )
            return

        now = timezone.now()
        pending = Payment.objects.filter(
            status=PaymentStatus.PENDING, created_at__lt=now - timedelta(minutes=min_age)
        )
        paid = Payment.objects.filter(status__in=REFUNDABLE_STATUSES).filter(
            Q(paid_at__gte=now - timedelta(days=refund_days))
            | Q(paid_at=None, created_at__gte=now - timedelta(days=refund_days))
        )
        to_check = (pending | paid).exclude(stripe_session_id=None).select_related("lead")
        client = stripe_client()
        counts = {"checked": 0, "updated": 0, "unchanged": 0, "errors": 0, "orphaned": 0}

        for payment in to_check.order_by("created_at"):
            counts["checked"] += 1
            try:
                changed = refresh_from_stripe(payment, client)
            except stripe.StripeError as error:
                counts["errors"] += 1
                self.stderr.write(f"Payment {payment.pk} ({payment.stripe_session_id}): {error}")
                continue
            counts["updated" if changed else "unchanged"] += 1
            if changed and verbosity >= 2:
                self.stdout.write(
                    f"Payment {payment.pk} ({payment.lead.reference}): {payment.status}"
                )

        orphans = pending.filter(stripe_session_id=None, created_at__lt=now - ORPHAN_AFTER)
        for payment_id in orphans.values_list("pk", flat=True):
            with transaction.atomic():
                payment = locked_payments().get(pk=payment_id)
                # A webhook may have found its session meanwhile.
                if payment.stripe_session_id is None and payment.advance_to(
                    PaymentStatus.FAILED,
                    error=gettext("No Checkout Session was ever created at Stripe."),
                ):
                    payment.save()
                    counts["orphaned"] += 1

        if verbosity:
            self.stdout.write(
                "Reconciled {checked} payment(s): {updated} updated, "
                "{unchanged} unchanged, {errors} error(s); "
                "{orphaned} without a Checkout Session marked failed.".format(**counts)
            )
        if counts["errors"]:
            raise CommandError(f"Stripe could not be asked about {counts['errors']} payment(s).")
