"""Sample orders: the lead is saved first, then the buyer goes to Stripe Checkout."""

from decimal import Decimal

import pytest

from enquiries.models import Lead, LeadType, PaymentStatus
from tests.enquiries.conftest import buyer_data, lines_data

pytestmark = pytest.mark.django_db


def sample_url(shop, language="en"):
    page = shop["enquiry"][language]
    return page.url + page.reverse_subpage("sample_order")


def post_sample_order(client, shop, products, language="en", **buyer):
    buyer.setdefault("shipping_address", "Calle Mayor 1\n46001 Valencia\nSpain")
    data = {
        **buyer_data(**buyer),
        **lines_data(products, prefix="samples"),
    }
    return client.post(sample_url(shop, language), data)


def test_product_page_links_to_the_sample_order_with_the_deposit(client, shop):
    product = shop["products"][0]
    page = client.get(product.url).content.decode()
    assert 'id="order-sample"' in page

    form = client.get(f"{sample_url(shop)}?product={product.pk}").content.decode()
    assert product.sku in form and "$80.00" in form
    # A product without samples has no such button.
    assert 'id="order-sample"' not in client.get(shop["products"][2].url).content.decode()


def test_sample_order_goes_to_stripe_checkout_after_the_lead_is_saved(
    client, shop, stripe_settings, fake_stripe
):
    products = shop["products"][:2]

    response = post_sample_order(client, shop, products, language="es")

    lead = Lead.objects.get()
    payment = lead.payments.get()
    assert lead.lead_type == LeadType.SAMPLE and lead.shipping_address.startswith("Calle Mayor")
    assert response.status_code == 302 and response["Location"] == payment.checkout_url
    assert payment.status == PaymentStatus.PENDING
    assert (payment.amount, payment.currency) == (12550, "USD")  # 80.00 + 45.50
    (request,) = fake_stripe.session_requests()
    assert request.params["metadata"]["lead_reference"] == lead.reference
    assert request.params["locale"] == "es"
    assert request.params["success_url"].endswith(
        "/deposit/return/?session_id={CHECKOUT_SESSION_ID}"
    )


def test_buyer_back_from_checkout_sees_the_payment_state(
    client, shop, stripe_settings, fake_stripe
):
    post_sample_order(client, shop, shop["products"][:1])
    payment = Lead.objects.get().payments.get()
    page = shop["enquiry"]["en"]
    back = page.url + page.reverse_subpage("deposit_return")

    waiting = client.get(back, {"session_id": payment.stripe_session_id})
    assert "We are confirming your payment" in waiting.content.decode()

    payment.advance_to(PaymentStatus.PAID)
    payment.save()
    paid = client.get(back, {"session_id": payment.stripe_session_id})
    assert "Deposit received" in paid.content.decode()
    cancelled = client.get(back, {"cancelled": "1"})
    assert "Payment cancelled" in cancelled.content.decode()


def test_buyer_back_before_the_webhook_gets_the_state_from_stripe(
    client, shop, stripe_settings, fake_stripe
):
    post_sample_order(client, shop, shop["products"][:1])
    payment = Lead.objects.get().payments.get()
    fake_stripe.complete(payment.stripe_session_id)  # paid; the webhook is late
    page = shop["enquiry"]["en"]

    back = client.get(
        page.url + page.reverse_subpage("deposit_return"),
        {"session_id": payment.stripe_session_id},
    )

    assert "Deposit received" in back.content.decode()
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PAID and payment.stripe_payment_intent_id


def test_without_stripe_keys_the_order_is_kept_and_deposit_not_requested(client, shop):
    response = post_sample_order(client, shop, shop["products"][:1])

    assert response.status_code == 302 and response["Location"].endswith("/thanks/")
    assert Lead.objects.get().payments.get().status == PaymentStatus.NOT_REQUESTED
    thanks = client.get(response["Location"]).content.decode()
    assert "payment details for the sample deposit by email" in thanks


def test_stripe_down_keeps_the_lead_and_tells_the_buyer(client, shop, stripe_settings, fake_stripe):
    fake_stripe.fail(500)

    response = post_sample_order(client, shop, shop["products"][:1])

    lead = Lead.objects.get()
    assert lead.payments.get().status == PaymentStatus.FAILED
    assert response["Location"].endswith("/thanks/")
    assert "could not open the payment page" in client.get(response["Location"]).content.decode()


def test_mixed_currencies_are_refused_with_a_clear_message(client, shop):
    euro = shop["products"][1]
    euro.sample_currency = "EUR"
    euro.save_revision().publish()

    response = post_sample_order(client, shop, shop["products"][:2])

    assert response.status_code == 200
    assert "different currencies" in response.content.decode()
    assert not Lead.objects.exists()


def test_products_without_samples_cannot_be_ordered(client, shop):
    response = post_sample_order(client, shop, [shop["products"][2]])

    assert response.status_code == 200
    assert "samples available" in response.content.decode()
    assert not Lead.objects.exists()


def test_shipping_address_is_required(client, shop):
    response = post_sample_order(client, shop, shop["products"][:1], shipping_address="")

    assert response.status_code == 200 and not Lead.objects.exists()
    assert Decimal("80.00") == shop["products"][0].sample_deposit


def sales_notification(client, shop, products, **stripe):
    """The sales email of a sample order, sent by the leads worker."""
    from django.core import mail

    from tests.enquiries.test_enquiry_form import run_worker

    post_sample_order(client, shop, products)
    run_worker()
    lead = Lead.objects.get()
    (sales,) = [message for message in mail.outbox if lead.email not in message.to]
    return lead, sales.body


def test_without_stripe_the_form_promises_no_online_payment(client, shop):
    html = client.get(f"{sample_url(shop)}?product={shop['products'][0].pk}").content.decode()

    assert "Continue to payment" not in html
    assert "Stripe" not in html
    assert "Deposit to pay now" not in html
    assert "Send sample order" in html
    assert "we will email you how to pay the deposit" in html
    assert "$80.00" in html  # the buyer still sees what the deposit is


def test_with_stripe_the_form_leads_to_payment(client, shop, stripe_settings, fake_stripe):
    html = client.get(f"{sample_url(shop)}?product={shop['products'][0].pk}").content.decode()

    assert "Continue to payment" in html
    assert "paid securely with Stripe" in html
    assert "Send sample order" not in html


def test_without_stripe_sales_are_told_the_deposit_is_unpaid(client, shop):
    lead, body = sales_notification(client, shop, shop["products"][:2])

    assert lead.payments.get().status == PaymentStatus.NOT_REQUESTED
    assert "Sample deposit: $125.50" in body
    assert "NOT PAID" in body
    assert "online payment is not set up" in body


def test_with_stripe_sales_are_told_the_buyer_went_to_checkout(
    client, shop, stripe_settings, fake_stripe
):
    lead, body = sales_notification(client, shop, shop["products"][:1])

    assert lead.payments.get().status == PaymentStatus.PENDING
    assert "Sample deposit: $80.00" in body
    assert "NOT PAID" not in body
    assert "sent to Stripe to pay" in body


def test_enquiry_notification_says_nothing_about_deposits(client, shop):
    from django.core import mail

    from tests.enquiries.test_enquiry_form import post_enquiry, run_worker

    page = shop["enquiry"]["en"]
    post_enquiry(client, page.url, shop["products"][:1])
    run_worker()

    assert mail.outbox and all("deposit" not in message.body for message in mail.outbox)
