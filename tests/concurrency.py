"""Real concurrency for the race tests: calls released together, each on its own connection.

Use with `pytest.mark.django_db(transaction=True, serialized_rollback=True)`: the
calls must see each other's commits, and serialized_rollback puts back what
Wagtail's migrations created after the flush that ends such a test.
"""

import threading

from django.db import connection


def at_once(*calls):
    """Run each call in its own thread, all released together; their results in order.

    An exception in a thread is handed back and re-raised here: an assertion can't
    fail a test from inside a thread.
    """
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait(timeout=10)
            results[index] = call()
        except BaseException as error:
            results[index] = error
        finally:
            # Each thread opened its own connection; the test database can't be
            # dropped while one is left open.
            connection.close()

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    for result in results:
        if isinstance(result, BaseException):
            raise result
    return results
