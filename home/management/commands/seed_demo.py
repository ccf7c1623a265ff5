from django.core.management.base import BaseCommand
from django.db import transaction

from blog import demo as blog_demo
from enquiries import demo as enquiries_demo
from faq import demo as faq_demo
from home import demo as home_demo
from products import demo as products_demo
from reviews import demo as reviews_demo

# Each app contributes a `demo.seed(stdout)`; later apps build on earlier ones
# (products link to certifications, reviews to products), hence the order.
SEEDERS = [
    home_demo.seed,
    products_demo.seed,
    blog_demo.seed,
    faq_demo.seed,
    enquiries_demo.seed,
    reviews_demo.seed,
]


class Command(BaseCommand):
    help = "Build the demo exporter site (idempotent: running it twice changes nothing)."

    def handle(self, *args, **options):
        with transaction.atomic():
            for seed in SEEDERS:
                seed(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
