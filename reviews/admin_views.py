"""Admin: send a review invitation to a lead's buyer (a button on the lead's page)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from enquiries.models import Lead, LeadStatus

from .invitations import InvitationError, send_invitation


@require_POST
def send_invitation_view(request, lead_pk):
    if not request.user.has_perm("enquiries.change_lead"):
        raise PermissionDenied
    lead = get_object_or_404(Lead, pk=lead_pk)
    if lead.anonymised_at or lead.status == LeadStatus.SPAM or not lead.email:
        messages.error(request, _("This lead can't be invited to write a review."))
        return redirect(lead.get_admin_url())
    try:
        send_invitation(lead, request.user)
    except InvitationError as error:
        messages.error(request, str(error))
    except OSError:
        messages.error(request, _("The invitation email could not be sent. Try again later."))
    else:
        messages.success(request, _("Review invitation sent to %(email)s.") % {"email": lead.email})
    return redirect(lead.get_admin_url())
