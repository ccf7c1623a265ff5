from django.urls import path

from . import views

app_name = "localization"
urlpatterns = [
    path(
        "translations/<int:translation_id>/draft/",
        views.save_draft,
        name="save_translation_draft",
    ),
    path(
        "reports/translation-status/",
        views.TranslationStatusView.as_view(),
        name="translation_status",
    ),
    path(
        "reports/translation-status/results/",
        views.TranslationStatusView.as_view(results_only=True),
        name="translation_status_results",
    ),
]
