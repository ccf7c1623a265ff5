"""Translation status of source pages per locale, in a fixed number of queries.

For a batch of source (default-locale) pages and target locales, each (page, locale)
gets a `Cell`: the translation is missing, out of date (the source was published
after its last sync into wagtail-localize), not yet published (a draft, or
unpublished changes), or current; with the share of strings translated.
"""

from dataclasses import dataclass, field

from django.db.models import Count, F
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail_localize.models import StringSegment, Translation, TranslationSource

MISSING = "missing"
OUTDATED = "outdated"
UNPUBLISHED = "unpublished"
CURRENT = "current"
LABELS = {
    MISSING: _("Missing"),
    OUTDATED: _("Out of date"),
    UNPUBLISHED: _("Not published"),
    CURRENT: _("Up to date"),
}


@dataclass
class Cell:
    locale: object
    source_page_id: int
    target_page_id: int | None = None
    source_id: int | None = None
    flags: list[str] = field(default_factory=list)
    progress: int | None = None  # percent of strings translated, when synced

    @property
    def missing(self):
        return MISSING in self.flags

    @property
    def labels(self):
        return [(flag, LABELS[flag]) for flag in self.flags]


def page_status(pages, locales) -> dict[int, list[Cell]]:
    """{source page id: [Cell per locale, in `locales` order]} for live source pages."""
    pages = list(pages)
    locales = list(locales)
    if not pages or not locales:
        return {page.pk: [] for page in pages}
    keys = [page.translation_key for page in pages]
    locale_ids = [locale.pk for locale in locales]

    targets = {
        (row["translation_key"], row["locale_id"]): row
        for row in Page.objects.filter(translation_key__in=keys, locale_id__in=locale_ids).values(
            "id", "translation_key", "locale_id", "live", "has_unpublished_changes", "alias_of_id"
        )
    }
    sources = {
        (row["object_id"], row["locale_id"]): row
        for row in TranslationSource.objects.filter(object_id__in=keys).values(
            "id", "object_id", "locale_id", "last_updated_at"
        )
    }
    source_ids = [row["id"] for row in sources.values()]
    enabled = set(
        Translation.objects.filter(
            source_id__in=source_ids, target_locale_id__in=locale_ids, enabled=True
        ).values_list("source_id", "target_locale_id")
    )
    totals = dict(
        StringSegment.objects.filter(source_id__in=source_ids)
        .values("source_id")
        .annotate(n=Count("id"))
        .values_list("source_id", "n")
    )
    # One filter() call: the three conditions hold for the same StringTranslation row.
    done = {
        (row["source_id"], row["string__translations__locale_id"]): row["n"]
        for row in StringSegment.objects.filter(
            source_id__in=source_ids,
            string__translations__locale_id__in=locale_ids,
            string__translations__context_id=F("context_id"),
            string__translations__has_error=False,
        )
        .values("source_id", "string__translations__locale_id")
        .annotate(n=Count("id"))
    }

    status = {}
    for page in pages:
        source = sources.get((page.translation_key, page.locale_id))
        cells = []
        for locale in locales:
            cell = Cell(locale=locale, source_page_id=page.pk)
            target = targets.get((page.translation_key, locale.pk))
            if source:
                cell.source_id = source["id"]
            if target is None or target["alias_of_id"]:
                # An alias shows the source's own content: nothing is translated yet.
                cell.flags.append(MISSING)
                cells.append(cell)
                continue
            cell.target_page_id = target["id"]
            if source and (source["id"], locale.pk) in enabled:
                total = totals.get(source["id"], 0)
                translated = done.get((source["id"], locale.pk), 0)
                cell.progress = 100 if not total else round(100 * translated / total)
                # The sync reads the live source page, so only a publish makes it stale.
                if page.last_published_at and page.last_published_at > source["last_updated_at"]:
                    cell.flags.append(OUTDATED)
            if not target["live"] or target["has_unpublished_changes"]:
                cell.flags.append(UNPUBLISHED)
            if not cell.flags:
                cell.flags.append(CURRENT)
            cells.append(cell)
        status[page.pk] = cells
    return status
