"""One-line and multi-line text from the public forms is stored clean, or refused clearly."""

import unicodedata

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from home.forms import (
    BIDI_CONTROLS,
    JOINERS,
    MultiLineTextField,
    SingleLineField,
    clean_line,
    clean_text,
)

HOSTILE = st.text(
    alphabet=st.one_of(
        st.characters(),
        st.sampled_from(
            "\x00\r\n\t\v\x85\u2028\u2029\u200b\u200c\u200d\u200e\u202e\u2066\u2069\ufeff\u00a0 "
        ),
    ),
    max_size=200,
)


@given(HOSTILE)
def test_clean_line_is_one_visible_line(value):
    cleaned = clean_line(value)
    assert clean_line(cleaned) == cleaned
    assert cleaned == cleaned.strip() and "  " not in cleaned
    for char in cleaned:
        assert unicodedata.category(char) not in {"Cc", "Cs", "Co", "Cn", "Zl", "Zp"}
        assert unicodedata.category(char) != "Cf" or char in JOINERS


@given(HOSTILE)
def test_clean_text_keeps_lines_and_drops_controls(value):
    cleaned = clean_text(value)
    assert clean_text(cleaned) == cleaned
    assert "\r" not in cleaned and not (set(cleaned) & BIDI_CONTROLS)
    for char in cleaned:
        assert char in "\n\t" or unicodedata.category(char) not in {"Cc", "Cs", "Co", "Cn"}


@given(HOSTILE)
def test_single_line_field_stores_visible_text_or_refuses(value):
    field = SingleLineField(max_length=120, required=False)
    try:
        cleaned = field.clean(value)
    except ValidationError as error:
        codes = {e.code for e in error.error_list}
        assert codes <= {"invisible", "max_length", "null_characters_not_allowed"}
        return
    assert cleaned == "" or cleaned == clean_line(cleaned)
    assert len(cleaned) <= 120


@pytest.mark.parametrize(
    "value",
    ["\u200b\u200b", "\u202e\u202d", "\ufeff", "\u2066\u2069", "\u200e \u200f", "\u200b\n\u200b"],
)
def test_a_name_of_invisible_characters_is_refused_with_a_translated_message(value):
    field = SingleLineField(max_length=120, required=False)
    with pytest.raises(ValidationError) as refused:
        field.clean(value)
    (error,) = refused.value.error_list
    assert error.code == "invisible"
    english = str(error.message)
    with translation.override("es"):
        assert str(error.message) != english


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("Smith & Sons\r\nLtd", "Smith & Sons Ltd"),
        ("\u202eevil\u202c Corp", "evil Corp"),
        ("Ana\u200b García", "Ana García"),
        ("می\u200cخواهم", "می\u200cخواهم"),  # Persian needs its zero-width non-joiner
        ("Bright\tand\x00 reliable", "Bright and reliable"),
    ],
)
def test_one_line_values_are_stored_as_one_clean_line(raw, stored):
    assert SingleLineField(max_length=120).clean(raw) == stored


def test_messages_keep_their_lines_but_lose_bidi_overrides():
    field = MultiLineTextField(max_length=5000)
    assert field.clean("Line one\r\nLine \u202etwo\u2028three") == "Line one\nLine two\nthree"
