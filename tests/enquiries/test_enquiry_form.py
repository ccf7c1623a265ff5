"""The buyer's enquiry (RFQ): form, quote basket, guards against abuse, nothing lost."""

import io
import zipfile

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from enquiries.models import Lead, LeadStatus, LeadType, NotificationStatus
from tests.enquiries.conftest import buyer_data, lines_data
from tests.helpers import parse_html

pytestmark = pytest.mark.django_db


def run_worker():
    """Run every ready task of the `leads` queue with django-tasks-db's own worker.

    `manage.py db_worker` would close the test's database connection between tasks
    (it drops connections left outside autocommit), so the loop is ours and the
    task execution is the worker's.
    """
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="leads",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    while task := DBTaskResult.objects.ready().filter(backend_name="leads").get_locked():
        task.claim(worker.worker_id)
        worker.run_task(task)


def post_enquiry(client, url, products=(), files=None, **buyer):
    data = {**buyer_data(**buyer), **lines_data(list(products))}
    if files:
        data["attachments"] = files
    return client.post(url, data)


def test_product_page_request_a_quote_prefills_the_product(client, shop):
    product = shop["products"][0]

    page = client.get(product.url)
    rfq = next(a for _, a in parse_html(page.content).elements if a.get("id") == "request-quote")
    response = client.get(rfq["href"])

    assert response.status_code == 200
    html = response.content.decode()
    assert product.title in html and product.sku in html
    assert 'name="lines-0-product"' in html and f'value="{product.pk}"' in html


def test_enquiry_creates_a_lead_with_lines_and_redirects_to_thanks(client, shop):
    page = shop["enquiry"]["en"]
    products = shop["products"][:2]

    response = post_enquiry(client, page.url, products, message="Please quote.")

    assert response.status_code == 302
    assert response["Location"].endswith("/thanks/")
    lead = Lead.objects.get()
    assert lead.lead_type == LeadType.ENQUIRY and lead.status == LeadStatus.NEW
    assert lead.country.code == "ES" and lead.language == "en" and lead.consent_at
    assert [(line.sku, line.quantity, line.incoterm) for line in lead.lines.all()] == [
        (p.sku, 500, "FOB") for p in products
    ]
    thanks = client.get(response["Location"])
    assert lead.reference in thanks.content.decode()


def test_sales_and_buyer_emails_go_out_through_the_worker_in_the_buyer_language(
    client, shop, settings
):
    settings.LEADS_NOTIFY_EMAIL = "sales@lumetra.example"
    post_enquiry(client, shop["enquiry"]["es"].url, shop["products"][:1], message="Hola")
    lead = Lead.objects.get()
    assert mail.outbox == []  # queued, not sent in the request

    run_worker()

    lead.refresh_from_db()
    assert lead.notification_status == NotificationStatus.SENT and lead.acknowledgement_sent_at
    sales, ack = mail.outbox
    assert sales.to == ["sales@lumetra.example"] and sales.reply_to == [lead.email]
    assert lead.reference in sales.subject and lead.get_admin_url() in sales.body
    assert ack.to == [lead.email] and lead.reference in ack.subject
    assert "Hemos recibido su solicitud" in ack.subject  # Spanish, the language used


def test_smtp_down_keeps_the_lead_marks_it_failed_and_retries(client, shop, settings):
    settings.OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2

    response = post_enquiry(client, shop["enquiry"]["en"].url, shop["products"][:1])
    assert response.status_code == 302
    run_worker()

    lead = Lead.objects.get()
    assert lead.notification_status == NotificationStatus.FAILED
    assert lead.notification_attempts == 1 and "Connection refused" in lead.notification_error
    retry = DBTaskResult.objects.filter(status="READY").get()
    assert retry.run_after > timezone.now() and retry.args_kwargs["args"] == [lead.pk]

    # The mail server is back: the retry sends both emails.
    settings.OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    run_worker()
    lead.refresh_from_db()
    assert lead.notification_status == NotificationStatus.SENT and len(mail.outbox) == 2


def test_category_sales_address_overrides_the_default(client, shop, settings):
    settings.LEADS_NOTIFY_EMAIL = "sales@lumetra.example"
    category = shop["category"]
    category.leads_email = "highbays@lumetra.example"
    category.save_revision().publish()

    post_enquiry(client, shop["enquiry"]["en"].url, shop["products"][:1])
    run_worker()

    assert mail.outbox[0].to == ["highbays@lumetra.example"]


@pytest.mark.parametrize("language", ["en", "es", "ar"])
def test_missing_fields_give_translated_errors_and_no_lead(client, shop, language):
    response = client.post(shop["enquiry"][language].url, {"form_token": "not-a-uuid"})

    assert response.status_code == 200
    assert not Lead.objects.exists()
    html = response.content.decode()
    required = {
        "en": "This field is required.",
        "es": "Este campo es necesario.",
        "ar": "هذا الحقل مطلوب.",
    }
    assert required[language] in html
    assert 'role="alert"' in html


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("email", "not-an-email", "Enter a valid email address."),
        ("country", "XX", "Select a valid choice."),
        ("phone", "call me maybe", "Enter a phone number with digits only"),
        ("name", "x" * 121, "Ensure this value has at most 120 characters"),
        ("consent", "", "Please agree so we can store your request"),
    ],
)
def test_each_buyer_field_is_validated(client, shop, field, value, message):
    response = post_enquiry(
        client, shop["enquiry"]["en"].url, shop["products"][:1], **{field: value}
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Lead.objects.exists()


def test_bad_line_values_are_errors_not_500s(client, shop):
    data = {
        **buyer_data(),
        **lines_data(shop["products"][:1], quantity="-3", target_price="abc", incoterm="XYZ"),
    }
    response = client.post(shop["enquiry"]["en"].url, data)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Ensure this value is greater than or equal to 1." in html
    assert "Enter a number." in html
    assert not Lead.objects.exists()


def test_tampered_management_form_or_unknown_product_is_an_error(client, shop):
    url = shop["enquiry"]["en"].url
    assert client.post(url, {**buyer_data()}).status_code == 200  # no management form
    data = {**buyer_data(), **lines_data(shop["products"][:1])}
    data["lines-0-product"] = "999999"
    response = client.post(url, data)
    assert "no longer available" in response.content.decode()
    assert not Lead.objects.exists()


def test_general_enquiry_without_products_needs_a_message(client, shop):
    url = shop["enquiry"]["en"].url
    response = post_enquiry(client, url)
    assert "Tell us which products you need" in response.content.decode()

    assert post_enquiry(client, url, message="Do you make UV-C lamps?").status_code == 302
    assert Lead.objects.get().lines.count() == 0


def test_honeypot_is_silently_dropped_with_the_normal_thanks_page(client, shop):
    response = post_enquiry(
        client, shop["enquiry"]["en"].url, shop["products"][:1], website="http://spam.example"
    )

    assert response.status_code == 302 and response["Location"].endswith("/thanks/")
    assert not Lead.objects.exists()
    assert client.get(response["Location"]).status_code == 200


def test_low_recaptcha_score_keeps_the_lead_as_spam_without_emails(client, shop, recaptcha):
    recaptcha.score = 0.1

    post_enquiry(client, shop["enquiry"]["en"].url, shop["products"][:1])
    run_worker()

    lead = Lead.objects.get()
    assert lead.status == LeadStatus.SPAM and lead.recaptcha_score == 0.1
    assert "0.1" in lead.spam_reason
    assert mail.outbox == []


def test_without_javascript_there_is_no_token_and_the_lead_is_kept_for_review(client, shop):
    response = post_enquiry(client, shop["enquiry"]["en"].url, shop["products"][:1], captcha="")

    assert response.status_code == 302
    lead = Lead.objects.get()
    assert lead.status == LeadStatus.SPAM and "no reCAPTCHA token" in lead.spam_reason


def test_invalid_recaptcha_token_is_an_error(client, shop, recaptcha):
    recaptcha.valid = False

    response = post_enquiry(client, shop["enquiry"]["en"].url, shop["products"][:1])

    assert response.status_code == 200 and not Lead.objects.exists()


def test_double_submit_creates_one_lead(client, shop):
    data = {**buyer_data(), **lines_data(shop["products"][:1])}
    first = client.post(shop["enquiry"]["en"].url, data)
    second = client.post(shop["enquiry"]["en"].url, data)

    assert first.status_code == second.status_code == 302
    assert Lead.objects.count() == 1


@override_settings(LEADS_RATE_LIMIT_PER_HOUR=2)
def test_rate_limit_per_ip(client, shop):
    url = shop["enquiry"]["en"].url
    for _ in range(2):
        assert post_enquiry(client, url, shop["products"][:1]).status_code == 302

    blocked = post_enquiry(client, url, shop["products"][:1])
    assert blocked.status_code == 429
    assert "several requests from your network" in blocked.content.decode()
    assert Lead.objects.count() == 2
    # Another address is not affected.
    other = client.post(
        url, {**buyer_data(), **lines_data(shop["products"][:1])}, REMOTE_ADDR="10.9.9.9"
    )
    assert other.status_code == 302


def _xlsx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return buffer.getvalue()


def test_attachments_are_stored_privately(client, shop, settings):
    files = [
        SimpleUploadedFile("drawing.pdf", b"%PDF-1.7 drawing", content_type="application/pdf"),
        SimpleUploadedFile(
            "quantities.xlsx",
            _xlsx_bytes(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
    ]
    response = post_enquiry(client, shop["enquiry"]["en"].url, shop["products"][:1], files=files)

    assert response.status_code == 302
    attachments = list(Lead.objects.get().attachments.order_by("original_name"))
    assert [a.original_name for a in attachments] == ["drawing.pdf", "quantities.xlsx"]
    path = attachments[0].file.path
    assert path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not path.startswith(str(settings.MEDIA_ROOT))
    with pytest.raises(ValueError):
        attachments[0].file.url  # noqa: B018 - no public URL exists


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            SimpleUploadedFile("setup.exe", b"MZ\x90\x00", content_type="application/x-msdownload"),
            "is not an accepted file type",
        ),
        (
            SimpleUploadedFile(
                "invoice.pdf", b"MZ\x90\x00 renamed exe", content_type="application/pdf"
            ),
            "does not contain what its name says",
        ),
        (
            SimpleUploadedFile(
                "sheet.xlsx", b"PK\x03\x04 not really", content_type="application/octet-stream"
            ),
            "does not contain what its name says",
        ),
        (
            SimpleUploadedFile("photo.png", b"\x89PNG\r\n\x1a\n", content_type="text/html"),
            "does not contain what its name says",
        ),
    ],
)
def test_bad_attachments_are_refused_with_a_clear_error(client, shop, upload, message):
    response = post_enquiry(client, shop["enquiry"]["en"].url, shop["products"][:1], files=[upload])

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Lead.objects.exists()


def test_too_large_attachment_is_refused(client, shop, settings):
    settings.LEADS_ATTACHMENT_MAX_BYTES = 1024
    big = SimpleUploadedFile("big.pdf", b"%PDF-" + b"0" * 2048, content_type="application/pdf")

    response = post_enquiry(client, shop["enquiry"]["en"].url, shop["products"][:1], files=[big])

    assert "is larger than" in response.content.decode()
    assert not Lead.objects.exists()


def test_quote_basket_collects_products_and_sends_one_rfq(client, shop):
    first, second = shop["products"][:2]
    client.post("/en/quote/add/", {"product": first.pk, "next": first.url})
    client.post("/en/quote/add/", {"product": second.pk, "next": second.url})
    client.post("/en/quote/add/", {"product": second.pk})  # twice is still once

    header = client.get("/en/").content.decode()
    assert 'class="quote-basket-link__count"' in header and ">2</span>" in header
    form = client.get("/en/quote/", follow=True)
    assert first.sku in form.content.decode() and second.sku in form.content.decode()

    post_enquiry(client, shop["enquiry"]["en"].url, [first, second])

    assert Lead.objects.get().lines.count() == 2
    assert ">0</span>" in client.get("/en/").content.decode()  # emptied once sent


def test_basket_follows_the_buyer_into_another_language(client, shop, locales):
    product = shop["products"][0]
    client.post("/en/quote/add/", {"product": product.pk})
    spanish = product.get_translation_or_none(locales["es"])

    response = client.get(shop["enquiry"]["es"].url)

    assert spanish is None or spanish.title in response.content.decode()
    assert product.sku in response.content.decode()


def test_basket_remove_and_open_redirect_is_refused(client, shop):
    product = shop["products"][0]
    response = client.post(
        "/en/quote/add/", {"product": product.pk, "next": "https://evil.example/"}
    )
    assert response["Location"] == product.url

    client.post("/en/quote/remove/", {"product": product.pk})
    assert ">0</span>" in client.get("/en/").content.decode()
    assert client.post("/en/quote/add/", {"product": "abc"}).status_code == 404
    assert client.get("/en/quote/add/").status_code == 405


@pytest.mark.parametrize(
    ("language", "direction", "label", "button", "quantity_error"),
    [
        ("en", "ltr", "Your name", "Send enquiry", "Enter the quantity you need."),
        ("es", "ltr", "Su nombre", "Enviar solicitud", "Indique la cantidad que necesita."),
        ("ar", "rtl", "اسمك", "إرسال الاستفسار", "أدخل الكمية التي تحتاجها."),
    ],
)
def test_form_labels_and_errors_speak_the_page_language(
    client, shop, language, direction, label, button, quantity_error
):
    page = shop["enquiry"][language]
    product = shop["products"][0]

    form = client.get(f"{page.url}?product={product.pk}")
    html = form.content.decode()
    assert f'lang="{language}" dir="{direction}"' in html
    assert label in html and button in html

    data = {**buyer_data(), **lines_data([product], quantity="")}
    errors = client.post(page.url, data).content.decode()
    assert quantity_error in errors
