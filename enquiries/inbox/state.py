"""Changes to a lead that are written to its audit log (LeadActivity).

Every change to a lead's status or owner, and the first reply, goes through these
functions so the log says who did it and when. Not a view module: other apps may
use it to log on a lead.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy

from ..filters import user_display_name
from ..models import Lead, LeadActivity, LeadStatus, NotificationStatus


class Action:
    """LeadActivity.action values."""

    STATUS = "status"
    OWNER = "owner"
    REPLIED = "replied"
    NOTIFICATION_RETRY = "notification_retry"
    # Logged by the reviews app, which sends the invitations (its button is on the lead).
    REVIEW_INVITATION = "review_invitation"


ACTION_LABELS = {
    Action.STATUS: gettext_lazy("Status changed"),
    Action.OWNER: gettext_lazy("Owner changed"),
    Action.REPLIED: gettext_lazy("First reply recorded"),
    Action.NOTIFICATION_RETRY: gettext_lazy("Emails queued again"),
    Action.REVIEW_INVITATION: gettext_lazy("Review invitation sent"),
}

# Moving a lead to one of these means sales answered the buyer: the first response,
# if none was recorded, so the lead stops counting as overdue.
RESPONSE_STATUSES = frozenset({LeadStatus.CONTACTED, LeadStatus.QUOTED, LeadStatus.WON})


def log_activity(lead: Lead, user, action: str, old_value="", new_value="") -> LeadActivity:
    return LeadActivity.objects.create(
        lead=lead,
        user=user,
        action=action,
        old_value=str(old_value)[:200],
        new_value=str(new_value)[:200],
    )


def change_status(lead: Lead, status: str, user) -> bool:
    """Move `lead` to `status`, logging who did it. False if it already had that status."""
    with transaction.atomic():
        locked = Lead.objects.select_for_update().get(pk=lead.pk)
        old = locked.status
        if old == status:
            return False
        locked.status = status
        fields = ["status", "updated_at"]
        responded = status in RESPONSE_STATUSES and locked.first_response_at is None
        if responded:
            locked.first_response_at = timezone.now()
            fields.append("first_response_at")
        locked.save(update_fields=fields)
        LeadActivity.objects.create(
            lead=locked, user=user, action=Action.STATUS, old_value=old, new_value=status
        )
        if responded:
            LeadActivity.objects.create(
                lead=locked,
                user=user,
                action=Action.REPLIED,
                new_value=locked.first_response_at.isoformat(),
            )
    lead.status = status
    lead.first_response_at = locked.first_response_at
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


def retry_notification(lead: Lead, user) -> bool:
    """Queue a failed lead's emails again now. False if its notification isn't failed.

    The status goes back to pending in the same transaction as the task is queued, so
    a double click or a stale tab queues it once.
    """
    from ..tasks import send_lead_emails

    with transaction.atomic():
        updated = Lead.objects.filter(
            pk=lead.pk, notification_status=NotificationStatus.FAILED
        ).update(notification_status=NotificationStatus.PENDING, updated_at=timezone.now())
        if not updated:
            return False
        log_activity(lead, user, Action.NOTIFICATION_RETRY)
        send_lead_emails.enqueue(lead.pk)
    lead.notification_status = NotificationStatus.PENDING
    return True
