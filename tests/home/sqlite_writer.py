"""The admin's side of tests/home/test_sqlite_default.py, run in its own process.

Each transaction reads first and writes after, as a page save in the admin does,
and queues a task for the worker, as a lead or an outbox email does. Prints how
many transactions failed with "database is locked".
"""

import json
import sys
import time

import django
from django.db import OperationalError, connection, transaction

TRANSACTIONS = int(sys.argv[1]) if len(sys.argv) > 1 else 150


def main() -> None:
    django.setup()
    from django_tasks_db.models import DBTaskResult

    from tests.home.sqlite_tasks import bump

    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE IF NOT EXISTS fz_counter (id INTEGER PRIMARY KEY, n INTEGER)")
        cursor.execute("INSERT OR IGNORE INTO fz_counter (id, n) VALUES (1, 0)")
    _wait_for_the_worker(bump)
    locked = 0
    for _ in range(TRANSACTIONS):
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("SELECT n FROM fz_counter WHERE id = 1")
                cursor.fetchone()
                DBTaskResult.objects.count()
                # An admin save reads for a while (permissions, the page tree,
                # revisions) before it writes: the window another writer hits.
                time.sleep(0.02)
                cursor.execute("UPDATE fz_counter SET n = n + 1 WHERE id = 1")
                bump.enqueue()
        except OperationalError as error:
            if "locked" not in str(error):
                raise
            locked += 1
    print(json.dumps({"locked": locked}))


def _wait_for_the_worker(task, timeout: float = 120) -> None:
    """Start writing only once the worker runs tasks: the point is to write together."""
    result = task.enqueue()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result.refresh()
        if result.is_finished:
            return
        time.sleep(0.1)
    raise SystemExit("the worker never ran the first task")


if __name__ == "__main__":
    main()
