"""Correctly signed but oddly shaped webhook bodies: 400 and a log line, never a 500.

A 500 is what Stripe retries for days; it is kept for real failures. Whatever a
signed body looks like, the answer is below 500 and nothing half-stored remains.
"""

import json
import logging

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from enquiries.models import Payment, PaymentStatus, StripeEvent
from tests.enquiries import conftest_stripe
from tests.enquiries.conftest_stripe import load_event, make_sample_lead, session_event

signed_webhook = conftest_stripe.signed_webhook

pytestmark = pytest.mark.django_db

PAYMENT_INTENT = "pi_3QxYzAbCdEfGhIj01kLmNoPq"


@pytest.fixture
def payment():
    return Payment.objects.create(
        lead=make_sample_lead(("80.00", "USD")),
        amount=8000,
        currency="USD",
        idempotency_key="deposit-shapes-test",
        stripe_session_id="cs_test_shapes_0001",
    )


def completed_with(payment, **top_level) -> str:
    event = session_event("checkout_session_completed", payment)
    event.update(top_level)
    return json.dumps(event)


MALFORMED = {
    "an array": lambda p: json.dumps([session_event("checkout_session_completed", p)]),
    "a string": lambda p: json.dumps("evt_1"),
    "null": lambda p: "null",
    "no id": lambda p: completed_with(p, id=None),
    "an empty id": lambda p: completed_with(p, id=""),
    "a numeric id": lambda p: completed_with(p, id=12345),
    "an id over 255 characters": lambda p: completed_with(p, id="evt_" + "x" * 252),
    "no type": lambda p: completed_with(p, type=None),
    "a type over 100 characters": lambda p: completed_with(p, type="checkout." + "x" * 100),
    "data a list": lambda p: completed_with(p, data=[{"object": {}}]),
    "data a string": lambda p: completed_with(p, data="cs_test"),
    "no data": lambda p: completed_with(p, data=None),
    "data.object a list": lambda p: completed_with(p, data={"object": []}),
    "data.object a number": lambda p: completed_with(p, data={"object": 3}),
    "NaN": lambda p: completed_with(p, created=float("nan")),
    "a number too large for a float": lambda p: completed_with(p).replace(
        '"created": 1764063100', '"created": 1e400'
    ),
    "a NUL character": lambda p: completed_with(p, note="a\x00b"),
    "a lone surrogate": lambda p: completed_with(p).replace(
        '"object": "event"', '"object": "\\ud800"'
    ),
    "nesting 70 deep": lambda p: completed_with(p, deep=json.loads("[" * 70 + "]" * 70)),
    "nesting far too deep": lambda p: '{"id": "evt_1", "x": ' + "[" * 5000 + "]" * 5000 + "}",
    "an integer with 5000 digits": lambda p: completed_with(p).replace(
        '"created": 1764063100', '"created": ' + "9" * 5000
    ),
    "not UTF-8": lambda p: completed_with(p).encode().replace(b"Anna", b"\xff\xfe"),
}


@pytest.mark.parametrize("shape", MALFORMED)
def test_signed_malformed_event_is_400_and_logged(signed_webhook, payment, caplog, shape):
    body = MALFORMED[shape](payment)

    with caplog.at_level(logging.WARNING, logger="enquiries.webhooks"):
        response = signed_webhook(body)

    assert response.status_code == 400
    assert [r.levelno for r in caplog.records if r.name == "enquiries.webhooks"] == [
        logging.WARNING
    ]
    assert not StripeEvent.objects.exists()
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PENDING


@pytest.mark.parametrize(
    "fields",
    [
        {"id": {"nested": "cs_test_shapes_0001"}},
        {"id": ["cs_test_shapes_0001"]},
        {"id": "cs_" + "x" * 300, "metadata": {"payment_id": "1", "lead_reference": "Q-X"}},
        {"metadata": ["payment_id"], "id": "cs_unknown"},
        {"metadata": {"payment_id": "²", "lead_reference": "Q-X"}, "id": "cs_unknown"},
        {"metadata": {"payment_id": "9" * 40, "lead_reference": "Q-X"}, "id": "cs_unknown"},
        {"metadata": {"payment_id": 1, "lead_reference": {"a": 1}}, "id": "cs_unknown"},
        {"payment_intent": {"id": ["pi"], "status": ["canceled"]}},
        {"payment_intent": 42, "status": ["complete"], "payment_status": {"paid": True}},
        {"payment_intent": "pi_" + "x" * 300},
        {"livemode": "yes", "url": "https://x.example/" + "a" * 2000},
    ],
)
def test_odd_fields_in_a_session_event_answer_without_a_500(signed_webhook, payment, fields):
    event = session_event("checkout_session_completed", payment, **fields)

    response = signed_webhook(event)

    assert response.status_code == 200
    assert StripeEvent.objects.filter(event_id=event["id"]).exists()


@pytest.mark.parametrize(
    "fields",
    [
        {"payment_intent": ["pi"]},
        {"payment_intent": None},
        {"amount_refunded": "8000", "refunded": "true"},
        {"amount_refunded": -5, "refunded": 1},
        {"amount_refunded": 10**20},
        {"amount_refunded": True},
        {"amount_refunded": 12.5},
    ],
)
def test_odd_fields_in_a_refund_answer_without_a_500(signed_webhook, payment, fields):
    Payment.objects.filter(pk=payment.pk).update(
        status=PaymentStatus.PAID, stripe_payment_intent_id=PAYMENT_INTENT
    )
    event = load_event("charge_refunded", payment_intent=PAYMENT_INTENT, refunded=False)
    event["data"]["object"].update(fields)

    response = signed_webhook(event)

    assert response.status_code == 200
    payment.refresh_from_db()
    assert payment.amount_refunded <= payment.amount


# --- Property: any signed JSON body -------------------------------------------------

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
event_types = st.sampled_from(
    [
        "checkout.session.completed",
        "checkout.session.async_payment_succeeded",
        "checkout.session.async_payment_failed",
        "checkout.session.expired",
        "charge.refunded",
        "customer.created",
    ]
) | st.text(max_size=120)
# Values that reach our payment, so the handlers run past the lookup.
known = st.sampled_from(
    ["cs_test_shapes_0001", PAYMENT_INTENT, "complete", "expired", "paid", "canceled"]
)
data_objects = st.fixed_dictionaries(
    {},
    optional={
        "id": known | json_values,
        "status": known | json_values,
        "payment_status": known | json_values,
        "payment_intent": known | json_values | st.fixed_dictionaries({"id": known}),
        "metadata": json_values
        | st.fixed_dictionaries(
            {"payment_id": st.text(max_size=20) | json_values, "lead_reference": json_values}
        ),
        "amount_refunded": json_values,
        "refunded": json_values,
        "livemode": json_values,
        "url": json_values,
    },
)
events = st.fixed_dictionaries(
    {},
    optional={
        "id": st.text(max_size=300) | json_values,
        "type": event_types | json_values,
        "data": st.fixed_dictionaries({}, optional={"object": data_objects | json_values})
        | json_values,
        "object": json_values,
    },
)
bodies = events | json_values


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(body=bodies)
def test_any_signed_json_body_is_answered_below_500(signed_webhook, payment, body):
    response = signed_webhook(json.dumps(body))

    assert response.status_code < 500
    payment.refresh_from_db()
    assert 0 <= payment.amount_refunded <= payment.amount
