"""Admin views for translators: save a translation as a draft, the translation status report."""

from urllib.parse import urlencode

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale, Page, Site
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.models import Translation
from wagtail_localize.views.convert import convert_to_alias
from wagtail_localize.views.submit_translations import (
    SubmitPageTranslationView,
    SubmitSnippetTranslationView,
)
from wagtail_localize.views.update_translations import UpdateTranslationsView

from . import status
from .drafts import save_translation_draft


def can_view_status(user) -> bool:
    """Translators and editors: whoever may submit pages for translation."""
    return user.is_active and user.has_perm("wagtail_localize.submit_translation")


def may_change_source_content(user) -> bool:
    """Whoever may edit the default language's page tree may change English content.

    Snippet permissions are per model, not per language, and wagtail-localize lets
    anyone who may submit translations create them in any language; this check keeps
    translators to the other languages.
    """
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return True
    source_root = site.root_page.get_translation_or_none(Locale.get_default())
    return source_root is None or source_root.permissions_for_user(user).can_edit()


def target_locales():
    return Locale.objects.exclude(pk=Locale.get_default().pk).order_by("language_code")


@require_POST
def save_draft(request, translation_id):
    """Save the translated page as a draft, and submit it for moderation if asked.

    The translation editor only offers "Publish", which translators may not do.
    """
    translation = get_object_or_404(
        Translation.objects.select_related("source", "target_locale"),
        pk=translation_id,
        enabled=True,
    )
    page = translation.source.get_source_instance().get_translation_or_none(
        translation.target_locale
    )
    if page is None or not isinstance(page, Page):
        raise Http404
    permissions = page.permissions_for_user(request.user)
    if not permissions.can_edit():
        raise PermissionDenied

    try:
        page = save_translation_draft(translation, user=request.user)
    except ValidationError as error:
        messages.error(
            request,
            _("The translation could not be saved: %(errors)s")
            % {"errors": " ".join(error.messages)},
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    if request.POST.get("action") == "submit":
        permissions = page.permissions_for_user(request.user)
        if not permissions.can_submit_for_moderation():
            messages.error(request, _("This page can't be submitted for moderation now."))
        else:
            page.get_workflow().start(page, request.user)
            messages.success(
                request,
                _("'%(title)s' was saved as a draft and submitted for moderation.")
                % {"title": page.get_admin_display_title()},
            )
            return redirect("wagtailadmin_pages:edit", page.pk)
    messages.success(
        request,
        _("'%(title)s' was saved as a draft.") % {"title": page.get_admin_display_title()},
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


def guarded_convert_to_alias(request, page_id):
    """wagtail-localize's "Convert to alias", for users who may publish the page.

    Converting replaces what a live translated page shows with the source page's
    content; the original only checks edit permission, so a translator could
    change a live page without review. Registered on the same URL (wagtail_hooks.py).
    """
    page = get_object_or_404(Page, id=page_id, alias_of_id__isnull=True)
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return convert_to_alias(request, page_id)


class TargetLocalesOnlyMixin:
    """wagtail-localize offers every language without a translation, the source one
    included: from a page only a translator wrote, "Translate" would create pages
    (and their parents) in the English tree. Those who may not change English
    content only get the other languages. Registered on wagtail-localize's URLs.
    """

    def get_form(self):
        form = super().get_form()
        if not may_change_source_content(self.request.user):
            locales = form.fields["locales"]
            locales.queryset = locales.queryset.exclude(pk=Locale.get_default().pk)
        return form


class GuardedSubmitPageTranslationView(TargetLocalesOnlyMixin, SubmitPageTranslationView):
    pass


class GuardedSubmitSnippetTranslationView(TargetLocalesOnlyMixin, SubmitSnippetTranslationView):
    pass


class GuardedUpdateTranslationsView(UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages", without "Publish immediately" for
    users who may not publish every translated page.

    The original only checks `submit_translation`, so a translator could publish
    every translation of a page by ticking that box. Registered on the same URL,
    ahead of wagtail-localize's own (see wagtail_hooks.py).
    """

    def get_form(self):
        form = super().get_form()
        if not self._can_publish_translations():
            # A disabled field ignores what is posted and cleans to its initial value.
            form.fields["publish_translations"] = forms.BooleanField(
                required=False, initial=False, disabled=True, widget=forms.HiddenInput
            )
        return form

    def _can_publish_translations(self):
        instance = self.object.get_source_instance()
        user = self.request.user
        if not isinstance(instance, Page):
            # Snippets have no drafts: saving a translation publishes it.
            return user.has_perm(get_permission_name("change", type(instance)))
        targets = Page.objects.filter(
            translation_key=instance.translation_key,
            locale__in=self.object.translations.filter(enabled=True).values("target_locale"),
        ).specific()
        return all(page.permissions_for_user(user).can_publish() for page in targets)


class TranslationStatusFilterSet(WagtailFilterSet):
    # Picks the report's columns, not its rows: every source page has a status in
    # every language.
    locale = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Language"),
        queryset=lambda request: target_locales(),
        method="keep_rows",
        empty_label=gettext_lazy("All languages"),
    )

    class Meta:
        model = Page
        fields = []

    def keep_rows(self, queryset, name, value):
        return queryset


class TranslationStatusView(ReportView):
    page_title = gettext_lazy("Translation status")
    header_icon = "site"
    results_template_name = "localization/translation_status_results.html"
    index_url_name = "localization:translation_status"
    index_results_url_name = "localization:translation_status_results"
    filterset_class = TranslationStatusFilterSet
    paginate_by = 50

    def dispatch(self, request, *args, **kwargs):
        if not can_view_status(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        # Live default-locale pages: the sources translators work from.
        return (
            Page.objects.filter(locale=Locale.get_default(), depth__gt=1, live=True)
            .filter(alias_of__isnull=True)
            .select_related("content_type")
            .only(
                "id",
                "title",
                "path",
                "depth",
                "translation_key",
                "locale_id",
                "last_published_at",
                "content_type",
            )
            .order_by("path")
        )

    def selected_locales(self):
        if (
            self.filters
            and self.filters.is_valid()
            and self.filters.form.cleaned_data.get("locale")
        ):
            return [self.filters.form.cleaned_data["locale"]]
        return list(target_locales())

    def decorate_paginated_queryset(self, object_list):
        pages = list(object_list)
        self.locales = self.selected_locales()
        cells = status.page_status(pages, self.locales)
        # The filter refreshes the table through the results-only URL; links must
        # bring the user back to the whole report with the same filter.
        query = self.request.GET.urlencode()
        back = reverse("localization:translation_status") + (f"?{query}" if query else "")
        for page in pages:
            page.translation_cells = cells[page.pk]
            for cell in page.translation_cells:
                cell.url, cell.action = self._action(page, cell, back)
                cell.sync_url = self._sync_url(cell, back)
        return pages

    def _action(self, page, cell, back):
        if cell.missing:
            query = urlencode({"select_locale": cell.locale.language_code, "next": back})
            return (
                f"{reverse('wagtail_localize:submit_page_translation', args=[page.pk])}?{query}",
                _("Translate"),
            )
        return reverse("wagtailadmin_pages:edit", args=[cell.target_page_id]), _("Edit")

    def _sync_url(self, cell, back):
        if status.OUTDATED not in cell.flags:
            return None
        query = urlencode({"next": back})
        return f"{reverse('wagtail_localize:update_translations', args=[cell.source_id])}?{query}"

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["locales"] = getattr(self, "locales", None) or self.selected_locales()
        return context
