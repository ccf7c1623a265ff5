"""`manage.py machine_translate --locale fr [--page ID|/en/url/path/] [--snippets] [--overwrite]`."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale, Page, Site, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.machine_translators import get_machine_translator

from exportsite.log import quiet_wagtail_log
from home.http import parse_id
from localization.machine import (
    MachineTranslationError,
    Outcome,
    translate_page,
    translate_snippet,
)

SOURCE_UNPUBLISHED = "the source page is not published"


class Command(BaseCommand):
    help = (
        "Machine translate a page and its whole subtree into a locale with the configured "
        "machine translator (WAGTAILLOCALIZE_MACHINE_TRANSLATOR). Results are left as drafts "
        "for translators to review in wagtail-localize's editor: nothing is published, and "
        "strings that already have a translation are kept unless --overwrite. Safe to rerun."
    )

    def add_arguments(self, parser):
        parser.add_argument("--locale", required=True, help="Target language code, e.g. fr.")
        parser.add_argument(
            "--page",
            help="Page ID or URL path (/en/products/); default: the default site's home page.",
        )
        parser.add_argument(
            "--snippets",
            action="store_true",
            help="Also translate translatable snippets. Snippets have no drafts: they are saved at once.",
        )
        parser.add_argument(
            "--overwrite",
            action="store_true",
            help="Replace existing translations, including human ones, with machine translations.",
        )

    def handle(self, *args, locale, page=None, snippets=False, overwrite=False, **options):
        translator = get_machine_translator()
        if translator is None:
            raise CommandError(
                "No machine translator is configured: set DEEPL_API_KEY "
                "(see WAGTAILLOCALIZE_MACHINE_TRANSLATOR in the settings)."
            )
        target = self._locale(locale)
        root = self._page(page)
        if root.locale_id == target.pk:
            raise CommandError(f"{root.title!r} is already in {target.language_code}.")
        if not translator.can_translate(root.locale, target):
            raise CommandError(
                f"{translator.display_name} can't translate from "
                f"{root.locale.language_code} into {target.language_code}."
            )

        totals = {"translated": 0, "kept": 0, "saved": 0, "skipped": 0}
        with quiet_wagtail_log():
            self._translate_pages(root, target, translator, overwrite, totals)
            if snippets:
                self._translate_snippets(root.locale, target, translator, overwrite, totals)
        self.stdout.write(
            f"Done with {translator.display_name} into {target.language_code}: "
            f"{totals['translated']} strings machine-translated, {totals['kept']} kept, "
            f"{totals['saved']} drafts/versions saved, {totals['skipped']} skipped. "
            "Nothing was published."
        )

    def _translate_pages(self, root, target, translator, overwrite, totals):
        pages = root.get_descendants(inclusive=True).filter(alias_of__isnull=True).specific()
        # Parents come first (path order), so each child finds its parent translated.
        for page in pages.order_by("path"):
            if not page.live:
                # Unapproved content (a draft, a review awaiting moderation) waits.
                self._report(page.url_path, Outcome(page, skipped=SOURCE_UNPUBLISHED), totals)
                continue
            outcome = self._run(translate_page, page, target, translator, overwrite)
            self._report(page.url_path, outcome, totals)

    def _translate_snippets(self, source_locale, target, translator, overwrite, totals):
        for model in get_snippet_models():
            if not issubclass(model, TranslatableMixin):
                continue
            for instance in model.objects.filter(locale=source_locale).order_by("pk"):
                outcome = self._run(translate_snippet, instance, target, translator, overwrite)
                self._report(f"{model._meta.verbose_name} {instance}", outcome, totals)

    def _run(self, func, instance, target, translator, overwrite):
        try:
            return func(instance, target, translator, overwrite=overwrite)
        except MachineTranslationError as error:
            raise CommandError(str(error)) from error

    def _report(self, label, outcome, totals):
        if outcome.skipped:
            totals["skipped"] += 1
            self.stdout.write(f"  {label}: skipped, {outcome.skipped}")
            return
        totals["translated"] += outcome.translated
        totals["kept"] += outcome.kept
        totals["saved"] += outcome.saved
        if not outcome.saved:
            state = "up to date, nothing saved"
        elif outcome.created:
            state = "new translation saved (unpublished)"
        else:
            state = "draft saved"
        self.stdout.write(
            f"  {label}: {outcome.translated} machine-translated, {outcome.kept} kept; {state}"
        )

    def _locale(self, code):
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None:
            known = ", ".join(code for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES)
            raise CommandError(
                f"No locale {code!r}. Add it under Settings > Locales first (languages: {known})."
            )
        return locale

    def _page(self, value):
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if value is None:
            if site is None:
                raise CommandError("No default site: pass --page.")
            return site.root_page.specific
        if parse_id(value) is not None:
            page = Page.objects.filter(pk=parse_id(value)).first()
            if page is None:
                raise CommandError(f"No page with ID {value}.")
            return page.specific
        return self._page_from_path(site, value)

    def _page_from_path(self, site, path):
        slugs = [slug for slug in path.strip("/").split("/") if slug]
        languages = {code for code, _ in settings.LANGUAGES}
        page = site.root_page if site else None
        if slugs and slugs[0] in languages:
            locale = Locale.objects.filter(language_code=slugs.pop(0)).first()
            page = page.get_translation_or_none(locale) if page and locale else None
        for slug in slugs:
            page = page.get_children().filter(slug=slug).first() if page else None
        if page is None:
            raise CommandError(f"No page at {path!r}.")
        return page.specific
