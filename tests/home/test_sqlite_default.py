"""`make run`'s SQLite database takes the web process and the email worker writing at once.

Not a PostgreSQL test: it runs the real `db_worker` and a writer process against
a SQLite file with the settings `make run` uses (exportsite.settings.dev).
"""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _env(database: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(
        DJANGO_SETTINGS_MODULE="exportsite.settings.dev",
        DATABASE_URL=f"sqlite:///{database}",
        PYTHONPATH=str(ROOT),
    )
    return env


def _manage(env, *args, **kwargs):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, **kwargs
    )


def test_the_worker_and_admin_writes_share_sqlite_without_locking(tmp_path):
    env = _env(tmp_path / "db.sqlite3")
    _manage(env, "migrate", "django_tasks_database", "-v0", "--skip-checks")
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--backend", "leads", "--interval", "0.01"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        writer = subprocess.run(
            [sys.executable, "-m", "tests.home.sqlite_writer", "150"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=240,
            check=True,
        )
        result = json.loads(writer.stdout.strip().splitlines()[-1])
        assert result["locked"] == 0
        done = _wait_for_tasks(env, expected=151)
    finally:
        worker.terminate()
        worker.wait(timeout=30)

    assert done == {"SUCCESSFUL": 151}  # and the first one, the writer waited for


def _wait_for_tasks(env, expected: int, timeout: float = 120) -> dict:
    query = (
        "from django.db.models import Count;"
        "from django_tasks_db.models import DBTaskResult;"
        "import json;"
        "print(json.dumps(dict(DBTaskResult.objects.values_list('status')"
        ".annotate(n=Count('id')).order_by())))"
    )
    deadline = time.monotonic() + timeout
    counts = {}
    while time.monotonic() < deadline:
        out = _manage(env, "shell", "-c", query, capture_output=True, text=True).stdout
        counts = json.loads(out.strip().splitlines()[-1])
        if sum(counts.values()) == expected and set(counts) <= {"SUCCESSFUL", "FAILED"}:
            return counts
        time.sleep(1)
    pytest.fail(f"the worker did not finish: {counts}")
