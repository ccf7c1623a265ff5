"""Catalog spreadsheets: read, check and import products; write them back out.

`manage.py import_products` and `manage.py export_products` are thin wrappers
around this module. Both speak one format, so an exported file imports again
with zero changes:

* row 1 holds the column headings (any order, any case); every other non-empty
  row is one product, matched by SKU (case-insensitive) within the language of
  the category the file is imported into;
* `spec:<key>` columns hold specification values, written `value|unit` when the
  unit is not the attribute's default unit;
* a column left out of the file leaves that field of existing products alone,
  so a file with only sku, title, summary and the price columns updates prices.

Every message is a plain English sentence meant for the editor who runs the
import: which row (as the spreadsheet numbers it), which column, what is wrong.
"""

import csv
import datetime
import html
import io
import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.db.models.functions import Lower
from django.utils.text import slugify
from django.utils.translation import get_language_info
from openpyxl.utils import get_column_letter
from wagtail.models import Locale, Page, Site

from home.http import parse_id

from .models import (
    CURRENCY_CHOICES,
    INCOTERM_CHOICES,
    ProductCategoryPage,
    ProductPage,
    ProductSpecification,
    SpecificationAttribute,
)

logger = logging.getLogger(__name__)

SUPPORTED_EXTENSIONS = (".xlsx", ".csv")
SPEC_PREFIX = "spec:"
UNIT_SEPARATOR = "|"

CREATED, UPDATED, UNCHANGED, FAILED = "created", "updated", "unchanged", "failed"


class ImportFileError(Exception):
    """A problem with the whole file (or the command line): nothing was imported."""


class CellError(ValueError):
    """A cell value that cannot be used; the message says why, for the editor."""


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"row {self.row}, column {self.column}" if self.column else f"row {self.row}"
        return f"{where}: {self.message}"


# --- cell values ---------------------------------------------------------------------

KEEP = object()  # a parser's answer for "leave the current value alone"


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def cell_text(value: Any) -> str:
    """Any spreadsheet cell as the text an editor sees in it ('' when empty)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        # Excel shows (and stores) 15 significant digits: 0.1 + 0.2 reads 0.3.
        return format(value, ".15g")
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time():
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return normalize_newlines(str(value)).strip()


def _quoted(text: str, limit: int = 60) -> str:
    shown = text if len(text) <= limit else text[: limit - 1] + "…"
    return f'"{shown}"'


def parse_text(text: str) -> str:
    return text


def parse_line(text: str) -> str:
    if "\n" in text:
        raise CellError("Line breaks are not allowed in this column; keep it on one line.")
    return text


_WHOLE_NUMBER = re.compile(r"\d+(?:\.0)?")
_NUMBER = re.compile(r"\d+(?:\.\d+)?|\.\d+")


def parse_whole_number(text: str) -> int | None:
    if not text:
        return None
    if text.startswith("-") and _NUMBER.fullmatch(text[1:]):
        raise CellError(f"{_quoted(text)} must be 0 or more.")
    if _WHOLE_NUMBER.fullmatch(text):
        return int(text.split(".")[0])
    if re.fullmatch(r"\d{1,3}(?:[,\s.]\d{3})+", text):
        raise CellError(
            f"{_quoted(text)} is not a whole number: leave out the thousands separator, "
            f"e.g. {re.sub(r'[^0-9]', '', text)}."
        )
    raise CellError(f"{_quoted(text)} is not a whole number.")


def decimal_parser(model_field: str) -> Callable[[str], Decimal | None]:
    """A parser for a DecimalField of ProductPage, with its digit limits."""
    field_ = ProductPage._meta.get_field(model_field)
    places, digits = field_.decimal_places, field_.max_digits

    def parse_decimal(text: str) -> Decimal | None:
        if not text:
            return None
        if text.startswith("-") and _NUMBER.fullmatch(text[1:]):
            raise CellError(f"{_quoted(text)} must be 0 or more.")
        if not _NUMBER.fullmatch(text):
            if "," in text and re.search(r"\d", text):
                raise CellError(
                    f"{_quoted(text)} is not a number: use a dot for decimals and no "
                    "thousands separator, e.g. 1234.50."
                )
            raise CellError(
                f"{_quoted(text)} is not a number: write the amount only, e.g. 18.50 "
                "(the currency has its own column)."
            )
        whole, _dot, fraction = text.partition(".")
        if len(fraction.rstrip("0")) > places:
            raise CellError(f"{_quoted(text)} has more than {places} decimal places.")
        if len(whole.lstrip("0")) > digits - places:
            raise CellError(
                f"{_quoted(text)} is too large: at most {digits - places} digits "
                "before the decimal point."
            )
        try:
            return Decimal(text).quantize(Decimal(1).scaleb(-places))
        except InvalidOperation:  # pragma: no cover - the checks above rule it out
            raise CellError(f"{_quoted(text)} is not a number.") from None

    return parse_decimal


_TRUE = {"yes", "y", "true", "1"}
_FALSE = {"no", "n", "false", "0", ""}


def parse_boolean(text: str) -> bool:
    value = text.lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise CellError(f"{_quoted(text)} is not a yes/no value: use yes or no.")


CURRENCY_CODES = [code for code, _label in CURRENCY_CHOICES]
INCOTERM_CODES = [code for code, _label in INCOTERM_CHOICES]


def parse_currency(text: str) -> Any:
    if not text:
        return KEEP  # the product keeps its currency (a new one gets the default)
    code = text.upper()
    if code not in CURRENCY_CODES:
        raise CellError(
            f"{_quoted(text)} is not a supported currency. Use one of: {', '.join(CURRENCY_CODES)}."
        )
    return code


def parse_incoterms(text: str) -> list[str]:
    codes = [code.upper() for code in re.split(r"[\s,;/]+", text) if code]
    unknown = [code for code in codes if code not in INCOTERM_CODES]
    if unknown:
        names = ", ".join(f'"{code}"' for code in unknown)
        verb = "is not an Incoterm" if len(unknown) == 1 else "are not Incoterms"
        raise CellError(f"{names} {verb}. Use any of: {', '.join(INCOTERM_CODES)}.")
    # The admin stores the codes in the order of the choices; so do we.
    return [code for code in INCOTERM_CODES if code in codes]


PRICE_POLICIES = [ProductPage.PRICE_ON_REQUEST, ProductPage.PRICE_RANGE]


def parse_price_policy(text: str) -> str | None:
    if not text:
        return None  # decided from the prices, see parse_row()
    value = re.sub(r"[\s\-]+", "_", text.lower())
    if value not in PRICE_POLICIES:
        raise CellError(f"{_quoted(text)} is not a price policy. Use on_request or range.")
    return value


# --- rich text -------------------------------------------------------------------------

_HTML_TAG = re.compile(r"<(?:/?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?|!--.*?--)>", re.S)
_BLOCKS = {"p", "h2", "h3", "h4", "ul", "ol", "li"}
_INLINE = {"b", "i", "a"}
_VOID = {"br", "hr", "embed"}
_RENAMED = {"strong": "b", "em": "i", "h1": "h2", "h5": "h4", "h6": "h4"}
_DROPPED_WITH_CONTENT = {
    "script",
    "style",
    "head",
    "title",
    "template",
    "iframe",
    "object",
    "noscript",
    "textarea",
    "select",
}
# Block elements outside Wagtail's features: their text becomes separate paragraphs.
_PARAGRAPH_BREAKS = {
    "div",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "nav",
    "blockquote",
    "pre",
    "figure",
    "table",
    "tr",
    "td",
    "th",
    "dl",
    "dt",
    "dd",
}
_SAFE_URL = re.compile(r"(?:https?:|mailto:|tel:|/|#)", re.I)


class _RichTextCleaner(HTMLParser):
    """Keeps the HTML Wagtail's default rich text features produce, drops the rest.

    Output is canonical (fixed attribute order, no Draftail block keys), so two
    descriptions that show the same compare equal, and cleaning twice changes
    nothing.
    """

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.open: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in _DROPPED_WITH_CONTENT:
            self.skipping += 1
            return
        if self.skipping:
            return
        tag = _RENAMED.get(tag, tag)
        if tag in _PARAGRAPH_BREAKS and "p" in self.open:
            self._close("p")
        attributes = self._attributes(tag, dict(attrs))
        if attributes is None:
            return
        if tag in _BLOCKS or tag in {"hr", "embed"}:
            if tag != "li" and "p" in self.open:
                self._close("p")
        elif not self.open:
            self._open("p", "")
        if tag in _VOID:
            self.out.append(f"<{tag}{attributes}/>")
        else:
            self._open(tag, attributes)

    def handle_endtag(self, tag):
        if tag in _DROPPED_WITH_CONTENT:
            self.skipping = max(self.skipping - 1, 0)
            return
        if self.skipping:
            return
        tag = _RENAMED.get(tag, tag)
        if tag in _PARAGRAPH_BREAKS and "p" in self.open:
            self._close("p")
        elif tag in self.open:
            self._close(tag)

    def handle_data(self, data):
        if self.skipping:
            return
        if not data.strip() and (not self.open or self.open[-1] in {"ul", "ol"}):
            return
        if not self.open:
            self._open("p", "")
        self.out.append(html.escape(data, quote=False))

    def result(self) -> str:
        self.close()
        while self.open:
            self.out.append(f"</{self.open.pop()}>")
        return "".join(self.out)

    def _open(self, tag: str, attributes: str) -> None:
        self.open.append(tag)
        self.out.append(f"<{tag}{attributes}>")

    def _close(self, tag: str) -> None:
        while self.open:
            current = self.open.pop()
            self.out.append(f"</{current}>")
            if current == tag:
                return

    @staticmethod
    def _attributes(tag: str, attrs: dict) -> str | None:
        """The attributes to keep, rendered; None drops the tag (its text stays)."""

        def render(*names):
            return "".join(
                f' {name}="{html.escape(attrs[name] or "", quote=True)}"'
                for name in names
                if attrs.get(name) is not None
            )

        if tag == "a":
            linktype = attrs.get("linktype")
            if linktype in {"page", "document"} and parse_id(attrs.get("id")) is not None:
                return render("linktype", "id")
            href = (attrs.get("href") or "").strip()
            if href and _SAFE_URL.match(href):
                attrs["href"] = href
                return render("href")
            return None
        if tag == "embed":
            embedtype = attrs.get("embedtype")
            if embedtype == "image" and parse_id(attrs.get("id")) is not None:
                return render("embedtype", "id", "format", "alt")
            if embedtype == "media" and _SAFE_URL.match(attrs.get("url") or ""):
                return render("embedtype", "url")
            return None
        if tag in _BLOCKS or tag in _INLINE or tag in _VOID:
            return ""
        return None


def clean_rich_text(value: str) -> str:
    cleaner = _RichTextCleaner()
    cleaner.feed(value or "")
    return cleaner.result()


def text_to_rich_text(text: str) -> str:
    """Plain text as paragraphs: a blank line starts a new one, a line break stays."""
    paragraphs = [part for part in re.split(r"\n\s*\n", text) if part.strip()]
    return "".join(
        "<p>"
        + "<br/>".join(html.escape(line.strip(), quote=False) for line in part.strip().split("\n"))
        + "</p>"
        for part in paragraphs
    )


def parse_rich_text(text: str) -> str:
    """A description cell (plain text or simple HTML) as clean rich text."""
    if not text:
        return ""
    if _HTML_TAG.search(text):
        return clean_rich_text(text)
    return text_to_rich_text(text)


def rich_text_cell(value: str) -> str:
    """A stored description for a spreadsheet: plain text when that loses nothing."""
    cleaned = clean_rich_text(value)
    if re.fullmatch(r"(?:<p>(?:[^<]|<br/>)+</p>)+", cleaned):
        paragraphs = re.findall(r"<p>(.*?)</p>", cleaned)
        text = "\n\n".join(html.unescape(p.replace("<br/>", "\n")) for p in paragraphs)
        if parse_rich_text(text) == cleaned:
            return text
    return cleaned


# --- columns ---------------------------------------------------------------------------


def _same_text(current, new) -> bool:
    return normalize_newlines(current or "").strip() == new


def _same_rich_text(current, new) -> bool:
    return clean_rich_text(current or "") == new


def _same_set(current, new) -> bool:
    return set(current or []) == set(new)


def _same(current, new) -> bool:
    return current == new


@dataclass(frozen=True)
class Column:
    name: str
    parse: Callable[[str], Any]
    kind: str = "text"  # how export writes it: text, rich, bool, int, decimal, list
    required: bool = False

    @property
    def same(self) -> Callable[[Any, Any], bool]:
        """Whether the stored value and the parsed one are the same for the editor."""
        return {"text": _same_text, "rich": _same_rich_text, "list": _same_set}.get(
            self.kind, _same
        )


COLUMNS: dict[str, Column] = {
    column.name: column
    for column in [
        Column("sku", parse_line, required=True),
        Column("title", parse_line, required=True),
        Column("summary", parse_text, required=True),
        Column("description", parse_rich_text, "rich"),
        Column("featured", parse_boolean, "bool"),
        Column("moq", parse_whole_number, "int"),
        Column("moq_unit", parse_line),
        Column("lead_time_min_days", parse_whole_number, "int"),
        Column("lead_time_max_days", parse_whole_number, "int"),
        Column("supply_capacity", parse_line),
        Column("packaging", parse_text),
        Column("port_of_loading", parse_line),
        Column("incoterms", parse_incoterms, "list"),
        Column("hs_code", parse_line),
        Column("price_policy", parse_price_policy),
        Column("price_min", decimal_parser("price_min"), "decimal"),
        Column("price_max", decimal_parser("price_max"), "decimal"),
        Column("price_currency", parse_currency),
        Column("price_unit", parse_line),
        Column("samples_available", parse_boolean, "bool"),
        Column("sample_deposit", decimal_parser("sample_deposit"), "decimal"),
        Column("sample_currency", parse_currency),
    ]
}

_SPEC_VALUE_LENGTH = ProductSpecification._meta.get_field("value").max_length
_SPEC_UNIT_LENGTH = ProductSpecification._meta.get_field("unit").max_length


def parse_spec(text: str, attribute: SpecificationAttribute) -> tuple[str, str] | None:
    """`100|W` -> ('100', 'W'); `100` -> ('100', default unit); '' -> None (no value)."""
    if not text:
        return None
    if UNIT_SEPARATOR in text:
        value, unit = (part.strip() for part in text.rsplit(UNIT_SEPARATOR, 1))
    else:
        value, unit = text, attribute.default_unit
    if not value:
        raise CellError(f"{_quoted(text)} has a unit but no value.")
    if "\n" in value or "\n" in unit:
        raise CellError("Line breaks are not allowed in a specification; keep it on one line.")
    if len(value) > _SPEC_VALUE_LENGTH:
        raise CellError(
            f"The value is too long: at most {_SPEC_VALUE_LENGTH} characters (it has {len(value)})."
        )
    if len(unit) > _SPEC_UNIT_LENGTH:
        raise CellError(
            f"The unit {_quoted(unit)} is too long: at most {_SPEC_UNIT_LENGTH} characters."
        )
    return value, unit


def spec_cell(value: str, unit: str, default_unit: str) -> str:
    """The spreadsheet form of a specification, the inverse of parse_spec()."""
    if unit == default_unit and UNIT_SEPARATOR not in value:
        return value
    return f"{value}{UNIT_SEPARATOR}{unit}"


# --- files -----------------------------------------------------------------------------


@dataclass
class Table:
    headings: list[str]
    rows: list[tuple[int, list[str]]]  # (row number as the spreadsheet shows it, cells)


def check_extension(path: Path) -> str:
    extension = path.suffix.lower()
    if extension not in SUPPORTED_EXTENSIONS:
        shown = extension or "(no extension)"
        raise ImportFileError(
            f'Unsupported file type {shown} for "{path.name}": use an Excel workbook (.xlsx) '
            "or a CSV file (.csv). In Excel, choose File > Save As > Excel Workbook (.xlsx)."
        )
    return extension


def read_table(path: Path) -> Table:
    """The headings and the non-empty rows of an .xlsx (first sheet) or .csv file."""
    path = Path(path)
    extension = check_extension(path)
    if not path.is_file():
        raise ImportFileError(f'File not found: "{path}".')
    raw_rows = _read_xlsx(path) if extension == ".xlsx" else _read_csv(path)
    if not raw_rows or not any(cell_text(value) for value in raw_rows[0]):
        raise ImportFileError(
            f'Row 1 of "{path.name}" must hold the column headings '
            f"({', '.join(COLUMNS)}, spec:<key>...), but it is empty."
        )
    headings = [cell_text(value) for value in raw_rows[0]]
    rows = []
    for number, values in enumerate(raw_rows[1:], start=2):
        cells = [cell_text(value) for value in values]
        if any(cells):
            rows.append((number, cells))
    return Table(headings, rows)


def _read_xlsx(path: Path) -> list[tuple]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises zip, XML and key errors for bad files
        raise ImportFileError(
            f'"{path.name}" could not be opened as an Excel workbook: it may be damaged, '
            f"password-protected or not really an .xlsx file ({exc.__class__.__name__})."
        ) from exc
    try:
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # some programs write a wrong (or no) sheet size
        return list(sheet.iter_rows(values_only=True))
    finally:
        workbook.close()


def _read_csv(path: Path) -> list[list[str]]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise ImportFileError(f'"{path}" could not be read: {exc.strerror or exc}.') from exc
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            f'"{path.name}" is not UTF-8 text. In Excel, save it as "CSV UTF-8 (Comma '
            'delimited)", or as an Excel workbook (.xlsx).'
        ) from exc
    first_line = text.split("\n", 1)[0]
    try:
        dialect = csv.Sniffer().sniff(first_line, delimiters=",;")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return list(reader)
    except csv.Error as exc:
        raise ImportFileError(
            f'"{path.name}" is not a valid CSV file (near line {reader.line_num}: {exc}).'
        ) from exc


# --- headings --------------------------------------------------------------------------


def normalize_heading(text: str) -> str:
    text = text.strip().lower()
    prefix, colon, key = text.partition(":")
    if colon and prefix.strip() == SPEC_PREFIX[:-1]:
        return SPEC_PREFIX + key.strip()
    return re.sub(r"[\s\-]+", "_", text)


def specification_attributes(locale: Locale) -> dict[str, SpecificationAttribute]:
    """Attributes by lower-case key: the locale's own, else the default language's."""
    locales = [locale.pk]
    default = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    if default is not None:
        locales.append(default.pk)
    attributes: dict[str, SpecificationAttribute] = {}
    for attribute in SpecificationAttribute.objects.filter(locale__in=locales).order_by(
        "sort_order", "name", "pk"
    ):
        key = attribute.key.lower()
        if key not in attributes or attribute.locale_id == locale.pk:
            attributes[key] = attribute
    return attributes


@dataclass
class Layout:
    fields: dict[str, int]  # column name -> cell index
    specs: dict[str, tuple[SpecificationAttribute, int]]  # lower-case key -> attribute, index


def build_layout(headings: list[str], attributes: dict[str, SpecificationAttribute]) -> Layout:
    """Map the heading row to columns; any problem with it stops the import."""
    fields: dict[str, int] = {}
    specs: dict[str, tuple[SpecificationAttribute, int]] = {}
    seen: set[str] = set()
    problems: list[str] = []
    unknown = False
    for index, heading in enumerate(headings):
        name = normalize_heading(heading)
        if not name:
            continue
        if name in seen:
            problems.append(f"column {_quoted(heading)} appears more than once")
            continue
        seen.add(name)
        if name.startswith(SPEC_PREFIX):
            key = name.removeprefix(SPEC_PREFIX)
            if key in attributes:
                specs[key] = (attributes[key], index)
            else:
                problems.append(
                    f"unknown specification column {_quoted(heading)} (no specification "
                    f"attribute has the key {_quoted(key)})"
                )
                unknown = True
        elif name in COLUMNS:
            fields[name] = index
        else:
            problems.append(f"unknown column {_quoted(heading)}")
            unknown = True
    for name, column in COLUMNS.items():
        if column.required and name not in fields:
            problems.append(f'the required column "{name}" is missing')
    if problems:
        message = "row 1 (headings): " + "; ".join(problems) + "."
        if unknown:
            keys = ", ".join(attribute.key for attribute in attributes.values())
            message += f" The columns are: {', '.join(COLUMNS)}, and spec:<key> " + (
                f"with one of these keys: {keys}."
                if keys
                else "once specification attributes exist (Snippets > Specification attributes)."
            )
        raise ImportFileError(message + " No product was imported.")
    return Layout(fields, specs)


# --- rows ------------------------------------------------------------------------------


@dataclass
class ParsedRow:
    number: int
    values: dict[str, Any]  # model field -> value, only the fields to set
    specs: dict[str, tuple[str, str] | None]  # key -> (value, unit); None removes it
    errors: list[RowError]

    @property
    def sku(self) -> str:
        return self.values.get("sku", "")


def parse_row(number: int, cells: list[str], layout: Layout) -> ParsedRow:
    errors: list[RowError] = []
    values: dict[str, Any] = {}
    for name, index in layout.fields.items():
        column = COLUMNS[name]
        text = cells[index] if index < len(cells) else ""
        if column.required and not text:
            errors.append(
                RowError(number, name, f"Every product needs a {name}; the cell is empty.")
            )
            continue
        try:
            value = column.parse(text)
        except CellError as exc:
            errors.append(RowError(number, name, str(exc)))
            continue
        if value is not KEEP:
            values[name] = value

    # A blank price policy follows the prices: a price given means a price range.
    if values.get("price_policy") is None and "price_min" in layout.fields:
        has_price = values.get("price_min") is not None
        values["price_policy"] = (
            ProductPage.PRICE_RANGE if has_price else ProductPage.PRICE_ON_REQUEST
        )
    elif values.get("price_policy", KEEP) is None:
        del values["price_policy"]

    specs: dict[str, tuple[str, str] | None] = {}
    for key, (attribute, index) in layout.specs.items():
        try:
            specs[key] = parse_spec(cells[index] if index < len(cells) else "", attribute)
        except CellError as exc:
            errors.append(RowError(number, SPEC_PREFIX + attribute.key, str(exc)))

    known = set(layout.fields.values()) | {index for _attr, index in layout.specs.values()}
    for index, text in enumerate(cells):
        if text and index not in known:
            errors.append(
                RowError(
                    number,
                    get_column_letter(index + 1),
                    "This cell has a value but its column has no heading.",
                )
            )
    return ParsedRow(number, values, specs, errors)


def validation_errors(error: ValidationError, number: int) -> list[RowError]:
    """A model ValidationError as report lines, one per column and message."""
    as_dict = (
        error.message_dict if hasattr(error, "error_dict") else {NON_FIELD_ERRORS: error.messages}
    )
    lines = []
    for name, messages in as_dict.items():
        column = {"slug": "sku", NON_FIELD_ERRORS: ""}.get(name, name)
        lines.extend(RowError(number, column, str(message)) for message in messages)
    return lines


# --- import ----------------------------------------------------------------------------


@dataclass
class RowResult:
    number: int
    sku: str
    action: str
    changes: list[str] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class ImportResult:
    dry_run: bool
    rows: list[RowResult] = field(default_factory=list)

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action)

    @property
    def errors(self) -> list[RowError]:
        return [error for row in self.rows for error in row.errors]


class _RowFailed(Exception):
    def __init__(self, errors: list[RowError]):
        super().__init__(errors)
        self.errors = errors


class ProductImporter:
    """Imports a Table into a category: one transaction per row, nothing if --dry-run.

    Usage: `importer = ProductImporter(category, table)` (checks the headings and
    raises ImportFileError), then `importer.run()`.
    """

    def __init__(self, category: ProductCategoryPage, table: Table, *, dry_run: bool = False):
        self.category = category
        self.locale = category.locale
        self.dry_run = dry_run
        self.attributes = specification_attributes(self.locale)
        self.layout = build_layout(table.headings, self.attributes)
        self.rows = [parse_row(number, cells, self.layout) for number, cells in table.rows]
        self._attribute_keys = dict(
            SpecificationAttribute.objects.annotate(lower_key=Lower("key")).values_list(
                "pk", "lower_key"
            )
        )
        self._translated_products: set | None = None

    def __len__(self) -> int:
        return len(self.rows)

    def run(self, progress: Callable[[Iterable], Iterable] = iter) -> ImportResult:
        result = ImportResult(dry_run=self.dry_run)
        if self.dry_run:
            with transaction.atomic():
                self._run(result, progress)
                transaction.set_rollback(True)  # belt and braces: nothing is saved anyway
        else:
            self._run(result, progress)
        return result

    def _run(self, result: ImportResult, progress) -> None:
        self._flag_duplicates()
        self._existing = self._existing_products()
        for row in progress(self.rows):
            result.rows.append(self._import_row(row))

    def _flag_duplicates(self) -> None:
        first_seen: dict[str, int] = {}
        for row in self.rows:
            if not row.sku:
                continue
            key = row.sku.lower()
            if key in first_seen:
                row.errors.append(
                    RowError(
                        row.number,
                        "sku",
                        f"The SKU {_quoted(row.sku)} is already used in row {first_seen[key]}; "
                        "each product must appear only once.",
                    )
                )
            else:
                first_seen[key] = row.number

    def _existing_products(self) -> dict[str, list[int]]:
        skus = {row.sku.lower() for row in self.rows if row.sku}
        found: dict[str, list[int]] = {}
        rows = (
            ProductPage.objects.filter(locale=self.locale)
            .annotate(lower_sku=Lower("sku"))
            .filter(lower_sku__in=skus)
            .order_by("path")
            .values_list("lower_sku", "pk")
        )
        for sku, pk in rows:
            found.setdefault(sku, []).append(pk)
        return found

    def _import_row(self, row: ParsedRow) -> RowResult:
        if row.errors:
            return RowResult(row.number, row.sku, FAILED, errors=row.errors)
        try:
            with transaction.atomic():
                return self._save_row(row)
        except _RowFailed as exc:
            return RowResult(row.number, row.sku, FAILED, errors=exc.errors)
        except ValidationError as exc:
            return RowResult(row.number, row.sku, FAILED, errors=validation_errors(exc, row.number))
        except Exception as exc:  # one unexpected failure must not stop the other rows
            logger.debug("import_products: row %s failed", row.number, exc_info=True)
            message = (
                f"This row could not be saved ({exc.__class__.__name__}: {exc}). "
                "Nothing of it was imported."
            )
            return RowResult(
                row.number, row.sku, FAILED, errors=[RowError(row.number, "", message)]
            )

    def _save_row(self, row: ParsedRow) -> RowResult:
        matches = self._existing.get(row.sku.lower(), [])
        if len(matches) > 1:
            raise _RowFailed(
                [
                    RowError(
                        row.number,
                        "sku",
                        f"{len(matches)} products in {self.locale.get_display_name()} already "
                        f"use the SKU {_quoted(row.sku)} (page ids "
                        f"{', '.join(map(str, matches))}); give each its own SKU in the admin first.",
                    )
                ]
            )
        if matches:
            return self._update(row, ProductPage.objects.get(pk=matches[0]))
        return self._create(row)

    # -- new products --

    def _create(self, row: ParsedRow) -> RowResult:
        page = ProductPage(locale=self.locale, slug=self._free_slug(row))
        for name, value in row.values.items():
            setattr(page, name, value)
        page.specifications = [
            ProductSpecification(
                attribute=self.layout.specs[key][0], value=value, unit=unit, locale=self.locale
            )
            for key, spec in row.specs.items()
            if spec is not None
            for value, unit in [spec]
        ]
        self._validate(page, row.number, exclude=["path", "depth"])
        if not self.dry_run:
            # A fresh parent: a rolled-back row may have left a stale child count in memory.
            parent = ProductCategoryPage.objects.get(pk=self.category.pk)
            parent.add_child(instance=page)
            page.save_revision(clean=False).publish()
        return RowResult(row.number, row.sku, CREATED, changes=list(row.values))

    def _free_slug(self, row: ParsedRow) -> str:
        base = (
            slugify(row.sku, allow_unicode=True)
            or slugify(row.values.get("title", ""), allow_unicode=True)
            or "product"
        )[:240]
        taken = set(
            self.category.get_children()
            .filter(slug__startswith=base)
            .values_list("slug", flat=True)
        )
        slug, suffix = base, 1
        while slug in taken:
            suffix += 1
            slug = f"{base}-{suffix}"
        return slug

    # -- existing products --

    def _update(self, row: ParsedRow, page: ProductPage) -> RowResult:
        # The latest draft when an editor has unpublished changes, else the live page.
        current = page.get_latest_revision_as_object()
        changes = [
            name
            for name, value in row.values.items()
            if not COLUMNS[name].same(getattr(current, name), value)
        ]
        specifications, spec_changes = self._merge_specifications(current, row.specs)
        if not changes and not spec_changes:
            return RowResult(row.number, row.sku, UNCHANGED)
        if page.locked:
            raise _RowFailed(
                [
                    RowError(
                        row.number,
                        "sku",
                        "This product's page is locked in the admin; unlock it to import changes.",
                    )
                ]
            )
        for name in changes:
            setattr(current, name, row.values[name])
        if spec_changes:
            current.specifications = specifications
        self._validate(current, row.number)

        notes = self._location_notes(page)
        publish = page.live and not page.has_unpublished_changes
        if page.has_unpublished_changes:
            notes.append(
                "saved as a draft, not published: the page already had unpublished changes; "
                "review and publish it in the admin"
            )
        elif not page.live:
            notes.append("saved as a draft: the page is unpublished in the admin")
        if self._is_managed_translation(page):
            notes.append(
                "this page is a translation synced by wagtail-localize; the next sync from "
                "its source page may overwrite the imported values"
            )
        if not self.dry_run:
            revision = current.save_revision(clean=False)
            if publish:
                revision.publish()
        return RowResult(
            row.number, row.sku, UPDATED, changes=[*changes, *spec_changes], notes=notes
        )

    def _merge_specifications(
        self, current: ProductPage, wanted: dict[str, tuple[str, str] | None]
    ) -> tuple[list[ProductSpecification], list[str]]:
        """The product's specification rows with the file's columns applied.

        Rows are matched by attribute key (the same in every language) and kept,
        with their ids and translation keys, when only their value changes;
        attributes without a column in the file are left alone.
        """
        rows: list[ProductSpecification] = []
        changed: list[str] = []
        seen: set[str] = set()
        for spec in current.specifications.all():
            key = self._attribute_keys.get(spec.attribute_id)
            if key not in wanted:
                rows.append(spec)
                continue
            column = SPEC_PREFIX + self.layout.specs[key][0].key
            target = wanted[key]
            if key in seen or target is None:
                changed.append(column)  # a duplicate row, or the cell was emptied
                continue
            seen.add(key)
            if (spec.value.strip(), spec.unit.strip()) != target:
                spec.value, spec.unit = target
                changed.append(column)
            rows.append(spec)
        for key, target in wanted.items():
            if target is not None and key not in seen:
                attribute = self.layout.specs[key][0]
                rows.append(
                    ProductSpecification(
                        attribute=attribute, value=target[0], unit=target[1], locale=self.locale
                    )
                )
                changed.append(SPEC_PREFIX + attribute.key)
        return rows, list(dict.fromkeys(changed))

    def _location_notes(self, page: ProductPage) -> list[str]:
        if page.path.startswith(self.category.path):
            return []
        parent = page.get_parent()
        return [f'the product stays where it is, in "{parent.title}" (not moved)']

    def _is_managed_translation(self, page: ProductPage) -> bool:
        if self._translated_products is None:
            from wagtail_localize.models import Translation

            self._translated_products = set(
                Translation.objects.filter(target_locale=self.locale, enabled=True).values_list(
                    "source__object_id", flat=True
                )
            )
        return page.translation_key in self._translated_products

    def _validate(self, page: ProductPage, number: int, exclude=None) -> None:
        try:
            page.full_clean(exclude=exclude)
        except ValidationError as exc:
            raise _RowFailed(validation_errors(exc, number)) from exc


# --- categories --------------------------------------------------------------------------


def find_locale(language: str) -> Locale:
    locale = Locale.objects.filter(language_code__iexact=language.strip()).first()
    if locale is None:
        known = ", ".join(
            Locale.objects.order_by("language_code").values_list("language_code", flat=True)
        )
        raise ImportFileError(f'Unknown language "{language}". The site has: {known}.')
    return locale


def default_locale() -> Locale:
    locale = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    return locale or Locale.get_default()


def find_category(value: str, language: str | None = None) -> ProductCategoryPage:
    """A category from a page id, a URL or URL path (/en/products/lights/), or a slug.

    With `language`, the category's translation in that language. A slug used in
    several languages picks the default language unless `language` says otherwise.
    """
    locale = find_locale(language) if language else None
    value = value.strip()
    if parse_id(value) is not None:
        page = Page.objects.filter(pk=parse_id(value)).first()
        if page is None:
            raise ImportFileError(f"There is no page with the id {value}.")
        category = _as_category(page, value)
    elif "/" in value:
        category = _category_by_path(value)
    else:
        category = _category_by_slug(value, locale)
    if locale is not None and category.locale_id != locale.pk:
        translation = category.get_translation_or_none(locale)
        if translation is None:
            raise ImportFileError(
                f'The category "{category.title}" has no {locale.get_display_name()} '
                "translation yet."
            )
        category = translation.specific
    return category


def _as_category(page: Page, asked: str) -> ProductCategoryPage:
    page = page.specific
    if not isinstance(page, ProductCategoryPage):
        raise ImportFileError(
            f'"{asked}" is the page "{page.title}" ({page._meta.verbose_name}), not a '
            "product category."
        )
    return page


def _category_by_path(value: str) -> ProductCategoryPage:
    path = urlparse(value).path if "://" in value else value
    segments = [segment for segment in path.split("/") if segment]
    locale = Locale.objects.filter(language_code__iexact=segments[0]).first() if segments else None
    rest = segments[1:] if locale else segments
    locale = locale or default_locale()
    url_paths = {"/" + "/".join(segments) + "/"}  # Wagtail's own url_path works too
    for site in Site.objects.select_related("root_page"):
        home = site.root_page.get_translation_or_none(locale) or site.root_page
        url_paths.add(home.url_path + "".join(f"{segment}/" for segment in rest))
    pages = list(Page.objects.filter(url_path__in=url_paths).order_by("path")[:2])
    pages = [page for page in pages if page.locale_id == locale.pk] or pages
    if not pages:
        raise ImportFileError(f'No page has the URL path "{path}".')
    return _as_category(pages[0], value)


def _category_by_slug(slug: str, locale: Locale | None) -> ProductCategoryPage:
    categories = ProductCategoryPage.objects.filter(slug=slug).select_related("locale")
    if locale is not None:
        categories = categories.filter(locale=locale)
    categories = list(categories.order_by("path"))
    if len(categories) > 1:
        default = default_locale()
        categories = [c for c in categories if c.locale_id == default.pk] or categories
    if not categories:
        page = Page.objects.filter(slug=slug).order_by("path").first()
        if page is not None:
            _as_category(page, slug)  # explains what the page is instead
        raise ImportFileError(f'No product category has the slug "{slug}".')
    if len(categories) > 1:
        found = "; ".join(f"id {c.pk}: {c.url_path}" for c in categories)
        raise ImportFileError(
            f'Several categories have the slug "{slug}" ({found}); give the id or the URL path.'
        )
    return categories[0]


def describe_category(category: ProductCategoryPage) -> str:
    url = category.get_url() or category.url_path
    return f'"{category.title}" ({category.locale.get_display_name()}, {url})'


# --- export ------------------------------------------------------------------------------


def products_for_export(category: ProductCategoryPage | None, locale: Locale):
    products = ProductPage.objects.live().filter(locale=locale)
    if category is not None:
        products = products.descendant_of(category)
    return products.order_by("path").prefetch_related(
        Prefetch(
            "specifications",
            queryset=ProductSpecification.objects.select_related("attribute").order_by(
                "sort_order", "pk"
            ),
        )
    )


@dataclass
class ExportTable:
    headings: list[str]
    kinds: list[str]
    rows: list[list[Any]]
    warnings: list[str] = field(default_factory=list)
    right_to_left: bool = False  # Arabic, Hebrew...: the sheet reads from the right


def export_table(products, locale: Locale) -> ExportTable:
    """The import format for `products`: every column, every specification key."""
    products = list(products)
    attributes = specification_attributes(locale)
    for product in products:  # keys used by products but missing in this language
        for spec in product.specifications.all():
            attributes.setdefault(spec.attribute.key.lower(), spec.attribute)
    headings = [*COLUMNS, *(SPEC_PREFIX + attribute.key for attribute in attributes.values())]
    kinds = [column.kind for column in COLUMNS.values()] + ["spec"] * len(attributes)
    rows, warnings = [], []
    for product in products:
        row = [_export_value(column, getattr(product, column.name)) for column in COLUMNS.values()]
        values: dict[str, str] = {}
        for spec in product.specifications.all():
            key = spec.attribute.key.lower()
            if key in values:
                warnings.append(
                    f"{product.sku}: several values for spec:{spec.attribute.key}; only the first "
                    "was exported."
                )
                continue
            values[key] = spec_cell(spec.value, spec.unit, attributes[key].default_unit)
        row.extend(values.get(key, "") for key in attributes)
        rows.append(row)
    bidi = get_language_info_or_none(locale.language_code)
    return ExportTable(headings, kinds, rows, warnings, right_to_left=bool(bidi and bidi["bidi"]))


def get_language_info_or_none(code: str) -> dict | None:
    try:
        return get_language_info(code)
    except KeyError:
        return None


def _export_value(column: Column, value: Any) -> Any:
    if column.kind == "rich":
        return rich_text_cell(value or "")
    if column.kind == "bool":
        return "yes" if value else "no"
    if column.kind == "list":
        return ", ".join(value or [])
    if column.kind in {"int", "decimal"}:
        return value
    return value or ""


def write_table(path: Path, table: ExportTable) -> None:
    path = Path(path)
    if check_extension(path) == ".xlsx":
        _write_xlsx(path, table)
    else:
        _write_csv(path, table)


def _write_csv(path: Path, table: ExportTable) -> None:
    # The byte-order mark makes Excel read the file as UTF-8 (accents, Arabic...).
    with path.open("w", encoding="utf-8-sig", newline="") as output:
        writer = csv.writer(output)
        writer.writerow(table.headings)
        for row in table.rows:
            writer.writerow(["" if value is None else cell_text(value) for value in row])


def _write_xlsx(path: Path, table: ExportTable) -> None:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Products"
    formats = {"decimal": "0.00", "int": "0"}
    for index, heading in enumerate(table.headings, start=1):
        sheet.cell(row=1, column=index, value=heading).font = Font(bold=True)
        width = 40 if table.kinds[index - 1] == "rich" or heading == "summary" else 16
        sheet.column_dimensions[get_column_letter(index)].width = width
    for number, row in enumerate(table.rows, start=2):
        for index, value in enumerate(row, start=1):
            cell = sheet.cell(row=number, column=index)
            if isinstance(value, str):
                cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
                cell.data_type = "s"  # "=..." stays text, never a formula
                cell.number_format = "@"
            else:
                cell.value = value
                cell.number_format = formats.get(table.kinds[index - 1], "General")
    sheet.freeze_panes = "A2"
    sheet.sheet_view.rightToLeft = table.right_to_left
    if table.rows:
        sheet.auto_filter.ref = sheet.dimensions
    workbook.save(path)
