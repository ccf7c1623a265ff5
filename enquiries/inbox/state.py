"""Changes to a lead that are written to its audit log (LeadActivity).

Every change to a lead's status or owner, and the first reply, goes through these
functions so the log says who did it and when. Not a view module: other apps may
use it to log on a lead.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy

from ..filters import user_display_name
from ..models import Lead, LeadActivity, LeadStatus


class Action:
    """LeadActivity.action values."""

    STATUS = "status"
    OWNER = "owner"
    REPLIED = "replied"


ACTION_LABELS = {
    Action.STATUS: gettext_lazy("Status changed"),
    Action.OWNER: gettext_lazy("Owner changed"),
    Action.REPLIED: gettext_lazy("First reply recorded"),
}


def change_status(lead: Lead, status: str, user) -> bool:
    """Move `lead` to `status`, logging who did it. False if it already had that status."""
    with transaction.atomic():
        locked = Lead.objects.select_for_update().get(pk=lead.pk)
        old = locked.status
        if old == status:
            return False
        locked.status = status
        locked.save(update_fields=["status", "updated_at"])
        LeadActivity.objects.create(
            lead=locked, user=user, action=Action.STATUS, old_value=old, new_value=status
        )
    lead.status = status
    return True


def assign_owner(lead: Lead, owner, user) -> bool:
    """Give `lead` to `owner` (None: unassign), logging who did it. False if unchanged."""
    with transaction.atomic():
        locked = (
            Lead.objects.select_for_update(of=("self",)).select_related("owner").get(pk=lead.pk)
        )
        if locked.owner_id == (owner.pk if owner else None):
            return False
        old = locked.owner
        locked.owner = owner
        locked.save(update_fields=["owner", "updated_at"])
        LeadActivity.objects.create(
            lead=locked,
            user=user,
            action=Action.OWNER,
            old_value=user_display_name(old)[:200],
            new_value=user_display_name(owner)[:200],
        )
    lead.owner = owner
    return True


def mark_replied(lead: Lead, user, now=None) -> bool:
    """Record the first response once: a second click doesn't move it. True if recorded.

    A new lead that was replied to is also moved to "contacted".
    """
    now = now or timezone.now()
    with transaction.atomic():
        updated = Lead.objects.filter(pk=lead.pk, first_response_at__isnull=True).update(
            first_response_at=now, updated_at=now
        )
        if not updated:
            return False
        LeadActivity.objects.create(
            lead=lead, user=user, action=Action.REPLIED, new_value=now.isoformat()
        )
        lead.first_response_at = now
        if lead.status == LeadStatus.NEW:
            change_status(lead, LeadStatus.CONTACTED, user)
    return True
