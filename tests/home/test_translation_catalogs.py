"""The seven translation catalogs are complete, current and safe to render.

A catalog entry can break a page silently: an untranslated or fuzzy string shows English
to a Russian buyer, a lost `%(name)s` raises KeyError or drops a value, a lost `<bdi>`
breaks right-to-left text. And a string marked in the code but missing from the catalogs
(nobody ran `make messages`) is never translated at all. These tests read the .po files
with polib, and extract the marked strings with Django's makemessages (xgettext) in a
throwaway copy of the sources, so the real locale/ folder is never touched.
"""

import os
import re
import shutil
from collections import Counter
from pathlib import Path
from pprint import pformat

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
LANGUAGES = ["zh_Hans", "es", "fr", "de", "ar", "ru", "pt"]
LATIN = {"es", "fr", "de", "pt"}
ALL = set(LANGUAGES)

# Strings that legitimately read the same in a language: brands, codes and trade terms
# used as-is worldwide, and words that are spelled the same (French "Description").
# Anything else identical to the English is an untranslated copy.
SAME_AS_ENGLISH = {
    "SKU": ALL,
    "MOQ": ALL,
    "Stripe": ALL,
    "WhatsApp": ALL,
    "WhatsApp:": ALL - {"fr", "zh_Hans"},
    "URL": LATIN | {"zh_Hans"},
    "Incoterm": LATIN,
    "Incoterms": LATIN,
    "incoterm": LATIN,
    "Blog": LATIN,
    "Spam": LATIN,
    "Logo": {"fr", "de"},
    "Menu": {"fr", "pt"},
    "Status": {"de", "pt"},
    "status": {"pt"},
    "%(minutes)d min": {"es", "fr", "pt"},
    "%(hours)d h %(minutes)d min": {"es", "fr", "pt"},
    "%(days)d d %(hours)d h": {"es", "pt"},
    "(optional)": {"de"},
    "Downloads": {"de"},
    "Name": {"de"},
    "Page": {"fr"},
    "System": {"de"},
    "Text": {"de"},
    "Video": {"de"},
    **dict.fromkeys(
        [
            "Actions",
            "action",
            "Certification",
            "Certifications",
            "certifications",
            "Description",
            "description",
            "Destination",
            "Document",
            "Image",
            "image",
            "logo",
            "Message",
            "message",
            "Note",
            "note",
            "notes",
            "Pages",
            "Photo",
            "Photos",
            "Question",
            "Questions",
            "question",
            "questions",
            "Section (H2)",
            "Type",
            "type",
        ],
        frozenset({"fr"}),
    ),
}

# What a translation must carry over unchanged: %(name)s and %s python-format
# placeholders, {name} format fields, and HTML tags (with their attributes: a <bdi
# dir="ltr"> around a reference must stay one).
PYTHON_FORMAT_RE = re.compile(
    r"%\([A-Za-z_]\w*\)[#0 +-]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]"
    r"|%[#0 +-]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]"
)
FIELD_OR_TAG_RE = re.compile(r"\{[A-Za-z_]\w*\}|\{\d+\}|</?[A-Za-z][^<>]*>")
IGNORED_IN_COPY = {
    # Makefile: makemessages --ignore=.venv --ignore=var --ignore=tests
    ".venv",
    "var",
    "tests",
    ".git",
    "locale",
    "artifacts",
    "media",
    "static_collected",
    "__pycache__",
    ".pytest_cache",
    ".ruff_cache",
}


def load(language: str) -> polib.POFile:
    return polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))


def key(entry: polib.POEntry) -> tuple:
    return (entry.msgctxt, entry.msgid, entry.msgid_plural or None)


def label(entry: polib.POEntry) -> str:
    context = f"[{entry.msgctxt}] " if entry.msgctxt else ""
    return f"{context}{entry.msgid!r}"


def placeholders(text: str, python_format: bool = True) -> Counter:
    found = FIELD_OR_TAG_RE.findall(text)
    if python_format:  # only then is "%" special ("100% LED" is plain text)
        found += PYTHON_FORMAT_RE.findall(text.replace("%%", ""))
    return Counter(found)


def translations(entry: polib.POEntry) -> list[tuple[str, str]]:
    """(English, translation) pairs: the singular, or every plural form."""
    if entry.msgid_plural:
        # Form 0 may be the singular ("%(counter)s day"), but every form must keep the
        # same placeholders, so compare them all with the plural.
        return [(entry.msgid_plural, text) for _index, text in sorted(entry.msgstr_plural.items())]
    return [(entry.msgid, entry.msgstr)]


def has_words(text: str) -> bool:
    bare = FIELD_OR_TAG_RE.sub("", PYTHON_FORMAT_RE.sub("", text))
    return bool(re.search(r"[^\W\d_]", bare))


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> dict[tuple, polib.POEntry]:
    """Every string marked in the code and templates, as `make messages` finds them."""
    if not shutil.which("xgettext"):
        message = "gettext is not installed (sudo apt-get install gettext)"
        if os.environ.get("CI"):
            pytest.fail(f"{message}: CI must install Debian's gettext package.")
        pytest.skip(message)
    sources = tmp_path_factory.mktemp("sources") / "site"
    # A copy, because makemessages writes temporary files next to the templates it
    # reads and the catalogs it builds: the real tree stays untouched.
    shutil.copytree(
        settings.BASE_DIR,
        sources,
        ignore=lambda _dir, names: [n for n in names if n in IGNORED_IN_COPY],
        symlinks=True,
    )
    (sources / "locale").mkdir()
    cwd = os.getcwd()
    os.chdir(sources)
    try:
        with override_settings(LOCALE_PATHS=[sources / "locale"]):
            call_command(
                "makemessages", locale=["en"], keep_pot=True, no_obsolete=True, verbosity=0
            )
    finally:
        os.chdir(cwd)
    pot = polib.pofile(str(sources / "locale" / "django.pot"))
    return {key(entry): entry for entry in pot if not entry.obsolete}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_entry_is_translated_and_none_is_fuzzy(language):
    catalog = load(language)
    untranslated = [label(e) for e in catalog.untranslated_entries()]
    fuzzy = [label(e) for e in catalog.fuzzy_entries()]
    empty_forms = [
        label(e)
        for e in catalog.translated_entries()
        if e.msgid_plural and not all(text.strip() for text in e.msgstr_plural.values())
    ]
    assert not untranslated, f"{language}: untranslated entries:\n{pformat(untranslated)}"
    assert not fuzzy, f"{language}: fuzzy entries (check, then drop the flag):\n{pformat(fuzzy)}"
    assert not empty_forms, (
        f"{language}: plural entries with an empty form:\n{pformat(empty_forms)}"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_translation_is_a_copy_of_the_english(language):
    copies = [
        label(entry)
        for entry in load(language).translated_entries()
        for english, text in translations(entry)
        if text.strip() == english.strip()
        and has_words(english)
        and language not in SAME_AS_ENGLISH.get(entry.msgid, ())
    ]
    assert not copies, (
        f"{language}: translations identical to the English; translate them, or add them "
        f"to SAME_AS_ENGLISH if the word really is the same in this language:\n{pformat(copies)}"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_placeholders_and_tags(language):
    broken = [
        f"{label(entry)} → {text!r}"
        for entry in load(language).translated_entries()
        for english, text in translations(entry)
        if placeholders(text, "python-format" in entry.flags)
        != placeholders(english, "python-format" in entry.flags)
    ]
    assert not broken, (
        f"{language}: placeholders or HTML tags differ from the English:\n{pformat(broken)}"
    )


def test_every_marked_string_is_in_every_catalog(extracted):
    missing = {}
    for language in LANGUAGES:
        in_catalog = {key(entry) for entry in load(language) if not entry.obsolete}
        absent = [label(entry) for k, entry in extracted.items() if k not in in_catalog]
        if absent:
            missing[language] = absent
    assert not missing, (
        f"strings marked in the code are missing, run `make messages`:\n{pformat(missing)}"
    )


def test_catalogs_hold_no_strings_the_code_no_longer_uses(extracted):
    stale = {}
    for language in LANGUAGES:
        old = [
            label(entry)
            for entry in load(language)
            if not entry.obsolete and key(entry) not in extracted
        ]
        if old:
            stale[language] = old
    assert not stale, (
        f"catalog entries no longer in the code, run `make messages`:\n{pformat(stale)}"
    )


def test_placeholder_check_catches_a_lost_name_and_a_lost_tag():
    # The check itself: a translation that drops %(days)s or the <bdi> is reported.
    english = "<bdi>%(days)s</bdi> days"
    assert placeholders("<bdi>%(days)s</bdi> días") == placeholders(english)
    assert placeholders("%(days)s días") != placeholders(english)
    assert placeholders("<bdi>%(dias)s</bdi> días") != placeholders(english)
    assert placeholders("Model: {sku}") != placeholders("Model: {ref}")
    assert placeholders("100%% sure") == placeholders("100%% seguro")
    assert placeholders("5 % de descuento", python_format=False) == Counter()
