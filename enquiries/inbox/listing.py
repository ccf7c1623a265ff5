"""The lead inbox listing: columns, search, and the CSV/XLSX export."""

import re

from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn, Column
from wagtail.admin.views.generic import IndexView
from wagtail.coreutils import multigetattr

from ..filters import user_display_name, with_payment_status
from ..models import Lead, LeadLine, PaymentStatus
from .permissions import can_change_leads, can_export_leads


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


# "+34 600 123 456", "+1 (555) 010-9999": digits and separators only, no function or
# DDE call can hide in them, so a phone number keeps its "+" unquoted.
PHONE_NUMBER = re.compile(r"\+[\d\s().\-/]*\d[\d\s().\-/]*")
NEGATIVE_NUMBER = re.compile(r"-\d+(?:[.,]\d+)?")


def _csv_safe(value):
    """Keep a spreadsheet from running a buyer's text as a formula (CSV injection)."""
    if not isinstance(value, str) or value[:1] not in ("=", "+", "-", "@", "\t", "\r"):
        return value
    if PHONE_NUMBER.fullmatch(value) or NEGATIVE_NUMBER.fullmatch(value):
        return value
    return "'" + value


class LeadViewSetSearch:
    """The fields the inbox search looks in (shared by the listing and bulk "select all")."""

    fields = ["reference", "email", "company", "name"]

    @classmethod
    def q(cls, text):
        query = Q()
        for field in cls.fields:
            query |= Q(**{f"{field}__icontains": text})
        return query


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
