"""Helpers shared by the apps' demo seeders (`manage.py seed_demo`).

Seeders are idempotent: they look objects up by a stable key and create only what
is missing, so running `seed_demo` twice changes nothing.
"""

import functools
import html
import io
import re
from collections.abc import Mapping
from pathlib import Path

import polib
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, Translation, TranslationSource

DEMO_TOOL_NAME = "exportsite seed_demo"
# One PO file per language: msgid is the English demo text, msgstr its translation.
# Seeders may pass their own catalog for a language; these files fill in the rest.
# `scripts/demo-strings` lists the English strings a new language needs.
DEMO_TRANSLATIONS_DIR = Path(__file__).resolve().parent / "demo_translations"
SEEDER_WRITTEN_LANGUAGES = {"es", "ar"}
_BLOCK_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


@functools.cache
def demo_catalog(language_code: str) -> dict[str, str]:
    """The demo translations for a language, from demo_translations/<code>.po."""
    path = DEMO_TRANSLATIONS_DIR / f"{language_code}.po"
    if not path.exists():
        return {}
    return {
        entry.msgid: entry.msgstr
        for entry in polib.pofile(str(path))
        if entry.msgstr and not entry.obsolete and "fuzzy" not in entry.flags
    }


def get_or_create_locale(language_code: str) -> Locale:
    locale, _ = Locale.objects.get_or_create(language_code=language_code)
    return locale


def get_or_create_image(title: str, *, size=(1600, 900), colors=("#0b4f8a", "#14202e"), label=""):
    """A generated picture (Pillow, nothing downloaded), found again by its title."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    width, height = size
    canvas = PILImage.new("RGB", size, colors[0])
    draw = ImageDraw.Draw(canvas)
    start, end = (_hex_to_rgb(c) for c in colors)
    for y in range(height):
        ratio = y / max(height - 1, 1)
        draw.line(
            [(0, y), (width, y)],
            fill=tuple(round(s + (e - s) * ratio) for s, e in zip(start, end, strict=True)),
        )
    for i in range(6):  # a few abstract "factory" shapes so the image is not a flat gradient
        x0 = width * (0.08 + i * 0.15)
        draw.rectangle([x0, height * 0.55, x0 + width * 0.1, height * 0.9], fill=(205, 218, 232))
    if label:
        draw.text(
            (width * 0.06, height * 0.3), label, fill="white", font_size=max(height // 12, 12)
        )
    buffer = io.BytesIO()
    canvas.save(buffer, format="JPEG", quality=85)
    slug = "".join(ch if ch.isalnum() else "-" for ch in title.lower()).strip("-")
    return Image.objects.create(title=title, file=ImageFile(buffer, name=f"{slug}.jpg"))


def _hex_to_rgb(value: str) -> tuple[int, int, int]:
    value = value.lstrip("#")
    return tuple(int(value[i : i + 2], 16) for i in (0, 2, 4))


def get_or_create_child_page(parent: Page, page_class, **fields) -> Page:
    """The `page_class` child of `parent` (one per parent), created and published if missing."""
    existing = page_class.objects.child_of(parent).first()
    if existing:
        return existing
    page = page_class(**fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def translate_page(
    page: Page, locale: Locale, catalog: Mapping[str, str]
) -> tuple[Page, list[str]]:
    """Translate `page` into `locale` through wagtail-localize, publishing the result.

    Goes through the same objects a translator's work does (TranslationSource,
    Translation, a PO file import), so the translation stays editable and
    syncable in wagtail-localize's editor afterwards. Returns the translated page
    and the source strings the catalog had no translation for. An existing
    translation is left untouched.
    """
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific, []

    translation, missing = _import_catalog(page, locale, catalog)
    # save_target(publish=True) defers publishing to transaction.on_commit with a
    # page instance loaded earlier; inside a transaction (a test, or a seeder
    # translating parent and child) that stale instance would reset the parent's
    # child count. Saving a draft and publishing it here keeps the tree intact.
    translation.save_target(publish=False)
    translated = page.get_translation(locale).specific
    translated.get_latest_revision().publish()
    translated.refresh_from_db()
    return translated, missing


def translate_snippet(instance, locale: Locale, catalog: Mapping[str, str]):
    """Like translate_page, for a translatable snippet (saved at once: no drafts)."""
    existing = instance.get_translation_or_none(locale)
    if existing is not None:
        return existing, []
    translation, missing = _import_catalog(instance, locale, catalog)
    translation.save_target(publish=True)
    return instance.get_translation(locale), missing


def _import_catalog(instance, locale: Locale, catalog: Mapping[str, str]):
    source, _ = TranslationSource.get_or_create_from_instance(instance)
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    po = polib.POFile()
    po.metadata = {"X-WagtailLocalize-TranslationID": str(translation.uuid)}
    shared_catalog = demo_catalog(locale.language_code)
    missing = []
    # Translation.export_po() would also look for obsolete strings with a NOT IN
    # subquery that PostgreSQL runs as a nested loop on freshly filled, never
    # analyzed tables (minutes per page inside a test transaction). A new
    # translation has no obsolete strings, so the source segments are all we need.
    segments = (
        StringSegment.objects.filter(source=source)
        .order_by("order")
        .select_related("string", "context")
    )
    for segment in segments:
        text = segment.string.data
        translated = catalog.get(text) or shared_catalog.get(text) or _plain_lookup(catalog, text)
        if not translated:
            missing.append(text)
        po.append(polib.POEntry(msgid=text, msgctxt=segment.context.path, msgstr=translated or ""))
    translation.import_po(po, tool_name=DEMO_TOOL_NAME)
    return translation, missing


def _plain_lookup(catalog: Mapping[str, str], text: str) -> str | None:
    """Find a plain-text catalog entry for a segment that wagtail-localize stores as HTML.

    Text fields become segments with <, > and & escaped ("UGR&lt;19"); seeders write
    their catalogs in plain text ("UGR<19").
    """
    if "&" not in text:
        return None
    translated = catalog.get(html.unescape(text))
    return html.escape(translated, quote=False) if translated else None


def make_pdf_document(title: str, lines: list[str]):
    """A one-page PDF drawn with Pillow (no PDF library needed), found again by title."""
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    page = PILImage.new("RGB", (1240, 1754), "white")  # A4 at 150 dpi
    draw = ImageDraw.Draw(page)
    draw.rectangle([60, 60, 1180, 1694], outline=(11, 79, 138), width=8)
    y = 220
    for index, line in enumerate(lines):
        draw.text((140, y), line, fill=(20, 32, 46), font_size=64 if index == 0 else 36)
        y += 120 if index == 0 else 70
    buffer = io.BytesIO()
    page.save(buffer, format="PDF", resolution=150)
    slug = "".join(ch if ch.isalnum() else "-" for ch in title.lower()).strip("-")
    return Document.objects.create(
        title=title, file=ContentFile(buffer.getvalue(), name=f"{slug}.pdf")
    )


def write_demo_strings() -> None:
    """Write demo.pot from the source-language segments and merge it into every <code>.po.

    Each entry says which object and field it comes from, so a translator sees that
    a string is a slug (keep it lower-case ASCII) or rich text (keep the tags).
    """
    source_locale = Locale.get_default()
    template = polib.POFile(wrapwidth=0)
    template.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    entries: dict[str, polib.POEntry] = {}
    segments = (
        StringSegment.objects.filter(source__locale=source_locale)
        .select_related("string", "context", "source")
        .order_by("source_id", "order")
    )
    for segment in segments:
        text = segment.string.data
        # Block ids are random per seed; without them the file only changes with the text.
        path = _BLOCK_ID.sub("*", segment.context.path)
        place = f"{segment.source.specific_content_type.model}:{path}"
        entry = entries.get(text)
        if entry is None:
            entry = entries[text] = polib.POEntry(msgid=text, msgstr="")
            template.append(entry)
        if len(entry.occurrences) < 3:
            entry.occurrences.append((place, ""))
    DEMO_TRANSLATIONS_DIR.mkdir(exist_ok=True)
    template.save(str(DEMO_TRANSLATIONS_DIR / "demo.pot"))
    # A language joins these files by creating an empty <code>.po. es and ar are
    # written out in the seeders themselves; their files only hold what the seeders
    # leave out (units, codes, slugs kept Latin), so they are not merged.
    for path in sorted(DEMO_TRANSLATIONS_DIR.glob("*.po")):
        if path.stem in SEEDER_WRITTEN_LANGUAGES:
            continue
        catalog = polib.pofile(str(path), wrapwidth=0)
        catalog.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": path.stem}
        catalog.merge(template)
        catalog.save(str(path))
