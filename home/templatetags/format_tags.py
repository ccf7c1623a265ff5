"""Numbers and money amounts written the way the page's language writes them (CLDR, via Babel).

Dates need nothing here: Django's `date` filter with "DATE_FORMAT" already follows the
active language (every site language has Django locale formats). Django has no currency
formatting at all, and its number formats disagree with CLDR for some languages (Arabic
uses "," as the decimal separator there), so numbers and amounts both go through Babel
and a page never mixes two conventions.

Arabic pages use Latin digits ("‏12.50 US$"), which is also CLDR's default numbering
system for `ar`: B2B buyers paste prices and quantities into spreadsheets and ERPs, model
numbers, HS codes and dates (Django) are in Latin digits too, and many Gulf and Maghreb
trade sites write them this way. Pinning `numbering_system` keeps that choice if CLDR's
default ever changes.
"""

from decimal import Decimal, InvalidOperation
from functools import lru_cache

from babel import Locale
from babel.numbers import format_currency, format_decimal
from django import template
from django.conf import settings
from django.utils.translation import get_language, to_locale

register = template.Library()

NUMBERING_SYSTEM = "latn"
LRM = "\u200e"


@lru_cache(maxsize=32)
def _locale(language: str) -> Locale:
    return Locale.parse(to_locale(language))


def babel_locale(language: str | None = None) -> Locale:
    """The Babel locale of `language`, or of the active language."""
    return _locale(language or get_language() or settings.LANGUAGE_CODE)


def _decimal(value) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def format_money(amount, currency: str, language: str | None = None) -> str:
    """`amount` in `currency` (ISO 4217), with the currency's usual decimals (JPY has none)."""
    value = _decimal(amount)
    if value is None or not currency:
        return ""
    locale = babel_locale(language)
    text = format_currency(
        value, currency.upper(), locale=locale, numbering_system=NUMBERING_SYSTEM
    )
    if locale.character_order == "right-to-left":
        # CLDR puts the symbol last ("‏12.50 US$"); in right-to-left text the
        # neutral "$" then drifts away from "US" and reads "$US". A closing
        # left-to-right mark keeps the symbol in one piece.
        text += LRM
    return text


def format_money_range(low, high, currency: str, language: str | None = None) -> str:
    """Both ends as full amounts ("$12.50 – $18.00"), joined with CLDR's range pattern."""
    if high is None or _decimal(high) == _decimal(low):
        return format_money(low, currency, language)
    locale = babel_locale(language)
    pattern = locale.interval_formats.get(None, "{0}–{1}")
    return pattern.format(
        format_money(low, currency, language), format_money(high, currency, language)
    )


def format_number(value, decimals: int | str | None = None, language: str | None = None) -> str:
    """A number with the language's separators.

    `decimals` reads like Django's floatformat: 2 → always two decimals, -1 → at most one
    (4.5, 4), None → as many as the value has (up to three).
    """
    number = _decimal(value)
    if number is None:
        return ""
    pattern = None
    if decimals not in (None, ""):
        places = int(decimals)
        fraction = ("0" if places >= 0 else "#") * abs(places)
        pattern = "#,##0" + (f".{fraction}" if fraction else "")
    return format_decimal(
        number,
        format=pattern,
        locale=babel_locale(language),
        numbering_system=NUMBERING_SYSTEM,
    )


@register.filter
def money(amount, currency):
    """{{ product.sample_deposit|money:product.sample_currency }}"""
    return format_money(amount, currency)


@register.simple_tag
def money_range(low, high, currency):
    """{% money_range product.price_min product.price_max product.price_currency %}"""
    return format_money_range(low, high, currency)


@register.filter
def number(value, decimals=None):
    """{{ page.moq|number }}, {{ average|number:"-1" }}"""
    return format_number(value, decimals)
