"""The sales team's lead inbox in the Wagtail admin: listing, detail, actions and downloads.

Every change to a lead's status or owner, and the first reply, goes through the
functions at the top of this module so it is written to the lead's audit log
(LeadActivity) with who did it and when.
"""

from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Prefetch, Q
from django.http import FileResponse, Http404, HttpResponseRedirect, QueryDict
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn, Column
from wagtail.admin.views.bulk_action import BulkAction
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.coreutils import multigetattr

from .dashboard import format_duration
from .filters import LeadFilterSet, sales_users, user_display_name, with_payment_status
from .models import (
    Lead,
    LeadActivity,
    LeadAttachment,
    LeadLine,
    LeadNote,
    LeadStatus,
    PaymentStatus,
)

VIEW_PERMS = ("enquiries.view_lead", "enquiries.change_lead")
CHANGE_PERM = "enquiries.change_lead"
EXPORT_PERM = "enquiries.export_lead"


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


def can_view_leads(user) -> bool:
    return user.is_active and any(user.has_perm(perm) for perm in VIEW_PERMS)


def can_change_leads(user) -> bool:
    return user.is_active and user.has_perm(CHANGE_PERM)


def can_export_leads(user) -> bool:
    return can_view_leads(user) and user.has_perm(EXPORT_PERM)


# --- Changes that are logged -----------------------------------------------------


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


# --- Listing ---------------------------------------------------------------------


class LeadStatusColumn(Column):
    """Status, with flags for an overdue reply and a failed sales notification."""

    cell_template_name = "enquiries/admin/status_cell.html"


def _buyer(lead):
    return lead.company or lead.name


def _products(lead):
    # Uses the prefetched lines: no query per row.
    return ", ".join(line.product_title for line in lead.lines.all())


def _payment_label(lead):
    status = getattr(lead, "payment_status", None)
    if not status or status == PaymentStatus.NOT_REQUESTED:
        return ""
    return PaymentStatus(status).label


def _owner(lead):
    return user_display_name(lead.owner)


def _country(lead):
    return lead.country.name if lead.country else ""


def _csv_safe(value):
    """Keep a spreadsheet from running a buyer's text as a formula (CSV injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


class LeadIndexView(IndexView):
    any_permission_required = ["view", "change"]
    template_name = "enquiries/admin/lead_index.html"
    page_title = gettext_lazy("Leads")

    # Computed values for the export, by list_export name.
    export_accessors = {
        "buyer": _buyer,
        "owner": _owner,
        "country": _country,
        "products": _products,
        "payment_status": _payment_label,
        "is_overdue": lambda lead: lead.is_overdue,
    }

    def dispatch(self, request, *args, **kwargs):
        if self.is_export and not can_export_leads(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        lines = LeadLine.objects.only("pk", "lead_id", "product_title").order_by("pk")
        return (
            with_payment_status(Lead.objects.all())
            .select_related("owner")
            .prefetch_related(Prefetch("lines", queryset=lines))
        )

    @cached_property
    def columns(self):
        return [BulkActionsCheckboxColumn("bulk_actions", obj_type="lead"), *super().columns]

    def _get_title_column(self, *args, **kwargs):
        return super()._get_title_column(
            *args,
            **kwargs,
            classname="lead-reference",
            get_title_id=lambda lead: f"lead_{quote(lead.pk)}_title",
        )

    def get_list_buttons(self, instance):
        # The reference links to the detail view: no "..." menu with a lone "Inspect".
        return []

    @cached_property
    def show_export_buttons(self):
        return bool(self.list_export) and can_export_leads(self.request.user)

    def to_row_dict(self, item):
        row = {}
        for field in self.list_export:
            accessor = self.export_accessors.get(field)
            row[field] = accessor(item) if accessor else multigetattr(item, field)
        return row

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV:
            return _csv_safe(value)
        return value

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["can_change_leads"] = can_change_leads(self.request.user)
        return context


# --- Detail ----------------------------------------------------------------------


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


# --- Detail actions (POST only, need change permission) ---------------------------


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


# --- Bulk actions ----------------------------------------------------------------


class LeadBulkAction(BulkAction):
    models = [Lead]
    template_name = "enquiries/admin/bulk_confirm.html"
    action_message = ""

    def dispatch(self, request, *args, **kwargs):
        if not can_change_leads(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_all_objects_in_listing_query(self, parent_id):
        # "Select all in listing": the filtered and searched list the user was looking at.
        query = QueryDict(urlsplit(self.next_url).query)
        filterset = LeadFilterSet(data=query, queryset=Lead.objects.all(), request=self.request)
        queryset = filterset.qs if filterset.is_valid() else Lead.objects.all()
        search = query.get("q")
        if search:
            queryset = queryset.filter(LeadViewSetSearch.q(search))
        return queryset.values_list("pk", flat=True)

    def get_queryset(self, model, object_ids):
        return list(Lead.objects.select_related("owner").filter(pk__in=object_ids))

    def check_perm(self, obj):
        return True

    def get_execution_context(self):
        return {"user": self.request.user, **self.get_action_kwargs()}

    def get_action_kwargs(self):
        return {}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action_title"] = self.display_name
        context["action_message"] = self.action_message
        context["header_icon"] = "mail"
        return context

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d lead updated.", "%(count)d leads updated.", num_parent_objects
        ) % {"count": num_parent_objects}


class AssignOwnerForm(forms.Form):
    owner = forms.ModelChoiceField(
        label=gettext_lazy("New owner"),
        queryset=None,
        required=False,
        empty_label=gettext_lazy("Unassigned"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = sales_users()
        self.fields["owner"].label_from_instance = user_display_name


class ChangeStatusForm(forms.Form):
    status = forms.ChoiceField(label=gettext_lazy("New status"), choices=LeadStatus.choices)


class AssignOwnerBulkAction(LeadBulkAction):
    display_name = gettext_lazy("Assign owner")
    action_type = "assign_owner"
    aria_label = gettext_lazy("Assign an owner to the selected leads")
    action_priority = 10
    form_class = AssignOwnerForm
    action_message = gettext_lazy("Give these leads to:")

    def get_action_kwargs(self):
        return {"owner": self.cleaned_form.cleaned_data["owner"]}

    @classmethod
    def execute_action(cls, objects, user=None, owner=None, **kwargs):
        changed = sum(assign_owner(lead, owner, user) for lead in objects)
        return changed, 0


class ChangeStatusBulkAction(LeadBulkAction):
    display_name = gettext_lazy("Change status")
    action_type = "change_status"
    aria_label = gettext_lazy("Change the status of the selected leads")
    action_priority = 20
    form_class = ChangeStatusForm
    action_message = gettext_lazy("Move these leads to:")

    def get_action_kwargs(self):
        return {"status": self.cleaned_form.cleaned_data["status"]}

    @classmethod
    def execute_action(cls, objects, user=None, status=None, **kwargs):
        changed = sum(change_status(lead, status, user) for lead in objects)
        return changed, 0


class MarkSpamBulkAction(LeadBulkAction):
    display_name = gettext_lazy("Mark as spam")
    action_type = "mark_spam"
    aria_label = gettext_lazy("Mark the selected leads as spam")
    action_priority = 30
    classes = {"serious"}
    action_message = gettext_lazy("Mark these leads as spam?")

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        changed = sum(change_status(lead, LeadStatus.SPAM, user) for lead in objects)
        return changed, 0


BULK_ACTIONS = [AssignOwnerBulkAction, ChangeStatusBulkAction, MarkSpamBulkAction]


class LeadViewSetSearch:
    """The fields the inbox search looks in (shared by the listing and bulk "select all")."""

    fields = ["reference", "email", "company", "name"]

    @classmethod
    def q(cls, text):
        query = Q()
        for field in cls.fields:
            query |= Q(**{f"{field}__icontains": text})
        return query
