"""The leads panel on the Wagtail admin home: what needs a reply, and how fast we reply."""

import datetime
import statistics

from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _
from django_countries import countries
from wagtail.admin.ui.components import Component

from .models import Lead, LeadStatus

WINDOW_DAYS = 30
MAX_COUNTRIES = 10


def lead_stats(now=None) -> dict:
    """New and overdue leads, the 30-day median first response and leads per country."""
    now = now or timezone.now()
    since = now - datetime.timedelta(days=WINDOW_DAYS)
    live = Lead.objects.filter(anonymised_at__isnull=True)
    recent = live.filter(created_at__gte=since).exclude(status=LeadStatus.SPAM)

    response_seconds = [
        (responded - created).total_seconds()
        for created, responded in recent.filter(first_response_at__isnull=False).values_list(
            "created_at", "first_response_at"
        )
    ]
    median = (
        datetime.timedelta(seconds=round(statistics.median(response_seconds)))
        if response_seconds
        else None
    )

    per_country = list(
        recent.order_by()
        .values("country")
        .annotate(count=Count("pk"))
        .order_by("-count", "country")[:MAX_COUNTRIES]
    )
    top = per_country[0]["count"] if per_country else 0
    countries = [
        {
            "code": row["country"],
            "name": _country_name(row["country"]),
            "count": row["count"],
            "percent": round(100 * row["count"] / top) if top else 0,
        }
        for row in per_country
    ]
    return {
        "new_count": live.filter(status=LeadStatus.NEW).count(),
        "overdue_count": Lead.objects.overdue(now=now).count(),
        "median_response": median,
        "responses_count": len(response_seconds),
        "countries": countries,
        "window_days": WINDOW_DAYS,
    }


def _country_name(code):
    return countries.name(code) or code


def format_duration(delta: datetime.timedelta | None) -> str:
    """A short '3 h 20 min' or '2 d 4 h': no locale-sensitive words besides the units."""
    if delta is None:
        return ""
    minutes = int(delta.total_seconds() // 60)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days:
        return _("%(days)d d %(hours)d h") % {"days": days, "hours": hours}
    if hours:
        return _("%(hours)d h %(minutes)d min") % {"hours": hours, "minutes": minutes}
    return _("%(minutes)d min") % {"minutes": minutes}


class LeadsPanel(Component):
    name = "leads"
    template_name = "enquiries/admin/leads_panel.html"
    order = 40

    def get_context_data(self, parent_context=None):
        stats = lead_stats()
        stats["median_response_display"] = format_duration(stats["median_response"])
        return stats
