"""One decision per moderation task, however many moderators click "Approve" at once.

Wagtail checks that a task is still in progress when its page loads, not when the
decision is saved: two moderators (or two tabs) approving the same review both
pass that check, and the review is approved and published twice. Here the task
state's row is locked when a decision is saved, and a decision on a task someone
else already decided is refused like Wagtail refuses one on a finished task
(PermissionDenied, which the admin shows as a message, not an error page).
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models.signals import post_init, pre_save
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.utils import get_latest_str
from wagtail.models import TaskState


def remember_loaded_status(sender, instance, **kwargs):
    if isinstance(instance, TaskState):
        instance._status_when_loaded = instance.status


def refuse_a_second_decision(sender, instance, raw=False, using=None, **kwargs):
    if raw or not isinstance(instance, TaskState) or instance.pk is None:
        return
    loaded = getattr(instance, "_status_when_loaded", None)
    if loaded != TaskState.STATUS_IN_PROGRESS or instance.status == loaded:
        return
    rows = TaskState.objects.using(using).filter(pk=instance.pk)
    # Wagtail decides inside a transaction; the lock makes the second decision wait
    # for the first to commit, then see it.
    if transaction.get_connection(using).in_atomic_block:
        rows = rows.select_for_update()
    status = rows.values_list("status", flat=True).first()
    if status != TaskState.STATUS_IN_PROGRESS:
        raise PermissionDenied("This task was already decided.")
    instance._status_when_loaded = instance.status


def connect():
    # Only for TaskState: post_init runs for every model instance the site loads.
    post_init.connect(
        remember_loaded_status, sender=TaskState, dispatch_uid="reviews.moderation.loaded"
    )
    pre_save.connect(
        refuse_a_second_decision, sender=TaskState, dispatch_uid="reviews.moderation.decision"
    )


def stale_workflow_action(request, page):
    """A redirect with a message when the editor's "Approve"/"Reject" is for a finished task.

    The editor's footer posts its workflow action with the edit form; Wagtail looks up
    the current task without checking there still is one (a 500 when another tab or
    moderator already approved).
    """
    if request.method != "POST" or not request.POST.get("action-workflow-action"):
        return None
    if page.current_workflow_task is not None:
        return None
    messages.error(
        request,
        _("The page '%(page_title)s' is not currently awaiting moderation.")
        % {"page_title": get_latest_str(page)},
    )
    return redirect("wagtailadmin_pages:edit", page.pk)
