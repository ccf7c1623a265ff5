#!/usr/bin/env python
"""Catalog benchmark: build N products, then time the catalog pages.

    DATABASE_URL=postgres://... .venv/bin/python bench/catalog.py --products 1000
    bench/run --products 1000          # the same in a throwaway PostgreSQL cluster

1. Build (or reuse) a bench catalog in an empty PostgreSQL database: one category
   holding N products, each with 2 gallery images, 6 specification rows and 2-3
   certifications; then update the search index.
2. Render the category page (plain and filtered), a product page and the search
   page with Django's test client: median and p90 time, queries per request.
3. Serve the same URLs with gunicorn on 127.0.0.1 and load them from a few client
   threads for a fixed time: requests/second, mean latency, non-200 responses.

A measurement tool, not a test: it asserts nothing about timings. See bench/README.md.
"""

import argparse
import datetime
import http.client
import json
import math
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
SETTINGS_MODULE = "bench.settings"
LOOPBACK = "127.0.0.1"  # the only address the load client ever connects to

# Stable names that mark the bench content in the database.
HOME_SLUG = "bench-home"
SITE_NAME = "exportsite bench"
IMAGE_PREFIX = "Bench "
CATEGORY_SLUG = "led-lighting"
SEARCH_QUERY = "high bay"
SEARCH_PATH = "/en/search/?" + urlencode({"q": SEARCH_QUERY})  # /en/search/?q=high+bay
FILTER_QUERY = "?cert=ISO9001&sort=newest&page=3"

IMAGE_COUNT = 6  # shared by all products: renditions exist after the first request
IMAGE_SIZE = (400, 300)
SPEC_KEYS = ["power", "cct", "material", "voltage", "ip", "warranty"]
CCTS = ["3000", "4000", "5000", "6500"]
CERTIFICATES = [  # (slug, standard, title, issuer)
    ("ce", "CE", "CE marking (EMC and LVD)", "TÜV Rheinland"),
    ("rohs", "RoHS", "RoHS compliance", "SGS"),
    ("iso-9001", "ISO9001", "ISO 9001 quality management", "Bureau Veritas"),
]


@dataclass
class Target:
    name: str
    path: str
    optional: bool = False  # a 404 means "not available", not an error


@dataclass
class RenderResult:
    name: str
    path: str
    status: int | None = None
    note: str = ""
    median_ms: float | None = None
    p90_ms: float | None = None
    queries: int | None = None
    kilobytes: float | None = None
    samples_ms: list[float] = field(default_factory=list)

    @property
    def measured(self) -> bool:
        return self.median_ms is not None


@dataclass
class LoadResult:
    name: str
    path: str
    seconds: float
    requests: int
    requests_per_second: float
    mean_ms: float | None
    p90_ms: float | None
    non_200: dict[str, int]


# --- setup -------------------------------------------------------------------------


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=(
            "Build a catalog of N products in an empty PostgreSQL database (DATABASE_URL) "
            "and measure the category, product and search pages."
        )
    )
    parser.add_argument("--products", type=int, default=1000, help="products (default 1000)")
    parser.add_argument(
        "--repeat", type=int, default=20, help="test-client requests per page (default 20)"
    )
    parser.add_argument(
        "--seconds", type=float, default=10, help="gunicorn load per page, seconds (default 10)"
    )
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument(
        "--concurrency", type=int, default=4, help="client threads against gunicorn (default 4)"
    )
    parser.add_argument(
        "--rebuild", action="store_true", help="delete the bench content and build it again"
    )
    parser.add_argument("--json", metavar="PATH", help="also write the results as JSON")
    args = parser.parse_args(argv)
    for name in ("products", "repeat", "workers", "concurrency"):
        if getattr(args, name) < 1:
            parser.error(f"--{name} must be at least 1")
    if args.seconds <= 0:
        parser.error("--seconds must be positive")
    return args


def setup_django() -> None:
    """Load bench.settings; they refuse anything but PostgreSQL."""
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = SETTINGS_MODULE
    import django
    from django.core.exceptions import ImproperlyConfigured

    try:
        django.setup()
    except ImproperlyConfigured as exc:
        sys.exit(f"error: {exc}")


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- build -------------------------------------------------------------------------


def database_state() -> str:
    """'empty', 'bench' (our content only) or 'foreign' (somebody's site: hands off).

    Raw SQL, so it also works on a database that is not migrated yet.
    """
    from django.db import connection

    if "wagtailcore_page" not in connection.introspection.table_names():
        return "empty"
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT p.slug, p.numchild, ct.app_label, ct.model FROM wagtailcore_page p "
            "JOIN django_content_type ct ON ct.id = p.content_type_id WHERE p.depth = 2"
        )
        top = cursor.fetchall()
    if all(app == "wagtailcore" and model == "page" and not kids for _s, kids, app, model in top):
        return "empty"  # nothing but Wagtail's "Welcome to your new Wagtail site!" page
    if [slug for slug, *_rest in top] == [HOME_SLUG]:
        return "bench"
    return "foreign"


def prepare_catalog(args) -> dict:
    """Build the bench catalog, or reuse the one already in the database."""
    from django.core.management import call_command

    state = database_state()
    if state == "foreign":
        sys.exit(
            "error: this database already holds a site that is not the bench's. The bench "
            "builds its own catalog: point DATABASE_URL at an empty database, or use bench/run "
            "(a throwaway PostgreSQL cluster)."
        )
    log("migrating the database...")
    call_command("migrate", interactive=False, verbosity=0)
    if state == "bench":
        reason = "--rebuild" if args.rebuild else reuse_problem(args.products)
        if reason is None:
            log(f"reusing the bench catalog already in the database ({args.products} products)")
            return {"built": False, "build_seconds": None}
        log(f"rebuilding the bench catalog ({reason}): dropping its tables, migrating again...")
        drop_bench_tables()
        call_command("migrate", interactive=False, verbosity=0)
    started = time.perf_counter()
    build_catalog(args.products)
    log("updating the search index...")
    call_command("update_index", verbosity=0)
    seconds = time.perf_counter() - started
    log(f"built {args.products} products in {seconds:.0f} s")
    return {"built": True, "build_seconds": round(seconds, 1)}


def reuse_problem(products: int) -> str | None:
    """Why the bench content in the database cannot be reused, or None."""
    from django.core.files.storage import default_storage
    from wagtail.images import get_image_model

    from products.models import ProductPage

    found = ProductPage.objects.filter(path__startswith=bench_home().path).count()
    if found != products:
        return f"it holds {found} products, not {products}"
    for image in get_image_model().objects.filter(title__startswith=IMAGE_PREFIX):
        if not default_storage.exists(image.file.name):
            return f"image file {image.file.name} is missing from MEDIA_ROOT"
    return None


def bench_home():
    from wagtail.models import Page

    return Page.objects.get(depth=2, slug=HOME_SLUG)


def drop_bench_tables() -> None:
    """Start over: drop the tables of this database, which holds the bench only.

    Faster than deleting the pages: Wagtail and wagtail-localize clean up page by
    page, which takes minutes for 1,000 products. Tables that no Django model of
    this project owns are left alone.
    """
    from django.contrib.contenttypes.models import ContentType
    from django.core.cache import cache
    from django.db import connection

    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    tables.append("django_migrations")
    with connection.cursor() as cursor:
        cursor.execute(
            "DROP TABLE IF EXISTS "
            + ", ".join(connection.ops.quote_name(table) for table in sorted(tables))
            + " CASCADE"
        )
    ContentType.objects.clear_cache()  # the ids change when the tables come back
    cache.clear()


def clear_media_root() -> None:
    """Remove pictures of earlier bench runs, in a MEDIA_ROOT the bench created only."""
    from django.conf import settings

    media = Path(settings.MEDIA_ROOT)
    marker = media / ".exportsite-bench"
    if marker.exists():
        for name in ("original_images", "images"):
            shutil.rmtree(media / name, ignore_errors=True)
    elif not media.exists() or not any(media.iterdir()):
        media.mkdir(parents=True, exist_ok=True)
        marker.write_text("Created by bench/catalog.py; its content is deleted on rebuild.\n")


@contextmanager
def deferred_indexing():
    """Skip the per-save search and reference index updates while building.

    The search index is rebuilt once afterwards (update_index). The reference
    index only feeds the admin's usage counts, which no measured page reads.
    """
    from django.db.models.signals import post_save
    from modelsearch.signal_handlers import post_save_signal_handler
    from wagtail.signal_handlers import disable_reference_index_auto_update

    from products.models import ProductPage

    post_save.disconnect(post_save_signal_handler, sender=ProductPage)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        post_save.connect(post_save_signal_handler, sender=ProductPage)


def build_catalog(count: int) -> None:
    from django.db import transaction

    clear_media_root()
    with transaction.atomic(), deferred_indexing():
        home = create_site()
        images = create_images()
        attributes = create_attributes(home.locale)
        certificates = create_certifications(home)
        category = create_category(home, images[0])
        create_products(category, count, images, attributes, certificates)


def create_site():
    from wagtail.models import Locale, Page, Site

    from home.models import CompanySettings, HomePage

    locale, _ = Locale.objects.get_or_create(language_code="en")
    # Wagtail's migrations leave a placeholder page and Site; the bench has its own.
    Page.objects.filter(depth=2).delete()
    home = HomePage(
        title="Home",
        slug=HOME_SLUG,
        locale=locale,
        hero_heading="LED lighting made in Ningbo",
        hero_text="Factory-direct industrial and commercial LED lighting.",
    )
    Page.get_first_root_node().add_child(instance=home)
    site = Site.objects.create(
        hostname="localhost", port=80, root_page=home, is_default_site=True, site_name=SITE_NAME
    )
    company = CompanySettings.for_site(site)
    company.struct_org_name = "Bench Lighting Co., Ltd."
    company.email = "sales@bench.example"
    company.save()
    return home


def create_images() -> list:
    from exportsite.demo import get_or_create_image
    from products.demo import FAMILIES

    colors = [family["colors"] for family in FAMILIES]
    return [
        get_or_create_image(
            f"{IMAGE_PREFIX}product {n}",
            size=IMAGE_SIZE,
            colors=colors[n % len(colors)],
            label=f"B{n}",
        )
        for n in range(1, IMAGE_COUNT + 1)
    ]


def create_attributes(locale) -> dict:
    from products.demo import ATTRIBUTES
    from products.models import SpecificationAttribute

    attributes = {}
    for order, key in enumerate(SPEC_KEYS):
        name, unit, filterable, _i18n = ATTRIBUTES[key]
        attributes[key] = SpecificationAttribute.objects.create(
            key=key,
            locale=locale,
            name=name,
            default_unit=unit,
            filterable=filterable,
            sort_order=order * 10,
        )
    return attributes


def create_certifications(home) -> dict:
    from django.utils import timezone

    from products.models import CertificationIndexPage, CertificationPage

    index = CertificationIndexPage(title="Certifications", slug="certifications")
    home.add_child(instance=index)
    today = timezone.localdate()
    certificates = {}
    for slug, standard, title, issuer in CERTIFICATES:
        certificate = CertificationPage(
            title=title,
            slug=slug,
            standard=standard,
            certificate_number=f"BENCH-{standard}-2025",
            issuer=issuer,
            valid_from=today - datetime.timedelta(days=365),
            valid_until=today + datetime.timedelta(days=730),
        )
        index.add_child(instance=certificate)
        certificates[standard] = certificate
    return certificates


def create_category(home, image):
    from products.models import ProductCategoryPage, ProductIndexPage

    catalog = ProductIndexPage(title="Products", slug="products", show_in_menus=True)
    home.add_child(instance=catalog)
    category = ProductCategoryPage(
        title="LED lighting",
        slug=CATEGORY_SLUG,
        intro="<p>High bays, floodlights and panels for industry and commerce.</p>",
        image=image,
    )
    catalog.add_child(instance=category)
    return category


def create_products(category, count, images, attributes, certificates) -> None:
    """Pages go through add_child (correct tree paths) but skip revisions: they are
    created live with publication dates, as publish() would leave them."""
    from products.models import ProductPage

    started = time.perf_counter()
    published = datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=1)
    products = []
    for n in range(count):
        product = make_product(n, images, attributes, certificates)
        when = published + datetime.timedelta(seconds=n)  # distinct dates for ?sort=newest
        product.first_published_at = product.last_published_at = when
        category.add_child(instance=product)
        products.append(product)
        if (n + 1) % max(count // 10, 1) == 0 or n + 1 == count:
            log(f"  {n + 1}/{count} products ({time.perf_counter() - started:.0f} s)")
    # Each product is related to its two neighbours, in one query.
    Related = ProductPage.related_products.through
    Related.objects.bulk_create(
        Related(from_productpage_id=product.pk, to_productpage_id=products[other].pk)
        for position, product in enumerate(products)
        for other in (position - 1, position + 1)
        if 0 <= other < len(products)
    )


def make_product(n: int, images, attributes, certificates):
    from products.demo import FAMILIES
    from products.models import ProductGalleryImage, ProductPage, ProductSpecification

    family = FAMILIES[n % len(FAMILIES)]
    power = family["powers"][(n // len(FAMILIES)) % len(family["powers"])]
    sku = f"BN-{family['code']}-{n + 1:05d}"
    title = f"{family['name']['en'].format(p=power)}, model {sku}"
    price_low, price_per_watt = family["price"]
    low = (price_low + price_per_watt * power).quantize(Decimal("0.01"))
    on_request = n % 3 == 2
    product = ProductPage(
        title=title,
        slug=sku.lower(),
        live=True,
        has_unpublished_changes=False,
        sku=sku,
        summary=family["summary"]["en"].format(p=power, lm=f"{power * 120:,}"),
        description="<p>Built with Lumileds LEDs and a flicker-free driver. "
        "Every unit is aged for 8 hours before packing.</p>",
        featured=n < 8,
        moq=family["moq"],
        lead_time_min_days=15 + n % 10,
        lead_time_max_days=25 + n % 10,
        supply_capacity="30,000 pieces per month",
        packaging="1 piece per carton, 5-layer export carton with foam inserts.",
        port_of_loading="Ningbo, China",
        incoterms=["EXW", "FOB", "CIF"] if n % 2 else ["FOB", "CFR", "CIF", "DAP"],
        hs_code="9405.42",
        price_policy=ProductPage.PRICE_ON_REQUEST if on_request else ProductPage.PRICE_RANGE,
        price_min=None if on_request else low,
        price_max=None if on_request else (low * Decimal("1.25")).quantize(Decimal("0.01")),
        samples_available=n % 4 != 3,
        sample_deposit=None if n % 4 == 3 else (low * 2).quantize(Decimal("1")),
    )
    product.gallery_images = [
        ProductGalleryImage(image=images[n % len(images)], alt_text=f"{title}, front view"),
        ProductGalleryImage(image=images[(n + 1) % len(images)], alt_text=f"{title}, detail"),
    ]
    values = {
        "power": (str(power), "W"),
        "cct": (CCTS[n % len(CCTS)], "K"),
        "material": (family["material"], ""),
        "voltage": ("100-277" if power <= 240 else "200-480", "V AC"),
        "ip": (family["ip"], ""),
        "warranty": ("5" if family["code"] != "PL" else "3", "years"),
    }
    product.specifications = [
        ProductSpecification(attribute=attributes[key], value=value, unit=unit)
        for key, (value, unit) in values.items()
    ]
    product.certifications = [certificates["CE"], certificates["RoHS"]] + (
        [certificates["ISO9001"]] if n % 2 == 0 else []
    )
    return product


def targets() -> list[Target]:
    from products.models import ProductCategoryPage, ProductPage

    home = bench_home()
    category = ProductCategoryPage.objects.get(path__startswith=home.path, slug=CATEGORY_SLUG)
    products = ProductPage.objects.child_of(category).order_by("path")
    product = products[products.count() // 2]
    return [
        Target("category page", category.url),
        Target("category, filtered", category.url + FILTER_QUERY),
        Target("product page", product.url),
        Target("search page", SEARCH_PATH, optional=True),
    ]


def search_matches() -> int:
    """Products the search backend finds for the search page's query (index check)."""
    from products.models import ProductPage

    return ProductPage.objects.live().search(SEARCH_QUERY).count()


# --- measure: Django's test client -------------------------------------------------


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile: the value below which `fraction` of the samples lie."""
    ordered = sorted(values)
    return ordered[max(1, math.ceil(len(ordered) * fraction)) - 1]


def measure_render(target: Target, repeat: int) -> RenderResult:
    """Time `repeat` requests after a warm-up one; count the queries of one more."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    result = RenderResult(target.name, target.path)
    try:
        warm_up = client.get(target.path)  # creates the image renditions, fills caches
    except Exception as exc:
        if not target.optional:
            raise
        result.note = f"error: {type(exc).__name__}: {exc}"
        return result
    result.status = warm_up.status_code
    if warm_up.status_code == 404 and target.optional:
        result.note = "not available (404)"
        return result
    if warm_up.status_code != 200:
        result.note = f"HTTP {warm_up.status_code}, not measured"
        return result
    failed = 0
    for _ in range(repeat):
        started = time.perf_counter()
        failed += client.get(target.path).status_code != 200
        result.samples_ms.append((time.perf_counter() - started) * 1000)
    if failed:
        result.note = f"{failed} of {repeat} timed requests were not HTTP 200"
    with CaptureQueriesContext(connection) as queries:
        response = client.get(target.path)
    result.queries = len(queries.captured_queries)
    result.kilobytes = round(len(response.content) / 1024, 1)
    result.median_ms = round(statistics.median(result.samples_ms), 2)
    result.p90_ms = round(percentile(result.samples_ms, 0.9), 2)
    result.samples_ms = [round(sample, 2) for sample in result.samples_ms]
    return result


# --- measure: gunicorn -------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((LOOPBACK, 0))
        return sock.getsockname()[1]


@contextmanager
def gunicorn_server(workers: int):
    """Run gunicorn with bench.settings on 127.0.0.1; always stop it afterwards."""
    from django.conf import settings

    gunicorn = Path(sys.executable).with_name("gunicorn")
    if not gunicorn.exists():
        sys.exit(f"error: {gunicorn} not found; run with the project's .venv/bin/python")
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": SETTINGS_MODULE,
        "BENCH_MEDIA_ROOT": str(settings.MEDIA_ROOT),
    }
    command = [
        str(gunicorn),
        "exportsite.wsgi:application",
        f"--bind={LOOPBACK}:{port}",
        f"--workers={workers}",
        f"--chdir={ROOT}",
        "--log-level=warning",
    ]
    with tempfile.NamedTemporaryFile("w+", prefix="bench-gunicorn-", suffix=".log") as output:
        process = subprocess.Popen(command, env=env, stdout=output, stderr=subprocess.STDOUT)
        try:
            wait_until_serving(process, port, output)
            yield port
        finally:
            stop(process)
            output.seek(0)
            said = output.read().strip()
            if said:
                log(f"gunicorn's log:\n{said[-3000:]}")


def wait_until_serving(process, port: int, output, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output.seek(0)
            raise RuntimeError(f"gunicorn exited with {process.returncode}:\n{output.read()}")
        try:
            with socket.create_connection((LOOPBACK, port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"gunicorn did not listen on {LOOPBACK}:{port} within {timeout:.0f} s")


def stop(process) -> None:
    if process.poll() is None:
        process.terminate()  # SIGTERM: gunicorn's graceful shutdown, workers included
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def run_load(port: int, path: str, seconds: float, concurrency: int) -> tuple[list, Counter]:
    """`concurrency` threads send GET requests one after the other until time is up."""
    deadline = time.perf_counter() + seconds
    per_thread = [([], Counter()) for _ in range(concurrency)]

    def client(latencies: list, statuses: Counter) -> None:
        connection = http.client.HTTPConnection(LOOPBACK, port, timeout=30)
        try:
            while time.perf_counter() < deadline:
                started = time.perf_counter()
                try:
                    connection.request("GET", path)
                    response = connection.getresponse()
                    response.read()
                    status = str(response.status)
                except (OSError, http.client.HTTPException) as exc:
                    status = type(exc).__name__
                    connection.close()
                    time.sleep(0.01)  # a dead server must not turn this into a busy loop
                latencies.append(time.perf_counter() - started)
                statuses[status] += 1
        finally:
            connection.close()

    # Daemon threads: an interrupted run exits at once instead of finishing the load.
    threads = [threading.Thread(target=client, args=pair, daemon=True) for pair in per_thread]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    latencies = [value for thread_latencies, _ in per_thread for value in thread_latencies]
    statuses = sum((thread_statuses for _, thread_statuses in per_thread), Counter())
    return latencies, statuses


def measure_load(target: Target, port: int, seconds: float, concurrency: int) -> LoadResult:
    run_load(port, target.path, min(1.0, seconds), concurrency)  # warm up every worker
    started = time.perf_counter()
    latencies, statuses = run_load(port, target.path, seconds, concurrency)
    elapsed = time.perf_counter() - started
    return LoadResult(
        name=target.name,
        path=target.path,
        seconds=round(elapsed, 2),
        requests=len(latencies),
        requests_per_second=round(len(latencies) / elapsed, 1),
        mean_ms=round(statistics.fmean(latencies) * 1000, 1) if latencies else None,
        p90_ms=round(percentile(latencies, 0.9) * 1000, 1) if latencies else None,
        non_200={status: n for status, n in sorted(statuses.items()) if status != "200"},
    )


# --- report ------------------------------------------------------------------------


def print_table(headers: list[str], rows: list[list]) -> None:
    cells = [headers, *[["" if value is None else str(value) for value in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    for index, row in enumerate(cells):
        print(
            "  ".join(
                value.ljust(width) if column < 2 else value.rjust(width)
                for column, (value, width) in enumerate(zip(row, widths, strict=True))
            ).rstrip()
        )
        if index == 0:
            print("  ".join("-" * width for width in widths))


def print_render(results: list[RenderResult], repeat: int) -> None:
    print(f"\nDjango test client: {repeat} requests per page after a warm-up request")
    print_table(
        ["page", "URL", "median ms", "p90 ms", "queries", "KB"],
        [
            [r.name, r.path, r.median_ms, r.p90_ms, r.queries, r.kilobytes]
            for r in results
            if r.measured
        ],
    )
    for r in results:
        if r.note:
            print(f"{r.name}: {r.note} at {r.path}")


def print_load(results: list[LoadResult], args, skipped: list[RenderResult]) -> None:
    print(
        f"\ngunicorn: {args.workers} sync workers on {LOOPBACK}, {args.concurrency} client "
        f"threads, {args.seconds:g} s per page after 1 s of warm-up"
    )
    print_table(
        ["page", "URL", "req/s", "mean ms", "p90 ms", "requests", "non-200"],
        [
            [
                r.name,
                r.path,
                r.requests_per_second,
                r.mean_ms,
                r.p90_ms,
                r.requests,
                ", ".join(f"{status}: {n}" for status, n in r.non_200.items()) or 0,
            ]
            for r in results
        ],
    )
    for r in skipped:
        print(f"{r.name}: {r.note} at {r.path}")


def environment() -> dict:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        (postgres,) = cursor.fetchone()
    return {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "cpus": cpu_count(),
        "cpu_model": cpu_model(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "postgresql": postgres,
        "load_average": [round(load, 2) for load in os.getloadavg()],
        "commit": git_commit(),
    }


def git_commit() -> str:
    """HEAD, with "+changes" when the working tree differs from it (read-only git)."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        )
        changed = subprocess.run(["git", "diff", "--quiet", "HEAD", "--"], cwd=ROOT).returncode
    except OSError:
        return "unknown"
    if head.returncode != 0:
        return "unknown"
    return head.stdout.strip() + ("+changes" if changed else "")


def cpu_count() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))  # the CPUs this process may use (Linux)
    return os.cpu_count() or 1


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def main(argv=None) -> None:
    args = parse_args(argv)
    sys.stdout.reconfigure(line_buffering=True)  # tables and progress lines in order
    # SIGTERM (e.g. from a CI timeout) unwinds like Ctrl-C, so gunicorn is stopped.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    setup_django()
    build = prepare_catalog(args)
    build["search_matches"] = search_matches()
    env = environment()
    print(
        f"\n{args.products} products ({build['search_matches']} found by the search index "
        f"for {SEARCH_QUERY!r}); {env['cpus']} CPUs ({env['cpu_model']}), "
        f"PostgreSQL {env['postgresql']}, Python {env['python']}, {env['date']}, "
        f"load average {env['load_average'][0]}, commit {env['commit']}"
    )

    pages = targets()
    render = [measure_render(target, args.repeat) for target in pages]
    print_render(render, args.repeat)

    served = [target for target, result in zip(pages, render, strict=True) if result.measured]
    skipped = [result for result in render if not result.measured]
    from django.db import connections

    connections.close_all()  # the server gets the database to itself
    with gunicorn_server(args.workers) as port:
        load = [measure_load(t, port, args.seconds, args.concurrency) for t in served]
    print_load(load, args, skipped)

    if args.json:
        report = {
            "environment": env,
            "options": vars(args),
            "build": build,
            "render": [asdict(result) for result in render],
            "gunicorn": [asdict(result) for result in load],
        }
        Path(args.json).write_text(json.dumps(report, indent=2) + "\n")
        log(f"\nwrote {args.json}")


if __name__ == "__main__":
    main()
