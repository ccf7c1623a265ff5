"""The sales team's lead inbox in the Wagtail admin."""

import csv
import datetime
import io

import openpyxl
import pytest
import time_machine
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from enquiries.dashboard import format_duration, lead_stats
from enquiries.models import Lead, LeadActivity, LeadNote, LeadStatus, PaymentStatus
from tests.enquiries.factories import (
    LeadAttachmentFactory,
    LeadFactory,
    LeadLineFactory,
    LeadNoteFactory,
    PaymentFactory,
)
from tests.factories import ProductPageFactory

INDEX = "leads:index"
NOW = datetime.datetime(2026, 3, 10, 12, 0, tzinfo=datetime.UTC)


def give_perms(user, *codenames):
    perms = {
        "access_admin": ("wagtailadmin", "access_admin"),
        "view_lead": ("enquiries", "view_lead"),
        "change_lead": ("enquiries", "change_lead"),
        "export_lead": ("enquiries", "export_lead"),
    }
    for codename in codenames:
        app_label, name = perms[codename]
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=name)
        )
    return user


@pytest.fixture
def staff_without_perms(django_user_model):
    user = django_user_model.objects.create_user(
        username="intern", password="x", email="intern@example.com", is_staff=True
    )
    return give_perms(user, "access_admin")


@pytest.fixture
def sales_user(django_user_model):
    user = django_user_model.objects.create_user(
        username="sales", password="x", first_name="Sam", last_name="Sales"
    )
    return give_perms(user, "access_admin", "view_lead", "change_lead", "export_lead")


@pytest.fixture
def sales_client(client, sales_user):
    client.force_login(sales_user)
    return client


def listing(client, **params):
    response = client.get(reverse(INDEX), params)
    assert response.status_code == 200
    return response.content.decode()


def shown(content, *leads):
    return {lead.reference for lead in leads if lead.reference in content}


def bulk_url(action, leads, next_url="/admin/leads/"):
    ids = "&".join(f"id={lead.pk}" for lead in leads)
    return (
        reverse("wagtail_bulk_action", args=["enquiries", "lead", action])
        + f"?{ids}&next={next_url}"
    )


# --- Listing, filters, search ---------------------------------------------------------


@pytest.mark.django_db
def test_listing_shows_leads_with_their_products_and_payment(admin_client):
    lead = LeadFactory(company="Lumen Import BV")
    LeadLineFactory(lead=lead, product_title="UFO high bay 150W")
    PaymentFactory(lead=lead, status=PaymentStatus.PAID)

    content = listing(admin_client)

    assert lead.reference in content
    assert "Lumen Import BV" in content
    assert "UFO high bay 150W" in content
    assert "Paid" in content
    assert reverse("leads:inspect", args=[lead.pk]) in content


@pytest.mark.django_db
def test_filter_by_status_type_and_country(admin_client):
    new = LeadFactory(status=LeadStatus.NEW, lead_type="enquiry", country="DE")
    won = LeadFactory(status=LeadStatus.WON, lead_type="sample", country="BR")
    lost = LeadFactory(status=LeadStatus.LOST, lead_type="enquiry", country="US")

    assert shown(listing(admin_client, status="won"), new, won, lost) == {won.reference}
    assert shown(listing(admin_client, status=["won", "lost"]), new, won, lost) == {
        won.reference,
        lost.reference,
    }
    assert shown(listing(admin_client, lead_type="sample"), new, won, lost) == {won.reference}
    assert shown(listing(admin_client, country="US"), new, won, lost) == {lost.reference}


@pytest.mark.django_db
def test_filter_by_owner_and_unassigned(admin_client, sales_user):
    mine = LeadFactory(owner=sales_user)
    nobody = LeadFactory(owner=None)

    assert shown(listing(admin_client, owner=sales_user.pk), mine, nobody) == {mine.reference}
    assert shown(listing(admin_client, owner="null"), mine, nobody) == {nobody.reference}


@pytest.mark.django_db
def test_filter_by_product(admin_client):
    root = Page.get_first_root_node()
    high_bay = ProductPageFactory(parent=root, title="High bay")
    flood = ProductPageFactory(parent=root, title="Flood light")
    asked_high_bay = LeadFactory()
    LeadLineFactory(lead=asked_high_bay, product=high_bay)
    LeadLineFactory(lead=asked_high_bay, product=high_bay)  # twice: still listed once
    asked_flood = LeadFactory()
    LeadLineFactory(lead=asked_flood, product=flood)

    content = listing(admin_client, product=high_bay.pk)

    assert shown(content, asked_high_bay, asked_flood) == {asked_high_bay.reference}
    assert content.count(f'id="lead_{asked_high_bay.pk}_title"') == 1


@pytest.mark.django_db
def test_filter_by_date_range(admin_client):
    january = LeadFactory(created_at=datetime.datetime(2026, 1, 15, 10, tzinfo=datetime.UTC))
    february = LeadFactory(created_at=datetime.datetime(2026, 2, 15, 10, tzinfo=datetime.UTC))
    march = LeadFactory(created_at=datetime.datetime(2026, 3, 15, 10, tzinfo=datetime.UTC))

    content = listing(admin_client, created_at_from="2026-02-01", created_at_to="2026-02-28")

    assert shown(content, january, february, march) == {february.reference}


@pytest.mark.django_db
def test_filter_by_latest_payment_status(admin_client):
    paid = LeadFactory(lead_type="sample")
    PaymentFactory(lead=paid, status=PaymentStatus.FAILED, created_at=NOW)
    PaymentFactory(
        lead=paid, status=PaymentStatus.PAID, created_at=NOW + datetime.timedelta(minutes=5)
    )
    failed = LeadFactory(lead_type="sample")
    PaymentFactory(lead=failed, status=PaymentStatus.FAILED)
    no_payment = LeadFactory()

    leads = (paid, failed, no_payment)
    assert shown(listing(admin_client, payment_status="paid"), *leads) == {paid.reference}
    assert shown(listing(admin_client, payment_status="failed"), *leads) == {failed.reference}
    assert shown(listing(admin_client, payment_status="not_requested"), *leads) == {
        no_payment.reference
    }


@pytest.mark.django_db
def test_failed_notification_is_flagged_and_filterable(admin_client):
    failed = LeadFactory(notification_status="failed", notification_error="SMTP 550 refused")
    sent = LeadFactory(notification_status="sent")

    content = listing(admin_client)
    assert content.count("data-lead-notification-failed") == 1

    filtered = listing(admin_client, notification_status="failed")
    assert shown(filtered, failed, sent) == {failed.reference}

    detail = admin_client.get(reverse("leads:inspect", args=[failed.pk])).content.decode()
    assert "data-lead-notification-failed" in detail
    assert "SMTP 550 refused" in detail


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [("REFERENCE", "target"), ("jane@acme-lighting", "target"), ("acme lighting", "target")],
)
def test_search_by_reference_email_and_company(admin_client, query, expected):
    target = LeadFactory(email="jane@acme-lighting.example", company="ACME Lighting Ltd")
    other = LeadFactory(email="bob@other.example", company="Other Corp")
    if query == "REFERENCE":
        query = target.reference.lower()

    content = listing(admin_client, q=query)

    assert shown(content, target, other) == {target.reference}


@pytest.mark.django_db
def test_listing_query_count_does_not_grow_with_leads(admin_client, sales_user):
    def queries_for_listing():
        with CaptureQueriesContext(connection) as context:
            listing(admin_client)
        return len(context)

    def make_leads(count):
        for index in range(count):
            lead = LeadFactory(owner=sales_user if index % 2 else None)
            LeadLineFactory(lead=lead)
            LeadLineFactory(lead=lead)
            PaymentFactory(lead=lead)

    make_leads(3)
    with_three = queries_for_listing()
    make_leads(27)
    assert Lead.objects.count() == 30
    assert queries_for_listing() == with_three


# --- Export -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_csv_export_has_headings_and_the_filtered_rows(sales_client):
    won = LeadFactory(
        status=LeadStatus.WON, company="Won Trading", email="won@example.com", country="FR"
    )
    LeadLineFactory(lead=won, product_title="Panel light 60x60")
    LeadFactory(status=LeadStatus.NEW, company="New Trading")

    response = sales_client.get(reverse(INDEX), {"status": "won", "export": "csv"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="leads.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    headings = rows[0]
    assert headings[:4] == ["Reference", "Received", "Type", "Status"]
    assert len(rows) == 2
    row = dict(zip(headings, rows[1], strict=True))
    assert row["Reference"] == won.reference
    assert row["Company"] == "Won Trading"
    assert row["Email"] == "won@example.com"
    assert row["Country"] == "France"
    assert row["Products"] == "Panel light 60x60"
    assert row["Status"] == "Won"


@pytest.mark.django_db
def test_csv_export_neutralises_formulas(sales_client):
    LeadFactory(company='=HYPERLINK("http://evil.example")')

    response = sales_client.get(reverse(INDEX), {"export": "csv"})

    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["Company"] == '\'=HYPERLINK("http://evil.example")'


@pytest.mark.django_db
def test_xlsx_export_parses_with_openpyxl(sales_client):
    lead = LeadFactory(status=LeadStatus.QUOTED, company="Quoted GmbH")
    LeadFactory(status=LeadStatus.NEW)

    response = sales_client.get(reverse(INDEX), {"status": "quoted", "export": "xlsx"})

    assert response.status_code == 200
    assert "leads.xlsx" in response["Content-Disposition"]
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[0][0] == "Reference"
    assert len(rows) == 2
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["Reference"] == lead.reference
    assert row["Company"] == "Quoted GmbH"


@pytest.mark.django_db
def test_export_needs_the_export_permission(client, django_user_model):
    viewer = django_user_model.objects.create_user(username="viewer", password="x")
    give_perms(viewer, "access_admin", "view_lead", "change_lead")
    client.force_login(viewer)
    LeadFactory()

    assert client.get(reverse(INDEX)).status_code == 200
    assert "Download CSV" not in listing(client)
    response = client.get(reverse(INDEX), {"export": "csv"})
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")


# --- Bulk actions ------------------------------------------------------------------------


@pytest.mark.django_db
def test_listing_offers_the_bulk_actions(sales_client):
    LeadFactory()
    content = listing(sales_client)
    for action in ("assign_owner", "change_status", "mark_spam"):
        assert reverse("wagtail_bulk_action", args=["enquiries", "lead", action]) in content


@pytest.mark.django_db
def test_bulk_assign_owner_logs_activity(sales_client, sales_user, django_user_model):
    colleague = django_user_model.objects.create_user(
        username="lin", password="x", first_name="Lin", last_name="Wu"
    )
    give_perms(colleague, "access_admin", "change_lead")
    leads = [LeadFactory(), LeadFactory()]
    untouched = LeadFactory()

    page = sales_client.get(bulk_url("assign_owner", leads))
    assert page.status_code == 200
    assert leads[0].reference in page.content.decode()
    response = sales_client.post(bulk_url("assign_owner", leads), {"owner": colleague.pk})

    assert response.status_code == 302
    for lead in leads:
        lead.refresh_from_db()
        assert lead.owner == colleague
        activity = lead.activities.get()
        assert (activity.action, activity.user, activity.old_value, activity.new_value) == (
            "owner",
            sales_user,
            "",
            "Lin Wu",
        )
    untouched.refresh_from_db()
    assert untouched.owner is None
    assert not untouched.activities.exists()


@pytest.mark.django_db
def test_bulk_change_status_logs_activity(sales_client, sales_user):
    leads = [LeadFactory(status=LeadStatus.NEW), LeadFactory(status=LeadStatus.CONTACTED)]

    response = sales_client.post(bulk_url("change_status", leads), {"status": "quoted"})

    assert response.status_code == 302
    logged = LeadActivity.objects.filter(action="status").order_by("lead_id")
    assert [(a.lead_id, a.old_value, a.new_value, a.user) for a in logged] == [
        (leads[0].pk, "new", "quoted", sales_user),
        (leads[1].pk, "contacted", "quoted", sales_user),
    ]
    assert set(Lead.objects.values_list("status", flat=True)) == {"quoted"}


@pytest.mark.django_db
def test_bulk_mark_spam_logs_activity(sales_client, sales_user):
    leads = [LeadFactory(), LeadFactory()]

    response = sales_client.post(bulk_url("mark_spam", leads), {})

    assert response.status_code == 302
    for lead in leads:
        lead.refresh_from_db()
        assert lead.status == LeadStatus.SPAM
        assert lead.activities.get().new_value == "spam"


@pytest.mark.django_db
def test_bulk_select_all_uses_the_filtered_listing(sales_client):
    won = LeadFactory(status=LeadStatus.WON)
    new = LeadFactory(status=LeadStatus.NEW)
    url = (
        reverse("wagtail_bulk_action", args=["enquiries", "lead", "mark_spam"])
        + "?id=all&next=/admin/leads/%3Fstatus%3Dwon"
    )

    sales_client.post(url, {})

    won.refresh_from_db()
    new.refresh_from_db()
    assert won.status == LeadStatus.SPAM
    assert new.status == LeadStatus.NEW


# --- Detail and its actions --------------------------------------------------------------


@pytest.mark.django_db
def test_detail_shows_lines_attachments_payment_and_notes(sales_client, sales_user):
    lead = LeadFactory(company="Detail Lighting", message="Need 2,000 pcs of the 150 W model.")
    LeadLineFactory(lead=lead, product_title="UFO high bay 150W", sku="UFO-150", quantity=2000)
    attachment = LeadAttachmentFactory(lead=lead, original_name="spec sheet.pdf")
    payment = PaymentFactory(
        lead=lead, status=PaymentStatus.PAID, stripe_payment_intent_id="pi_3Abc", amount=4500
    )
    LeadNoteFactory(lead=lead, author=sales_user, text="Quote sent by WhatsApp.")

    response = sales_client.get(lead.get_admin_url())

    assert response.status_code == 200
    content = response.content.decode()
    assert "Detail Lighting" in content
    assert "Need 2,000 pcs of the 150 W model." in content
    assert "UFO high bay 150W" in content and "UFO-150" in content
    assert attachment.get_download_url() in content
    assert "spec sheet.pdf" in content
    assert payment.dashboard_url == "https://dashboard.stripe.com/test/payments/pi_3Abc"
    assert payment.dashboard_url in content
    assert "45.00 USD" in content
    assert "Quote sent by WhatsApp." in content
    assert "Sam Sales" in content


@pytest.mark.django_db
def test_add_note(sales_client, sales_user):
    lead = LeadFactory()

    response = sales_client.post(
        reverse("leads:add_note", args=[lead.pk]), {"text": "Buyer wants CE + RoHS."}
    )

    assert response.status_code == 302
    assert response.url == lead.get_admin_url()
    note = LeadNote.objects.get(lead=lead)
    assert (note.text, note.author) == ("Buyer wants CE + RoHS.", sales_user)
    assert "Buyer wants CE + RoHS." in sales_client.get(lead.get_admin_url()).content.decode()


@pytest.mark.django_db
def test_add_empty_note_is_refused(sales_client):
    lead = LeadFactory()
    sales_client.post(reverse("leads:add_note", args=[lead.pk]), {"text": ""})
    assert not LeadNote.objects.exists()


@pytest.mark.django_db
def test_actions_need_post(sales_client):
    lead = LeadFactory()
    assert sales_client.get(reverse("leads:replied", args=[lead.pk])).status_code == 405


@pytest.mark.django_db
def test_mark_replied_records_first_response_once(sales_client, sales_user):
    created = NOW - datetime.timedelta(hours=3)
    lead = LeadFactory(created_at=created, status=LeadStatus.NEW)
    url = reverse("leads:replied", args=[lead.pk])

    with time_machine.travel(NOW, tick=False):
        assert sales_client.post(url).status_code == 302
    with time_machine.travel(NOW + datetime.timedelta(hours=5), tick=False):
        sales_client.post(url)

    lead.refresh_from_db()
    assert lead.first_response_at == NOW
    assert lead.response_time == datetime.timedelta(hours=3)
    assert lead.status == LeadStatus.CONTACTED
    replied = lead.activities.filter(action="replied")
    assert replied.count() == 1
    assert (replied.get().user, replied.get().created_at) == (sales_user, NOW)
    status = lead.activities.get(action="status")
    assert (status.old_value, status.new_value) == ("new", "contacted")
    detail = sales_client.get(lead.get_admin_url()).content.decode()
    assert "(after 3 h 0 min)" in detail
    assert reverse("leads:replied", args=[lead.pk]) not in detail


@pytest.mark.django_db
def test_status_change_logs_who_and_when(sales_client, sales_user):
    lead = LeadFactory(status=LeadStatus.CONTACTED)

    with time_machine.travel(NOW, tick=False):
        response = sales_client.post(
            reverse("leads:set_status", args=[lead.pk]), {"status": "sample_sent"}
        )
    # The same status again changes and logs nothing.
    sales_client.post(reverse("leads:set_status", args=[lead.pk]), {"status": "sample_sent"})

    assert response.status_code == 302
    lead.refresh_from_db()
    assert lead.status == LeadStatus.SAMPLE_SENT
    activity = lead.activities.get()
    assert (activity.action, activity.old_value, activity.new_value) == (
        "status",
        "contacted",
        "sample_sent",
    )
    assert (activity.user, activity.created_at) == (sales_user, NOW)
    content = sales_client.get(lead.get_admin_url()).content.decode()
    assert "Status changed" in content and "Sample sent" in content and "Sam Sales" in content


@pytest.mark.django_db
def test_owner_change_logs_activity(sales_client, sales_user):
    lead = LeadFactory()

    sales_client.post(reverse("leads:set_owner", args=[lead.pk]), {"owner": sales_user.pk})
    sales_client.post(reverse("leads:set_owner", args=[lead.pk]), {"owner": ""})

    lead.refresh_from_db()
    assert lead.owner is None
    assert [(a.old_value, a.new_value) for a in lead.activities.order_by("pk")] == [
        ("", "Sam Sales"),
        ("Sam Sales", ""),
    ]


@pytest.mark.django_db
def test_invalid_status_is_refused(sales_client):
    lead = LeadFactory(status=LeadStatus.NEW)
    sales_client.post(reverse("leads:set_status", args=[lead.pk]), {"status": "bogus"})
    lead.refresh_from_db()
    assert lead.status == LeadStatus.NEW
    assert not lead.activities.exists()


# --- Overdue flag ------------------------------------------------------------------------


@pytest.mark.django_db
def test_overdue_flag_after_the_sla(admin_client, settings):
    settings.LEADS_RESPONSE_SLA_HOURS = 24
    waiting = LeadFactory(created_at=NOW)
    answered = LeadFactory(created_at=NOW, first_response_at=NOW + datetime.timedelta(hours=1))

    with time_machine.travel(NOW + datetime.timedelta(hours=23), tick=False):
        assert "data-lead-overdue" not in listing(admin_client)
        assert shown(listing(admin_client, overdue="true"), waiting, answered) == set()

    with time_machine.travel(NOW + datetime.timedelta(hours=25), tick=False):
        content = listing(admin_client)
        assert content.count("data-lead-overdue") == 1
        assert shown(listing(admin_client, overdue="true"), waiting, answered) == {
            waiting.reference
        }
        detail = admin_client.get(waiting.get_admin_url()).content.decode()
        assert "data-lead-overdue" in detail
        assert "data-lead-overdue" not in (
            admin_client.get(answered.get_admin_url()).content.decode()
        )


@pytest.mark.django_db
def test_overdue_follows_the_configured_sla(admin_client, settings):
    settings.LEADS_RESPONSE_SLA_HOURS = 4
    LeadFactory(created_at=NOW)

    with time_machine.travel(NOW + datetime.timedelta(hours=5), tick=False):
        assert "data-lead-overdue" in listing(admin_client)


# --- Dashboard ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_dashboard_numbers():
    day = datetime.timedelta(days=1)
    hour = datetime.timedelta(hours=1)
    # Answered within 1 h, 2 h and 6 h: the median is 2 h.
    for hours, country in ((1, "DE"), (2, "DE"), (6, "US")):
        LeadFactory(
            created_at=NOW - 3 * day,
            first_response_at=NOW - 3 * day + hours * hour,
            status=LeadStatus.CONTACTED,
            country=country,
        )
    LeadFactory(created_at=NOW - 2 * hour, country="DE")  # new, not overdue yet
    LeadFactory(created_at=NOW - 2 * day, country="BR")  # new and overdue
    LeadFactory(created_at=NOW - 2 * day, country="BR", status=LeadStatus.SPAM)  # ignored
    # Older than 30 days: overdue, but not in the 30-day numbers.
    LeadFactory(
        created_at=NOW - 40 * day,
        first_response_at=NOW - 40 * day + 100 * hour,
        status=LeadStatus.CONTACTED,
        country="FR",
    )

    with time_machine.travel(NOW, tick=False):
        stats = lead_stats()

    assert stats["new_count"] == 2
    assert stats["overdue_count"] == 1
    assert stats["median_response"] == datetime.timedelta(hours=2)
    assert [(row["code"], row["count"]) for row in stats["countries"]] == [
        ("DE", 3),
        ("BR", 1),
        ("US", 1),
    ]
    assert stats["countries"][0]["percent"] == 100
    assert stats["countries"][1]["percent"] == 33


@pytest.mark.django_db
def test_dashboard_panel_on_the_admin_home(sales_client):
    LeadFactory(country="DE")
    LeadFactory(country="DE", created_at=timezone.now() - datetime.timedelta(days=3))

    content = sales_client.get(reverse("wagtailadmin_home")).content.decode()

    assert 'id="leads-panel-title"' in content
    assert '<span class="leads-panel__number" data-leads-new>2</span>' in content
    assert "leads-chart__bar" in content
    assert "Germany" in content
    assert "<script" not in content.split('id="leads-panel-title"')[1].split("</section>")[0]


def test_format_duration():
    assert format_duration(None) == ""
    assert format_duration(datetime.timedelta(minutes=42)) == "42 min"
    assert format_duration(datetime.timedelta(hours=3, minutes=20)) == "3 h 20 min"
    assert format_duration(datetime.timedelta(days=2, hours=4, minutes=5)) == "2 d 4 h"


# --- Attachments -------------------------------------------------------------------------


@pytest.mark.django_db
def test_attachment_download_streams_the_file_safely(sales_client, settings):
    attachment = LeadAttachmentFactory(original_name="drawing v2.pdf")
    assert str(settings.PRIVATE_MEDIA_ROOT) in attachment.file.path
    assert not attachment.file.path.startswith(str(settings.MEDIA_ROOT))

    response = sales_client.get(attachment.get_download_url())

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert "drawing v2.pdf" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == b"%PDF-1.4 test drawing"


@pytest.mark.django_db
def test_attachment_with_a_risky_type_is_sent_as_bytes(sales_client):
    attachment = LeadAttachmentFactory(original_name="page.html", content_type="text/html")

    response = sales_client.get(attachment.get_download_url())

    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment;")


# --- Permissions -------------------------------------------------------------------------


@pytest.fixture
def lead_with_everything():
    lead = LeadFactory()
    LeadLineFactory(lead=lead)
    attachment = LeadAttachmentFactory(lead=lead)
    return lead, attachment


def protected_urls(lead, attachment):
    return {
        "list": reverse(INDEX),
        "results": reverse("leads:index_results"),
        "detail": lead.get_admin_url(),
        "csv": reverse(INDEX) + "?export=csv",
        "xlsx": reverse(INDEX) + "?export=xlsx",
        "attachment": attachment.get_download_url(),
        "bulk": bulk_url("mark_spam", [lead]),
    }


@pytest.mark.django_db
def test_staff_without_lead_permissions_gets_nothing(
    client, staff_without_perms, lead_with_everything
):
    lead, attachment = lead_with_everything
    client.force_login(staff_without_perms)

    for name, url in protected_urls(lead, attachment).items():
        response = client.get(url)
        assert response.status_code in (302, 403), name
        if response.status_code == 302:
            assert response.url == reverse("wagtailadmin_home"), name
        assert not getattr(response, "streaming", False), name

    for name in ("add_note", "replied", "set_status", "set_owner"):
        response = client.post(reverse(f"leads:{name}", args=[lead.pk]), {"status": "spam"})
        assert response.status_code in (302, 403), name
        assert response.get("Location", "") != lead.get_admin_url(), name
    client.post(bulk_url("mark_spam", [lead]), {})
    lead.refresh_from_db()
    assert lead.status == LeadStatus.NEW
    assert not LeadNote.objects.exists()
    assert not LeadActivity.objects.exists()

    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse(INDEX) not in home
    assert "leads-panel-title" not in home


@pytest.mark.django_db
def test_anonymous_user_is_sent_to_login(client, lead_with_everything):
    lead, attachment = lead_with_everything
    for name, url in protected_urls(lead, attachment).items():
        response = client.get(url)
        assert response.status_code == 302, name
        assert response.url.startswith(reverse("wagtailadmin_login")), name


@pytest.mark.django_db
def test_sales_user_sees_the_menu_item_and_panel(sales_client):
    home = sales_client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse(INDEX) in home
    assert "leads-panel-title" in home


@pytest.mark.django_db
def test_view_only_user_can_read_but_not_act(client, django_user_model, lead_with_everything):
    lead, attachment = lead_with_everything
    reader = django_user_model.objects.create_user(username="reader", password="x")
    give_perms(reader, "access_admin", "view_lead")
    client.force_login(reader)

    assert client.get(reverse(INDEX)).status_code == 200
    detail = client.get(lead.get_admin_url())
    assert detail.status_code == 200
    assert reverse("leads:replied", args=[lead.pk]) not in detail.content.decode()
    assert client.get(attachment.get_download_url()).status_code == 200
    client.post(reverse("leads:replied", args=[lead.pk]))
    client.post(bulk_url("mark_spam", [lead]), {})
    lead.refresh_from_db()
    assert lead.first_response_at is None
    assert lead.status == LeadStatus.NEW


# --- First response by a status change ----------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("status", ["contacted", "quoted", "won"])
def test_moving_a_lead_to_a_replied_status_records_the_first_response(
    sales_client, sales_user, status
):
    lead = LeadFactory(created_at=NOW)
    later = NOW + datetime.timedelta(hours=30)

    with time_machine.travel(later, tick=False):
        assert Lead.objects.overdue().filter(pk=lead.pk).exists()
        sales_client.post(reverse("leads:set_status", args=[lead.pk]), {"status": status})
        lead.refresh_from_db()
        assert lead.first_response_at == later
        assert not lead.is_overdue
        assert not Lead.objects.overdue().exists()
        assert shown(listing(sales_client, overdue="true"), lead) == set()
        assert lead_stats()["overdue_count"] == 0
    assert LeadActivity.objects.filter(lead=lead, action="replied", user=sales_user).count() == 1


@pytest.mark.django_db
def test_bulk_status_change_records_the_first_response_once(sales_client, sales_user):
    earlier = NOW - datetime.timedelta(hours=2)
    waiting = LeadFactory(created_at=NOW - datetime.timedelta(days=3))
    answered = LeadFactory(
        created_at=NOW - datetime.timedelta(days=3),
        first_response_at=earlier,
        status=LeadStatus.CONTACTED,
    )

    with time_machine.travel(NOW, tick=False):
        assert lead_stats()["overdue_count"] == 1
        response = sales_client.post(
            bulk_url("change_status", [waiting, answered]), {"status": "won"}
        )
        assert response.status_code == 302
        assert lead_stats()["overdue_count"] == 0

    waiting.refresh_from_db()
    answered.refresh_from_db()
    assert waiting.first_response_at == NOW
    assert answered.first_response_at == earlier  # the first response stays the first
    replied = LeadActivity.objects.filter(action="replied")
    assert [(a.lead_id, a.user) for a in replied] == [(waiting.pk, sales_user)]


@pytest.mark.django_db
@pytest.mark.parametrize("status", ["lost", "spam", "new"])
def test_other_statuses_are_not_a_response(sales_client, status):
    lead = LeadFactory(created_at=NOW, status=LeadStatus.CONTACTED if status == "new" else "new")
    sales_client.post(reverse("leads:set_status", args=[lead.pk]), {"status": status})
    lead.refresh_from_db()
    assert lead.first_response_at is None


# --- CSV formula guard ------------------------------------------------------------------


@pytest.mark.django_db
def test_csv_export_keeps_phone_numbers_and_guards_formulas(sales_client):
    phones = ["+34 600 123 456", "+1 (555) 010-9999", "+86-574-8888-0000", "-12.5"]
    formulas = ['+cmd|" /C calc"!A0', "=1+1", "-2+3", "@SUM(A1)", "+HYPERLINK(1)", "-"]
    for n, value in enumerate(phones + formulas):
        LeadFactory(phone=value[:40], reference=f"Q-CSV{n:04d}")

    response = sales_client.get(reverse(INDEX), {"export": "csv", "ordering": "reference"})

    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    exported = {row["Reference"]: row["Phone"] for row in rows}
    for n, value in enumerate(phones):
        assert exported[f"Q-CSV{n:04d}"] == value
    for n, value in enumerate(formulas, start=len(phones)):
        assert exported[f"Q-CSV{n:04d}"] == "'" + value[:40]


# --- Retry a failed sales notification ----------------------------------------------------


def retry_url(lead):
    return reverse("leads:retry_notification", args=[lead.pk])


@pytest.mark.django_db
def test_retry_now_queues_the_emails_of_a_failed_lead_and_logs_it(sales_client, sales_user):
    from django_tasks_db.models import DBTaskResult

    lead = LeadFactory(notification_status="failed", notification_attempts=5)
    page = sales_client.get(lead.get_admin_url()).content.decode()
    assert retry_url(lead) in page

    response = sales_client.post(retry_url(lead), follow=True)

    assert response.redirect_chain == [(lead.get_admin_url(), 302)]
    assert "queued again" in response.content.decode()
    lead.refresh_from_db()
    assert lead.notification_status == "pending"
    task = DBTaskResult.objects.get(backend_name="leads", status="READY")
    assert task.task_path == "enquiries.tasks.send_lead_emails"
    assert task.args_kwargs["args"] == [lead.pk]
    activity = LeadActivity.objects.get(lead=lead, action="notification_retry")
    assert activity.user == sales_user
    assert "Emails queued again" in response.content.decode()  # the lead's history

    # A second click (or a stale tab) doesn't queue it twice.
    sales_client.post(retry_url(lead))
    assert DBTaskResult.objects.filter(backend_name="leads").count() == 1


@pytest.mark.django_db
def test_retry_now_only_for_failed_notifications_and_with_permission(
    client, sales_client, django_user_model
):
    from django_tasks_db.models import DBTaskResult

    sent = LeadFactory(notification_status="sent")
    assert retry_url(sent) not in sales_client.get(sent.get_admin_url()).content.decode()
    response = sales_client.post(retry_url(sent), follow=True)
    assert response.status_code == 200
    assert not DBTaskResult.objects.exists()

    failed = LeadFactory(notification_status="failed")
    assert sales_client.get(retry_url(failed)).status_code == 405
    reader = give_perms(
        django_user_model.objects.create_user("reader", password="x"), "access_admin", "view_lead"
    )
    client.force_login(reader)
    assert retry_url(failed) not in client.get(failed.get_admin_url()).content.decode()
    client.post(retry_url(failed))
    failed.refresh_from_db()
    assert failed.notification_status == "failed"
    assert not DBTaskResult.objects.exists()
