"""Filters for the sales team's lead inbox in the Wagtail admin."""

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Exists, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet

from products.models import ProductPage

from .models import Lead, LeadLine, LeadStatus, LeadType, NotificationStatus, Payment, PaymentStatus


def latest_payment_status():
    """The status of a lead's latest payment: a subquery, so a listing costs one query."""
    latest = Payment.objects.filter(lead=OuterRef("pk")).order_by("-created_at", "-pk")
    return Coalesce(Subquery(latest.values("status")[:1]), Value(PaymentStatus.NOT_REQUESTED))


def with_payment_status(queryset):
    return queryset.annotate(payment_status=latest_payment_status())


def sales_users():
    """Users who can own a lead: active superusers and anyone allowed to change leads."""
    User = get_user_model()
    change_lead = Permission.objects.filter(
        content_type__app_label="enquiries", codename="change_lead"
    )
    allowed = (
        Q(is_superuser=True)
        | Q(user_permissions__in=change_lead)
        | Q(groups__permissions__in=change_lead)
    )
    ids = User.objects.filter(allowed, is_active=True).values("pk")
    return User.objects.filter(pk__in=ids).order_by("first_name", "last_name", "username")


def user_display_name(user) -> str:
    if user is None:
        return ""
    return (user.get_full_name() or "").strip() or user.get_username()


class OwnerChoiceField(django_filters.fields.ModelChoiceField):
    def label_from_instance(self, obj):
        if isinstance(obj, str):  # the "Unassigned" choice, as shown in the active filters
            return str(self.null_label or obj)
        return user_display_name(obj)


class OwnerFilter(django_filters.ModelChoiceFilter):
    field_class = OwnerChoiceField


def lead_countries():
    codes = Lead.objects.order_by().values_list("country", flat=True).distinct()
    names = dict(countries)
    return sorted(((code, names.get(code, code)) for code in codes if code), key=lambda c: c[1])


class LeadFilterSet(WagtailFilterSet):
    status = django_filters.MultipleChoiceFilter(
        label=_("Status"), choices=LeadStatus.choices, widget=forms.CheckboxSelectMultiple
    )
    lead_type = django_filters.ChoiceFilter(label=_("Type"), choices=LeadType.choices)
    country = django_filters.ChoiceFilter(label=_("Country"), choices=lead_countries)
    owner = OwnerFilter(
        label=_("Owner"),
        queryset=lambda request: sales_users(),
        null_label=_("Unassigned"),
    )
    product = django_filters.ModelChoiceFilter(
        label=_("Product"),
        queryset=lambda request: (
            ProductPage.objects.filter(lead_lines__isnull=False).distinct().order_by("title")
        ),
        method="filter_product",
    )
    created_at = django_filters.DateFromToRangeFilter(
        label=_("Received"), widget=DateRangePickerWidget
    )
    payment_status = django_filters.ChoiceFilter(
        label=_("Payment"), choices=PaymentStatus.choices, method="filter_payment_status"
    )
    notification_status = django_filters.ChoiceFilter(
        label=_("Sales notification"), choices=NotificationStatus.choices
    )
    overdue = django_filters.BooleanFilter(
        label=_("Overdue"),
        method="filter_overdue",
    )

    class Meta:
        model = Lead
        fields = []

    def filter_product(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(Exists(LeadLine.objects.filter(lead=OuterRef("pk"), product=value)))

    def filter_payment_status(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.alias(_payment_status_filter=latest_payment_status()).filter(
            _payment_status_filter=value
        )

    def filter_overdue(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.overdue()
