from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import urls
from .views import GuardedUpdateTranslationsView, can_view_status


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
