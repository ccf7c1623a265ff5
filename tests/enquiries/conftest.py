from dataclasses import dataclass
from decimal import Decimal

import pytest
from django_recaptcha.client import RecaptchaResponse

from tests.conftest import translate
from tests.enquiries.conftest_stripe import fake_stripe, signed_webhook, stripe_settings  # noqa: F401
from tests.factories import EnquiryPageFactory
from tests.products.conftest import attributes, catalog, images  # noqa: F401 - fixtures


@dataclass
class FakeRecaptcha:
    """What Google answers for the next form posts: valid, with this v3 score."""

    score: float | None = 0.9
    valid: bool = True
    calls: int = 0


@pytest.fixture(autouse=True)
def recaptcha(monkeypatch):
    """The one bypass for reCAPTCHA: answer Google's side of the check, never the network.

    Forms still carry and validate the field; set `recaptcha.score` or
    `recaptcha.valid` to test low scores and rejected tokens.
    """
    fake = FakeRecaptcha()

    def submit(recaptcha_response, private_key, remoteip):
        fake.calls += 1
        extra = {"score": fake.score, "action": "enquiry"} if fake.score is not None else {}
        return RecaptchaResponse(
            is_valid=fake.valid and recaptcha_response == "token",
            error_codes=[] if fake.valid else ["invalid-input-response"],
            extra_data=extra,
        )

    monkeypatch.setattr("enquiries.forms.recaptcha_client.submit", submit)
    return fake


@pytest.fixture
def shop(catalog, locales):  # noqa: F811 - `catalog` is the imported fixture
    """The catalog with an enquiry page in en/es/ar; the first two products have samples."""
    products = catalog["products"]
    for product, deposit in zip(products[:2], ("80.00", "45.50"), strict=True):
        product.samples_available = True
        product.sample_deposit = Decimal(deposit)
        product.sample_currency = "USD"
        product.save_revision().publish()
    enquiry = EnquiryPageFactory(parent=catalog["home"], slug="request-a-quote")
    translated = {"en": enquiry}
    for code in ("es", "ar"):
        translated[code] = translate(enquiry, locales[code], title=f"Enquiry {code}")
    return {**catalog, "enquiry": translated}


def buyer_data(**overrides) -> dict:
    """A complete, valid buyer part of an enquiry or sample-order POST."""
    import uuid

    data = {
        "name": "Ana García",
        "company": "Iluminación Ibérica S.L.",
        "email": "ana@iberica.example",
        "phone": "+34 600 123 456",
        "country": "ES",
        "consent": "on",
        "website": "",
        "form_token": str(uuid.uuid4()),
        "captcha": "token",
    }
    data.update(overrides)
    return data


def lines_data(products, prefix="lines", **per_line) -> dict:
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(products)),
        f"{prefix}-INITIAL_FORMS": str(len(products)),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "50",
    }
    for index, product in enumerate(products):
        data[f"{prefix}-{index}-product"] = str(product.pk)
        if prefix == "lines":
            data[f"{prefix}-{index}-quantity"] = "500"
            data[f"{prefix}-{index}-unit"] = "pieces"
            data[f"{prefix}-{index}-incoterm"] = "FOB"
            data[f"{prefix}-{index}-destination"] = "Valencia"
        for key, value in per_line.items():
            data[f"{prefix}-{index}-{key}"] = value
    return data
