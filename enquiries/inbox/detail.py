"""A lead's page in the inbox, and its actions (POST only, need the change permission)."""

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.views.generic import InspectView

from ..dashboard import format_duration
from ..filters import sales_users, user_display_name
from ..models import Lead, LeadActivity, LeadLine, LeadNote, LeadStatus
from .permissions import can_change_leads
from .state import (
    ACTION_LABELS,
    Action,
    assign_owner,
    change_status,
    mark_replied,
    retry_notification,
)


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=gettext_lazy("Status"), choices=LeadStatus.choices)


class OwnerForm(forms.Form):
    owner = forms.ModelChoiceField(
        label=gettext_lazy("Owner"),
        queryset=None,
        required=False,
        empty_label=gettext_lazy("Unassigned"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = sales_users()
        self.fields["owner"].label_from_instance = user_display_name


class NoteForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Note"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class LeadInspectView(InspectView):
    any_permission_required = ["view", "change"]
    template_name = "enquiries/admin/lead_inspect.html"

    def get_object(self, queryset=None):
        queryset = Lead.objects.select_related("owner").prefetch_related(
            Prefetch("lines", queryset=LeadLine.objects.select_related("product")),
            "attachments",
            Prefetch("notes", queryset=LeadNote.objects.select_related("author")),
            Prefetch("activities", queryset=LeadActivity.objects.select_related("user")),
            "payments",
        )
        return get_object_or_404(queryset, pk=self.pk)

    def get_page_title(self):
        return _("Lead %(reference)s") % {"reference": self.object.reference}

    def get_page_subtitle(self):
        return self.object.company or self.object.name

    def get_field_display_value(self, field_name, field):
        if field_name == "owner":
            return user_display_name(self.object.owner) or "-"
        return super().get_field_display_value(field_name, field)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        lead = self.object
        activities = [
            {
                "activity": activity,
                "label": ACTION_LABELS.get(activity.action, activity.action),
                "old": _activity_value(activity.action, activity.old_value),
                "new": _activity_value(activity.action, activity.new_value),
                "user": user_display_name(activity.user),
            }
            for activity in lead.activities.all()
        ]
        context.update(
            {
                "lead": lead,
                "lines": lead.lines.all(),
                "attachments": lead.attachments.all(),
                "notes": [
                    {"note": note, "author": user_display_name(note.author)}
                    for note in lead.notes.all()
                ],
                "activities": activities,
                "payments": lead.payments.all(),
                "review_invited": any(
                    row["activity"].action == Action.REVIEW_INVITATION for row in activities
                ),
                "can_change": can_change_leads(self.request.user),
                "status_form": StatusForm(initial={"status": lead.status}),
                "owner_form": OwnerForm(initial={"owner": lead.owner_id}),
                "note_form": NoteForm(),
                "sla_hours": settings.LEADS_RESPONSE_SLA_HOURS,
                "response_time": format_duration(lead.response_time),
            }
        )
        return context


def _activity_value(action, value):
    if action == Action.STATUS and value in LeadStatus.values:
        return LeadStatus(value).label
    if action == Action.REPLIED:
        return ""
    return value


def _changeable_lead(request, pk):
    if not can_change_leads(request.user):
        raise PermissionDenied
    return get_object_or_404(Lead, pk=pk)


def _back_to(lead):
    return HttpResponseRedirect(reverse("leads:inspect", args=[lead.pk]))


@require_POST
def add_note(request, pk):
    lead = _changeable_lead(request, pk)
    form = NoteForm(request.POST)
    if form.is_valid():
        LeadNote.objects.create(lead=lead, author=request.user, text=form.cleaned_data["text"])
        messages.success(request, _("Note added."))
    else:
        messages.error(request, _("The note could not be added: it is empty or too long."))
    return _back_to(lead)


@require_POST
def replied(request, pk):
    lead = _changeable_lead(request, pk)
    if mark_replied(lead, request.user):
        messages.success(request, _("First response recorded."))
    else:
        messages.warning(request, _("The first response was already recorded."))
    return _back_to(lead)


@require_POST
def set_status(request, pk):
    lead = _changeable_lead(request, pk)
    form = StatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a valid status."))
    elif change_status(lead, form.cleaned_data["status"], request.user):
        messages.success(
            request, _("Status changed to %(status)s.") % {"status": lead.get_status_display()}
        )
    return _back_to(lead)


@require_POST
def set_owner(request, pk):
    lead = _changeable_lead(request, pk)
    form = OwnerForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a valid owner."))
    elif assign_owner(lead, form.cleaned_data["owner"], request.user):
        messages.success(request, _("Owner changed."))
    return _back_to(lead)


@require_POST
def retry_notification_view(request, pk):
    lead = _changeable_lead(request, pk)
    if retry_notification(lead, request.user):
        messages.success(request, _("The lead's emails are queued again."))
    else:
        messages.warning(request, _("Only a failed notification can be retried."))
    return _back_to(lead)
