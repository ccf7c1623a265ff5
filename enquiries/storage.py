"""Buyers' attachments live outside MEDIA_ROOT: no public URL, staff download through a view."""

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateFileSystemStorage(FileSystemStorage):
    """Files that no URL points to; the inbox streams them to staff with permission."""

    def url(self, name):
        raise ValueError("Private files have no public URL; use the inbox's download view.")


def private_storage():
    # A callable, so PRIVATE_MEDIA_ROOT is read from settings (tests point it elsewhere)
    # and migrations don't record a machine's path.
    return PrivateFileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT)
