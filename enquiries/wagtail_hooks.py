"""The "Leads" inbox in the Wagtail admin: menu, listing, detail, bulk actions, dashboard."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet

from . import inbox
from .dashboard import LeadsPanel
from .filters import LeadFilterSet
from .models import Lead


class LeadViewSet(ModelViewSet):
    """Leads are created by the site's forms: sales read, assign, move and export them.

    There are no add/edit/delete views: every change goes through an action that
    writes the lead's audit log.
    """

    model = Lead
    name = "leads"
    icon = "mail"
    menu_label = _("Leads")
    menu_order = 150
    add_to_admin_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    index_view_class = inbox.LeadIndexView
    inspect_view_class = inbox.LeadInspectView
    filterset_class = LeadFilterSet
    search_fields = inbox.LeadViewSetSearch.fields
    search_backend_name = None
    ordering = "-created_at"
    list_per_page = 50
    list_display = [
        "reference",
        Column("buyer", label=_("Buyer"), accessor=inbox._buyer, sort_key="company"),
        inbox.LeadStatusColumn("status", label=_("Status"), sort_key="status"),
        Column(
            "lead_type", label=_("Type"), accessor="get_lead_type_display", sort_key="lead_type"
        ),
        Column("country", label=_("Country"), accessor=inbox._country, sort_key="country"),
        Column("owner", label=_("Owner"), accessor=inbox._owner, sort_key="owner__username"),
        Column("products", label=_("Products"), accessor=inbox._products),
        Column(
            "payment_status",
            label=_("Payment"),
            accessor=inbox._payment_label,
            sort_key="payment_status",
        ),
        DateColumn("created_at", label=_("Received"), sort_key="created_at"),
    ]
    list_export = [
        "reference",
        "created_at",
        "get_lead_type_display",
        "get_status_display",
        "owner",
        "name",
        "company",
        "email",
        "phone",
        "country",
        "products",
        "payment_status",
        "topic",
        "message",
        "first_response_at",
        "is_overdue",
        "get_notification_status_display",
        "source_url",
    ]
    export_headings = {
        "reference": _("Reference"),
        "created_at": _("Received"),
        "get_lead_type_display": _("Type"),
        "get_status_display": _("Status"),
        "owner": _("Owner"),
        "name": _("Name"),
        "company": _("Company"),
        "email": _("Email"),
        "phone": _("Phone"),
        "country": _("Country"),
        "products": _("Products"),
        "payment_status": _("Payment"),
        "topic": _("Topic"),
        "message": _("Message"),
        "first_response_at": _("First response"),
        "is_overdue": _("Overdue"),
        "get_notification_status_display": _("Sales notification"),
        "source_url": _("Sent from"),
    }
    export_filename = "leads"
    inspect_view_fields = [
        "reference",
        "lead_type",
        "status",
        "owner",
        "name",
        "company",
        "email",
        "phone",
        "country",
        "topic",
        "message",
        "shipping_address",
        "language",
        "source_url",
        "created_at",
        "first_response_at",
        "consent_at",
        "ip_address",
        "recaptcha_score",
        "spam_reason",
        "notification_status",
        "notification_attempts",
        "notification_error",
        "acknowledgement_sent_at",
        "anonymised_at",
    ]

    def get_common_view_kwargs(self, **kwargs):
        # No add, edit, delete, copy, history or usage views (see the class docstring).
        return super().get_common_view_kwargs(
            **{
                "add_url_name": None,
                "edit_url_name": None,
                "delete_url_name": None,
                "history_url_name": None,
                "usage_url_name": None,
                **kwargs,
            }
        )

    @property
    def url_finder_class(self):
        return type(
            "LeadAdminURLFinder",
            (ModelAdminURLFinder,),
            {
                "permission_policy": self.permission_policy,
                "edit_url_name": self.get_url_name("inspect"),
            },
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("<int:pk>/note/", inbox.add_note, name="add_note"),
            path("<int:pk>/replied/", inbox.replied, name="replied"),
            path("<int:pk>/status/", inbox.set_status, name="set_status"),
            path("<int:pk>/owner/", inbox.set_owner, name="set_owner"),
            path(
                "<int:pk>/retry-notification/",
                inbox.retry_notification_view,
                name="retry_notification",
            ),
        ]


@hooks.register("register_admin_viewset")
def register_lead_viewset():
    return LeadViewSet()


@hooks.register("register_admin_urls")
def register_lead_attachment_url():
    return [
        path(
            "lead-attachments/<int:pk>/",
            inbox.download_attachment,
            name="leads_attachment",
        ),
    ]


for _action in inbox.BULK_ACTIONS:
    hooks.register("register_bulk_action", _action)


@hooks.register("construct_homepage_panels")
def add_leads_panel(request, panels):
    if inbox.can_view_leads(request.user):
        panels.append(LeadsPanel())
