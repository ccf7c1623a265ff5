"""Form pieces shared by the public forms (enquiries, reviews)."""

import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several uploads in one field, each checked by `validate_file`.

    Every bad file is reported, not only the first, so a buyer fixes them in one go.
    Subclasses set `max_files` and `too_many_message` (with a %(count)s parameter).
    """

    max_files = 5
    too_many_message = ""
    too_many_code = "file_count"
    input_attrs: dict = {}

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs=dict(self.input_attrs)))
        super().__init__(*args, **kwargs)

    def validate_file(self, upload) -> None:
        """Raise ValidationError when one upload is not acceptable."""

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        if len(files) > self.max_files:
            raise ValidationError(
                self.too_many_message, code=self.too_many_code, params={"count": self.max_files}
            )
        cleaned, errors = [], []
        for upload in files:
            try:
                cleaned.append(super().clean(upload, initial))
                self.validate_file(upload)
            except ValidationError as error:
                errors.extend(error.error_list)
        if errors:
            raise ValidationError(errors)
        return cleaned


# Bidirectional overrides, embeddings and isolates: they reorder how text is shown
# ("Trojan source"), so a name can display as something else in the inbox.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Zero-width (non-)joiners shape Persian, Arabic and Indic words correctly: kept.
JOINERS = frozenset("\u200c\u200d")
LINE_BREAKS = "\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029"


def clean_line(value: str) -> str:
    """One line of plain text: no control or format characters, single spaces.

    Line breaks and tabs become spaces (a name or a subject line has no second
    line, and a newline in an email header is refused by Django); control and
    invisible format characters (NUL, bidi overrides, zero-width spaces, BOM)
    are dropped, except the joiners that some scripts need.
    """
    value = unicodedata.normalize("NFC", value)
    kept = []
    for char in value:
        if char in LINE_BREAKS or char == "\t":
            kept.append(" ")
        elif unicodedata.category(char) in {"Cc", "Cf", "Cs", "Co", "Cn"} and char not in JOINERS:
            continue
        else:
            kept.append(char)
    return " ".join("".join(kept).split())


def clean_text(value: str) -> str:
    """Several lines of plain text: line breaks kept as \\n, other controls dropped."""
    value = unicodedata.normalize("NFC", value).replace("\r\n", "\n")
    kept = []
    for char in value:
        if char in LINE_BREAKS:
            kept.append("\n")
        elif char == "\t" or (
            unicodedata.category(char) not in {"Cc", "Cs", "Co", "Cn"} and char not in BIDI_CONTROLS
        ):
            kept.append(char)
    return "".join(kept).strip()


def has_visible_text(value: str) -> bool:
    """True when something a reader can see is left: a letter, digit, mark or symbol."""
    return any(unicodedata.category(char)[0] in "LNMPS" for char in value)


class SingleLineField(forms.CharField):
    """A one-line text field (a name, a title) stored clean; see `clean_line`.

    A value made only of spaces, line breaks and invisible characters is refused
    with its own message, also when the field is optional: the buyer typed
    something, and silently storing nothing would lose it.
    """

    default_error_messages = {
        "invisible": _("Enter letters or numbers: only spaces or invisible characters were found."),
    }

    def to_python(self, value):
        raw = super().to_python(value)
        if raw in self.empty_values:
            return raw
        cleaned = clean_line(raw)
        if not has_visible_text(cleaned):
            raise ValidationError(self.error_messages["invisible"], code="invisible")
        return cleaned


class MultiLineTextField(forms.CharField):
    """A message or an address: line breaks kept, other control characters dropped."""

    default_error_messages = SingleLineField.default_error_messages

    def to_python(self, value):
        raw = super().to_python(value)
        if raw in self.empty_values:
            return raw
        cleaned = clean_text(raw)
        if not has_visible_text(cleaned):
            raise ValidationError(self.error_messages["invisible"], code="invisible")
        return cleaned
