"""Save a wagtail-localize translation as a page *draft*, never touching the live page.

wagtail-localize only offers "Publish in <language>" in its editor, and its
`Translation.save_target(publish=False)` still writes the translated fields to an
existing page's row, which is what the live site serves. Translators (who may not
publish) and `manage.py machine_translate` need a real draft: a new revision built
from the current string translations, for an editor to review and publish.
"""

from django.db import transaction
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail.models import Page, PageLogEntry
from wagtail_localize.models import Translation


@transaction.atomic
def save_translation_draft(translation: Translation, user=None) -> Page:
    """The translated page with a new draft revision holding the current translations.

    A missing translated page is created unpublished. An alias (a locale synced from
    the source tree) becomes a regular page that keeps showing what it showed, with
    the translation as a draft on top.
    """
    source, locale = translation.source, translation.target_locale
    page = source.get_source_instance().get_translation_or_none(locale)
    if page is None:
        # A new page is copied unpublished (keep_live=False), so this is a draft too.
        translation.save_target(user=user, publish=False)
        return source.get_translated_instance(locale)
    if page.alias_of_id:
        _convert_alias(page.specific, user)

    draft = source.get_ephemeral_translated_instance(locale, fallback=True)
    draft.slug = find_available_slug(
        draft.get_parent(), slugify(draft.slug), ignore_page_id=draft.pk
    )
    # save_revision only updates the row's revision metadata (latest_revision,
    # has_unpublished_changes, draft_title): the live content stays as it is.
    draft.save_revision(user=user, log_action=True)
    return draft


def _convert_alias(page: Page, user) -> None:
    # As wagtail-localize does when it first translates an alias, minus saving
    # translated content into the live row.
    page.alias_of_id = None
    page.save(update_fields=["alias_of_id"], clean=False)
    revision = page.save_revision(user=user, changed=False, clean=False)
    PageLogEntry.objects.log_action(
        instance=page,
        revision=revision,
        action="wagtail.convert_alias",
        user=user,
        data={"page": {"id": page.id, "title": page.get_admin_display_title()}},
    )
