"""Bulk actions on the lead inbox: assign an owner, change the status, mark as spam."""

from urllib.parse import urlsplit

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import QueryDict
from django.utils.translation import gettext_lazy, ngettext
from wagtail.admin.views.bulk_action import BulkAction

from ..filters import LeadFilterSet, sales_users, user_display_name
from ..models import Lead, LeadStatus
from .listing import LeadViewSetSearch
from .permissions import can_change_leads
from .state import assign_owner, change_status


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
