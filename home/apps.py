from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtailseo.models import SeoSettings

        # Organisation data is edited in Settings > Company (CompanySettings); keep
        # only the on/off switches in wagtail-seo's own settings screen so editors
        # never fill in the same address twice.
        SeoSettings.panels = SeoSettings.panels[:1]
