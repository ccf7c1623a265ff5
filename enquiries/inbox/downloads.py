"""Buyers' attachments, streamed from private storage to staff allowed to see leads."""

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from ..models import LeadAttachment
from .permissions import can_view_leads

# Types a browser may show inline are never sent as such: the buyer chose the file.
SAFE_CONTENT_TYPES = {
    "application/pdf",
    "application/zip",
    "application/msword",
    "application/vnd.ms-excel",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "image/jpeg",
    "image/png",
    "image/gif",
    "image/webp",
}


def download_attachment(request, pk):
    """Stream a buyer's attachment from private storage, to staff allowed to see leads."""
    if not can_view_leads(request.user):
        raise PermissionDenied
    attachment = get_object_or_404(LeadAttachment, pk=pk)
    try:
        handle = attachment.file.open("rb")
    except (FileNotFoundError, ValueError) as exc:
        raise Http404(_("The file is no longer stored.")) from exc
    content_type = attachment.content_type.lower().strip()
    if content_type not in SAFE_CONTENT_TYPES:
        content_type = "application/octet-stream"
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=attachment.original_name or "attachment",
        content_type=content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
