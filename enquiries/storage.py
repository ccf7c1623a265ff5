"""Buyers' attachments live outside MEDIA_ROOT: no public URL, staff download through a view."""

from django.conf import settings
from django.core.files.storage import FileSystemStorage


def private_storage():
    # A callable, so PRIVATE_MEDIA_ROOT is read from settings (tests point it elsewhere)
    # and migrations don't record a machine's path. base_url=None: no public URL.
    return FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)
