"""Run the email worker inside a test: `deliver_queued_email()` after the request.

Every email is queued (outbox.backends.QueuedEmailBackend) and sent by the `leads`
queue's worker; tests/conftest.py keeps that backend in tests, so a test that reads
django.core.mail.outbox runs the worker first, as production would.
"""

from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult


def run_worker() -> int:
    """Run every ready task of the `leads` queue with django-tasks-db's own worker.

    `manage.py db_worker` would close the test's database connection between tasks
    (it drops connections left outside autocommit), so the loop is ours and the
    task execution is the worker's. Returns how many tasks ran.
    """
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="leads",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    ran = 0
    while task := DBTaskResult.objects.ready().filter(backend_name="leads").get_locked():
        task.claim(worker.worker_id)
        worker.run_task(task)
        ran += 1
    return ran


def deliver_queued_email() -> int:
    """Deliver what the site queued (the worker's lead emails and outbox deliveries)."""
    return run_worker()
