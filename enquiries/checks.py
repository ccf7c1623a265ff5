"""System checks for the enquiries app's deployment settings."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def stripe_webhook_secret_check(app_configs, **kwargs):
    """Deposits are requested but no webhook can be verified: payments would stay pending."""
    if getattr(settings, "STRIPE_SECRET_KEY", "") and not getattr(
        settings, "STRIPE_WEBHOOK_SECRET", ""
    ):
        return [
            Warning(
                "STRIPE_SECRET_KEY is set but STRIPE_WEBHOOK_SECRET is empty.",
                hint=(
                    "Without the webhook signing secret every Stripe event is refused, so "
                    "deposits stay pending until reconcile_payments runs. Set it to the "
                    "endpoint's whsec_... secret from the Stripe dashboard."
                ),
                id="enquiries.W001",
            )
        ]
    return []
