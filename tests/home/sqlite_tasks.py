"""A task for tests/home/test_sqlite_default.py: the worker's own read-then-write."""

import time

from django.db import connection, transaction
from django_tasks import task


@task(backend="leads")
def bump() -> int:
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT n FROM fz_counter WHERE id = 1")
        (value,) = cursor.fetchone()
        time.sleep(0.01)
        cursor.execute("UPDATE fz_counter SET n = n + 1 WHERE id = 1")
    return value
