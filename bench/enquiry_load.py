#!/usr/bin/env python
"""Enquiry load with the mail server down: does every lead and every email arrive, once?

    bench/run-enquiries                      # 500 enquiries, 50 clients, throwaway PostgreSQL
    bench/run-enquiries --enquiries 100 --clients 10

1. Migrate an empty PostgreSQL database and build a home page and an enquiry page
   with the factories the tests use.
2. Start gunicorn (bench.load_settings: queued email, SMTP delivery) and two email
   workers, all on 127.0.0.1. No SMTP server listens yet: delivery is refused.
3. N client threads each fetch the form (CSRF cookie and token) and post enquiries,
   until the total is reached. When half of them are in, a real SMTP server
   (aiosmtpd) starts on the port the site sends to.
4. Wait until every lead's two emails (sales notification, buyer acknowledgement)
   are delivered, then count: leads, messages the SMTP server received, and
   duplicates (the same Message-ID twice).

Bounded: a fixed number of requests to 127.0.0.1 only, and a deadline for the
mail to drain. A measurement, not a test: it prints numbers, and exits non-zero
only when something was lost or sent twice. See bench/README.md.
"""

import argparse
import http.client
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.load_settings")

from bench.catalog import LOOPBACK, free_port, stop, wait_until_serving  # noqa: E402

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--enquiries", type=int, default=500)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers")
    parser.add_argument("--drain-seconds", type=float, default=300, help="deadline for the mail")
    parser.add_argument("--json", help="also write the results to this file")
    return parser.parse_args(argv)


def prepare_database() -> str:
    """Migrate, and build the pages the load needs. Returns the enquiry page's path."""
    import django

    django.setup()
    from django.core.management import call_command
    from wagtail.models import Page, Site

    from enquiries.models import EnquiryPage, Lead
    from tests.factories import EnquiryPageFactory, HomePageFactory

    call_command("migrate", interactive=False, verbosity=0)
    if Lead.objects.exists():
        sys.exit("error: the database already holds leads; give the load an empty one")
    page = EnquiryPage.objects.filter(slug="bench-quote").first()
    if page is None:
        home = HomePageFactory(parent=Page.get_first_root_node(), slug="bench-load-home")
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"hostname": "localhost", "port": 80, "root_page": home},
        )
        page = EnquiryPageFactory(parent=home, slug="bench-quote")
    return page.url


class Mailbox:
    """What the SMTP server received: Message-IDs and recipients."""

    def __init__(self):
        self.lock = threading.Lock()
        self.message_ids: Counter = Counter()
        self.recipients: Counter = Counter()

    async def handle_DATA(self, server, session, envelope):
        from email import message_from_bytes

        message = message_from_bytes(envelope.content)
        with self.lock:
            self.message_ids[message.get("Message-ID", "")] += 1
            for rcpt in envelope.rcpt_tos:
                self.recipients[rcpt] += 1
        return "250 OK"


class Client:
    """One buyer's browser: its own connection, cookie jar and CSRF token."""

    def __init__(self, port: int, path: str):
        self.port = port
        self.path = path
        self.cookies: dict[str, str] = {}

    def request(self, method: str, body: str | None = None):
        connection = http.client.HTTPConnection(LOOPBACK, self.port, timeout=60)
        headers = {
            "Host": "localhost",
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
        }
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, self.path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read().decode("utf-8", "replace")
            for header, value in response.getheaders():
                if header.lower() == "set-cookie":
                    name, _, rest = value.partition("=")
                    self.cookies[name] = rest.split(";", 1)[0]
            return response.status, content
        finally:
            connection.close()

    def submit(self, number: int) -> tuple[int, float]:
        status, page = self.request("GET")
        token = CSRF_INPUT.search(page)
        if status != 200 or token is None:
            return status, 0.0
        form = {
            "csrfmiddlewaretoken": token.group(1),
            "name": f"Load Buyer {number}",
            "company": "Bench Imports Ltd",
            "email": f"buyer{number}@load.example",
            "country": "ES",
            "consent": "on",
            "website": "",
            "form_token": str(uuid.uuid4()),
            "message": f"Load test enquiry number {number}: 500 high bays, FOB Ningbo.",
            "lines-TOTAL_FORMS": "0",
            "lines-INITIAL_FORMS": "0",
            "lines-MIN_NUM_FORMS": "0",
            "lines-MAX_NUM_FORMS": "50",
        }
        started = time.perf_counter()
        status, _content = self.request("POST", urlencode(form))
        return status, time.perf_counter() - started


def start_process(command: list[str], env: dict, name: str):
    log = tempfile.NamedTemporaryFile("w+", prefix=f"bench-{name}-", suffix=".log")  # noqa: SIM115
    process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    return process, log


def run(args) -> dict:
    from aiosmtpd.controller import Controller

    smtp_port = free_port()
    os.environ["BENCH_SMTP_PORT"] = str(smtp_port)
    path = prepare_database()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.load_settings"}
    bin_dir = Path(sys.executable).parent
    web_port = free_port()
    gunicorn, gunicorn_log = start_process(
        [
            str(bin_dir / "gunicorn"),
            "exportsite.wsgi:application",
            f"--bind={LOOPBACK}:{web_port}",
            f"--workers={args.workers}",
            "--log-level=warning",
        ],
        env,
        "gunicorn",
    )
    workers = [
        start_process(
            [sys.executable, "manage.py", "db_worker", "--backend", "leads", "--interval", "0.2"],
            env,
            f"worker{n}",
        )
        for n in range(2)
    ]
    mailbox = Mailbox()
    smtp = Controller(mailbox, hostname=LOOPBACK, port=smtp_port)
    smtp_started = threading.Event()
    results: list[tuple[int, float]] = []
    results_lock = threading.Lock()
    numbers = iter(range(args.enquiries))
    numbers_lock = threading.Lock()

    def client_loop():
        client = Client(web_port, path)
        while True:
            with numbers_lock:
                number = next(numbers, None)
            if number is None:
                return
            outcome = client.submit(number)
            with results_lock:
                results.append(outcome)
                if len(results) >= args.enquiries // 2 and not smtp_started.is_set():
                    smtp_started.set()
                    smtp.start()  # the mail server comes back half-way through

    try:
        wait_until_serving(gunicorn, web_port, gunicorn_log)
        started = time.perf_counter()
        threads = [threading.Thread(target=client_loop) for _ in range(args.clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        load_seconds = time.perf_counter() - started
        if not smtp_started.is_set():
            smtp_started.set()
            smtp.start()
        drained = wait_for_mail(args.drain_seconds)
        drain_seconds = time.perf_counter() - started - load_seconds
    finally:
        stop(gunicorn)
        for process, _log in workers:
            stop(process)
        if smtp_started.is_set():
            smtp.stop()
    return report(args, results, load_seconds, drain_seconds, drained, mailbox)


def wait_for_mail(deadline_seconds: float) -> bool:
    from enquiries.models import Lead, NotificationStatus

    deadline = time.monotonic() + deadline_seconds
    while time.monotonic() < deadline:
        pending = Lead.objects.exclude(
            notification_status=NotificationStatus.SENT, acknowledgement_sent_at__isnull=False
        ).count()
        if pending == 0:
            return True
        time.sleep(1)
    return False


def report(args, results, load_seconds, drain_seconds, drained, mailbox) -> dict:
    from enquiries.models import Lead

    latencies = sorted(seconds for status, seconds in results if status == 302)
    statuses = Counter(status for status, _seconds in results)

    def percentile(fraction: float) -> float | None:
        if not latencies:
            return None
        return round(latencies[min(len(latencies) - 1, int(fraction * len(latencies)))] * 1000, 1)

    received = sum(mailbox.message_ids.values())
    summary = {
        "enquiries": args.enquiries,
        "clients": args.clients,
        "gunicorn_workers": args.workers,
        "responses": dict(statuses),
        "throughput_per_second": round(len(results) / load_seconds, 1),
        "p50_ms": percentile(0.50),
        "p99_ms": percentile(0.99),
        "mean_ms": round(statistics.mean(latencies) * 1000, 1) if latencies else None,
        "leads": Lead.objects.count(),
        "emails_received": received,
        "distinct_message_ids": len(mailbox.message_ids),
        "duplicates": sum(n - 1 for n in mailbox.message_ids.values() if n > 1),
        "mail_drained": drained,
        "seconds_to_drain_after_load": round(drain_seconds, 1),
    }
    expected_emails = 2 * args.enquiries
    summary["ok"] = (
        summary["leads"] == args.enquiries
        and received == expected_emails
        and summary["duplicates"] == 0
        and statuses == Counter({302: args.enquiries})
    )
    return summary


def main(argv=None) -> None:
    args = parse_args(argv)
    summary = run(args)
    print(json.dumps(summary, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(summary, indent=2) + "\n")
    sys.exit(0 if summary["ok"] else 1)


if __name__ == "__main__":
    main()
