"""Money, numbers and dates as each language writes them (CLDR through Babel; Django dates).

The expected strings are CLDR's: "12,50 US$" in Spanish, "$12.50" in English, Latin
digits with a right-to-left mark in Arabic. \xa0 is a no-break space, \u2009 a thin
space (CLDR's range pattern), \u200f the right-to-left mark that keeps an Arabic amount
in order.
"""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.template import Context, Template
from django.utils import translation
from wagtail.models import Locale

from enquiries.tasks import send_lead_emails
from home.templatetags.format_tags import format_money, format_money_range, format_number
from tests.conftest import translate
from tests.enquiries.factories import LeadFactory, LeadLineFactory
from tests.products.conftest import attributes, catalog, images, translated_catalog  # noqa: F401

RLM = "\u200f"
LRM = "\u200e"


def render(source: str, language: str, **context) -> str:
    with translation.override(language):
        return Template("{% load format_tags %}" + source).render(Context(context))


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "$12.50"),
        ("es", "12,50\xa0US$"),
        ("de", "12,50\xa0$"),
        ("ar", f"{RLM}12.50\xa0US${LRM}"),
        ("zh-hans", "US$12.50"),
    ],
)
def test_money_filter_follows_the_active_language(language, expected):
    assert render("{{ amount|money:currency }}", language, amount="12.5", currency="USD") == (
        expected
    )


@pytest.mark.parametrize(
    ("language", "euros", "yen"),
    [
        ("en", "€1,234.50", "¥45"),
        ("es", "1.234,50\xa0€", "45\xa0JPY"),
        ("de", "1.234,50\xa0€", "45\xa0¥"),
        ("ar", f"{RLM}1,234.50\xa0€{LRM}", f"{RLM}45\xa0JP¥{LRM}"),
        ("zh-hans", "€1,234.50", "JP¥45"),
    ],
)
def test_money_uses_grouping_and_the_currency_s_own_decimals(language, euros, yen):
    # The yen has no minor unit: a 45 JPY sample deposit never reads "45.00".
    assert format_money(Decimal("1234.5"), "eur", language) == euros
    assert format_money(45, "JPY", language) == yen


def test_money_is_empty_without_an_amount_or_a_currency():
    assert format_money(None, "USD", "en") == ""
    assert format_money("", "USD", "en") == ""
    assert format_money("12", "", "en") == ""


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "$12.50\u2009–\u2009$18.00"),
        ("de", "12,50\xa0$\u2009–\u200918,00\xa0$"),
        ("ar", f"{RLM}12.50\xa0US${LRM} – {RLM}18.00\xa0US${LRM}"),
    ],
)
def test_a_price_range_shows_both_amounts(language, expected):
    assert format_money_range("12.50", "18.00", "USD", language) == expected
    # One price when both ends are equal or there is no upper end.
    assert format_money_range("12.50", "12.5", "USD", language) == format_money(
        "12.50", "USD", language
    )
    assert format_money_range("12.50", None, "USD", language) == format_money(
        "12.50", "USD", language
    )


@pytest.mark.parametrize(
    ("language", "quantity", "average"),
    [
        ("en", "12,000", "4.5"),
        ("es", "12.000", "4,5"),
        ("de", "12.000", "4,5"),
        # Latin digits on Arabic pages, like the prices and Django's dates.
        ("ar", "12,000", "4.5"),
        ("zh-hans", "12,000", "4.5"),
    ],
)
def test_number_filter(language, quantity, average):
    assert render("{{ moq|number }}", language, moq=12000) == quantity
    assert render('{{ avg|number:"-1" }}', language, avg=4.5) == average
    assert render('{{ avg|number:"-1" }}', language, avg=Decimal("4.0")) == "4"
    assert format_number("2.5", 2, language).endswith("50")


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Jan. 1, 2030"),
        ("es", "1 de enero de 2030"),
        ("de", "1. Januar 2030"),
        ("ar", "1 يناير، 2030"),
        ("zh-hans", "2030年1月1日"),
        ("ru", "1 января 2030 г."),
    ],
)
def test_dates_use_the_language_s_date_format(language, expected):
    # Django's own locale formats: what the certificate, blog and review templates use.
    assert render('{{ day|date:"DATE_FORMAT" }}', language, day=datetime.date(2030, 1, 1)) == (
        expected
    )


@pytest.fixture
def priced_catalog(catalog):  # noqa: F811 - the imported fixture
    product = catalog["products"][0]
    product.price_policy = product.PRICE_RANGE
    product.price_min, product.price_max, product.price_currency = "12.50", "18.00", "USD"
    product.price_unit = "piece"
    product.samples_available, product.sample_deposit, product.sample_currency = (
        True,
        Decimal("45.00"),
        "EUR",
    )
    product.moq, product.moq_unit = 12000, "pieces"
    product.lead_time_min_days, product.lead_time_max_days = 15, 20
    product.save_revision().publish()
    return catalog


def german(pages):
    """The product's branch translated into German (prices are copied with it)."""
    locale, _created = Locale.objects.get_or_create(language_code="de")
    translate(pages["home"], locale, slug="startseite")
    translate(pages["index"], locale, title="Produkte")
    translate(pages["category"], locale, title="Hallenstrahler")
    return translate(pages["products"][0], locale)


def test_product_page_in_german_shows_cldr_prices_numbers_and_a_plural_lead_time(
    client, priced_catalog
):
    html = client.get(german(priced_catalog).url).content.decode()

    assert "12,50\xa0$\u2009–\u200918,00\xa0$ / piece" in html
    assert "Verfügbar, Anzahlung 45,00\xa0€" in html
    assert "<bdi>12.000 pieces</bdi>" in html
    assert "<bdi>15–20</bdi> Tage" in html


def test_product_page_in_english_and_a_one_day_lead_time(client, priced_catalog):
    product = priced_catalog["products"][0]
    html = client.get(product.url).content.decode()
    assert "$12.50\u2009–\u2009$18.00 / piece" in html and "deposit €45.00" in html
    assert "<bdi>15–20</bdi> days" in html

    product.lead_time_min_days, product.lead_time_max_days = 1, None
    product.save_revision().publish()
    assert "<bdi>1</bdi> day<" in client.get(product.url).content.decode()


def test_certificate_validity_is_a_spanish_date_on_the_spanish_page(
    client,
    translated_catalog,  # noqa: F811 - the imported fixture
):
    html = client.get(translated_catalog["es"]["ce"].url).content.decode()
    assert '<time datetime="2030-01-01">1 de enero de 2030</time>' in html


def test_sample_order_acknowledgement_shows_the_deposit_in_the_buyer_s_language(db):
    lead = LeadFactory(lead_type="sample", language="es")
    LeadLineFactory(lead=lead, sku="LM-HB-100", sample_deposit=Decimal("80"), sample_currency="USD")

    assert send_lead_emails.call(lead.pk) == "sent"

    acknowledgement = mail.outbox[-1]
    assert acknowledgement.to == [lead.email]
    assert "(LM-HB-100): depósito por muestra 80,00\xa0US$" in acknowledgement.body
