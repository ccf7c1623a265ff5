from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LocalizationConfig(AppConfig):
    """The translators' side of the site: roles, machine translation, status report."""

    name = "localization"
    verbose_name = _("Localization")

    def ready(self):
        from . import signals

        signals.connect()
