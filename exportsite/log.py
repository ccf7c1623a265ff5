"""Logging helpers shared by management commands."""

import logging
from contextlib import contextmanager


@contextmanager
def quiet_wagtail_log():
    """Raise Wagtail's log level to WARNING for the duration of a bulk command.

    Wagtail logs every page created, edited and published at INFO: thousands of
    lines that would bury what the command itself reports (seed_demo's admin
    password, machine_translate's counts).
    """
    logger = logging.getLogger("wagtail")
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)
