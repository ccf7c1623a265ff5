"""Machine translation through wagtail-localize's own objects, leaving drafts for review.

Mirrors wagtail_localize.views.edit_translation.apply_machine_translation (the
editor's "Translate with ..." button) without its per-request permission check and
per-string existence queries, and with an explicit choice to overwrite.
"""

import json
from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments import StringSegmentValue

from .drafts import save_translation_draft


class MachineTranslationError(Exception):
    pass


@dataclass
class Outcome:
    instance: object
    translated: int = 0  # strings the machine translated now
    kept: int = 0  # strings that already had a translation (human or machine)
    created: bool = False  # the translated object did not exist before
    saved: bool = False  # a new draft (pages) or version (snippets) was saved
    skipped: str = ""  # why nothing was done


def translate_strings(translation: Translation, translator, *, overwrite=False, user=None):
    """Machine translate the source's strings into the translation's locale.

    Returns (translated, kept). Existing translations are kept unless `overwrite`.
    """
    source, locale = translation.source, translation.target_locale
    string_segments = list(
        StringSegment.objects.filter(source=source)
        .select_related("string", "context")
        .order_by("order")
    )
    existing = set(
        StringTranslation.objects.filter(
            locale=locale,
            translation_of_id__in=[s.string_id for s in string_segments],
            context_id__in=[s.context_id for s in string_segments],
        ).values_list("translation_of_id", "context_id")
    )
    wanted = defaultdict(list)
    kept = 0
    for segment in string_segments:
        if not overwrite and (segment.string_id, segment.context_id) in existing:
            kept += 1
            continue
        value = StringSegmentValue(segment.context.path, segment.string.as_value())
        if segment.attrs:
            value.attrs = json.loads(segment.attrs)
        wanted[value.string].append((segment.string_id, segment.context_id))
    if not wanted:
        return 0, kept

    try:
        results = translator.translate(source.locale, locale, list(wanted))
    except Exception as error:  # a translation API down, a quota exceeded...
        raise MachineTranslationError(
            f"{translator.display_name} failed on {source.object_repr!r}: {error}"
        ) from error
    translated = 0
    with transaction.atomic():
        for string, places in wanted.items():
            result = results.get(string)
            if result is None or result.data is None:
                continue  # the machine had nothing for it: leave it to a human
            for string_id, context_id in places:
                StringTranslation.objects.update_or_create(
                    translation_of_id=string_id,
                    locale=locale,
                    context_id=context_id,
                    defaults={
                        "data": result.data,
                        "translation_type": StringTranslation.TRANSLATION_TYPE_MACHINE,
                        "tool_name": translator.display_name,
                        "last_translated_by": user,
                        "has_error": False,
                        "field_error": "",
                    },
                )
                translated += 1
    return translated, kept


def _prepare(instance, locale: Locale):
    """The (source, translation, source_changed) for `instance`, or a reason to skip it.

    The source is synced from the database first: translating stale content is wasted.
    """
    before = (
        TranslationSource.objects.filter(
            object_id=instance.translation_key, locale_id=instance.locale_id
        )
        .values_list("last_updated_at", flat=True)
        .first()
    )
    source, _ = TranslationSource.update_or_create_from_instance(instance)
    translation = Translation.objects.filter(source=source, target_locale=locale).first()
    target = instance.get_translation_or_none(locale)
    if translation is not None and not translation.enabled:
        return None, "translation stopped in the editor (edited by hand)"
    if translation is None and target is not None and not getattr(target, "alias_of_id", None):
        return None, "translated by hand, outside wagtail-localize"
    if translation is None:
        translation = Translation.objects.create(source=source, target_locale=locale)
    return (translation, source.last_updated_at != before, target), ""


@transaction.atomic
def translate_page(page: Page, locale: Locale, translator, *, overwrite=False, user=None):
    outcome = Outcome(page)
    prepared, outcome.skipped = _prepare(page.specific, locale)
    if prepared is None:
        return outcome
    translation, source_changed, target = prepared
    outcome.translated, outcome.kept = translate_strings(
        translation, translator, overwrite=overwrite, user=user
    )
    outcome.created = target is None
    is_alias = target is not None and target.alias_of_id is not None
    if outcome.translated or outcome.created or is_alias or source_changed:
        save_translation_draft(translation, user=user)
        outcome.saved = True
    return outcome


@transaction.atomic
def translate_snippet(instance, locale: Locale, translator, *, overwrite=False, user=None):
    """Snippets have no drafts: a changed translation is saved at once."""
    outcome = Outcome(instance)
    prepared, outcome.skipped = _prepare(instance, locale)
    if prepared is None:
        return outcome
    translation, source_changed, target = prepared
    outcome.translated, outcome.kept = translate_strings(
        translation, translator, overwrite=overwrite, user=user
    )
    outcome.created = target is None
    if outcome.translated or outcome.created or source_changed:
        translation.save_target(user=user, publish=True)
        outcome.saved = True
    return outcome
