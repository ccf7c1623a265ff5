from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from blog import demo as blog_demo
from enquiries import demo as enquiries_demo
from exportsite.log import quiet_wagtail_log
from faq import demo as faq_demo
from home import demo as home_demo
from products import demo as products_demo
from reviews import demo as reviews_demo

# Each app contributes a `demo.seed(stdout, languages)`; later apps build on earlier
# ones (products link to certifications, reviews to products), hence the order.
SEEDERS = [
    home_demo.seed,
    products_demo.seed,
    blog_demo.seed,
    faq_demo.seed,
    enquiries_demo.seed,
    reviews_demo.seed,
]


def default_demo_languages() -> list[str]:
    """Every configured language but the source one, unless DEMO_LANGUAGES narrows it."""
    configured = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
    return list(getattr(settings, "DEMO_LANGUAGES", configured))


class Command(BaseCommand):
    help = "Build the demo exporter site (idempotent: running it twice changes nothing)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--languages",
            help="Comma-separated language codes to translate the demo into "
            "(default: every configured language).",
        )

    def handle(self, *args, languages=None, **options):
        languages = self._parse_languages(languages) if languages else default_demo_languages()
        with quiet_wagtail_log(), transaction.atomic():
            for seed in SEEDERS:
                seed(self.stdout, languages)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))

    def _parse_languages(self, value: str) -> list[str]:
        configured = {code for code, _name in settings.LANGUAGES}
        languages = [code.strip() for code in value.split(",") if code.strip()]
        unknown = sorted(set(languages) - configured)
        if unknown:
            raise CommandError(
                f"Unknown language(s) {', '.join(unknown)}; configured: {', '.join(sorted(configured))}"
            )
        return [code for code in languages if code != settings.LANGUAGE_CODE]
