from django.core.exceptions import PermissionDenied
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Locale, TranslatableMixin

from . import urls
from .views import (
    GuardedSubmitPageTranslationView,
    GuardedSubmitSnippetTranslationView,
    GuardedUpdateTranslationsView,
    can_view_status,
    guarded_convert_to_alias,
    may_change_source_content,
)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("localization/", include(urls, namespace="localization")),
        # Same path as wagtail-localize's sync view: this app's hooks load first
        # (INSTALLED_APPS order), so this URL wins and reverse() of theirs lands here.
        path(
            "localize/update/<int:translation_source_id>/",
            GuardedUpdateTranslationsView.as_view(),
            name="localization_update_translations",
        ),
        path(
            "localize/submit/page/<int:page_id>/",
            GuardedSubmitPageTranslationView.as_view(),
            name="localization_submit_page_translation",
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            GuardedSubmitSnippetTranslationView.as_view(),
            name="localization_submit_snippet_translation",
        ),
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            guarded_convert_to_alias,
            name="localization_convert_to_alias",
        ),
    ]


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_status(request.user)


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return TranslationStatusMenuItem(
        _("Translation status"),
        reverse("localization:translation_status"),
        icon_name="site",
        order=9010,
    )


def _is_source(instance) -> bool:
    return isinstance(instance, TranslatableMixin) and instance.locale_id == Locale.get_default().pk


@hooks.register("before_edit_snippet")
def refuse_editing_source_snippets(request, instance):
    if _is_source(instance) and not may_change_source_content(request.user):
        raise PermissionDenied
