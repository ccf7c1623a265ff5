from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewsConfig(AppConfig):
    name = "reviews"
    verbose_name = _("Reviews")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from enquiries import privacy as buyer_data

        from . import moderation, privacy

        moderation.connect()
        buyer_data.register(
            "reviews", exporter=privacy.export_reviews, eraser=privacy.erase_reviews
        )
