"""Nothing a buyer sends is lost: double clicks, odd file names, hostile ids, reCAPTCHA outages."""

import socket
import threading
from contextlib import contextmanager

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django_recaptcha.client import submit as real_recaptcha_submit

from enquiries.models import Lead, LeadStatus
from tests.concurrency import at_once
from tests.enquiries.conftest import buyer_data, lines_data

pytestmark = pytest.mark.django_db


def enquiry(products, **buyer) -> dict:
    return {**buyer_data(**buyer), **lines_data(list(products))}


# --- Double submits ---------------------------------------------------------------


def test_a_repeated_post_lands_on_the_same_thank_you_page(client, shop):
    url = shop["enquiry"]["en"].url
    data = enquiry(shop["products"][:1])
    first = client.post(url, data)
    second = client.post(url, data)

    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Lead.objects.count() == 1
    thanks = client.get(second["Location"]).content.decode()
    assert Lead.objects.get().reference in thanks


def test_a_post_racing_past_the_token_check_gets_the_saved_lead_not_a_500(
    client, shop, monkeypatch
):
    # The views look the token up first; a second request arriving between that
    # look-up and the insert meets the unique constraint instead.
    url = shop["enquiry"]["en"].url
    data = enquiry(shop["products"][:1])
    assert client.post(url, data).status_code == 302
    monkeypatch.setattr("enquiries.views.existing_lead_for_token", lambda token: None)

    again = Client().post(url, data)

    assert again.status_code == 302
    assert again["Location"].endswith("/thanks/")
    assert Lead.objects.count() == 1


# Committed for real, so the three requests really race; serialized_rollback puts
# back what Wagtail's migrations created (the flush after the test removes it).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_same_form_posted_three_times_at_once_gives_one_lead(wagtail_base_rows, shop):
    url = shop["enquiry"]["en"].url
    data = enquiry(shop["products"][:1])

    responses = at_once(*[lambda: Client().post(url, data)] * 3)

    assert [r.status_code for r in responses] == [302, 302, 302]
    assert {r["Location"] for r in responses} == {shop["enquiry"]["en"].url + "thanks/"}
    assert Lead.objects.count() == 1


# --- Attachments ------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "spec" + "." * 120 + "pdf",
        "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.pdf",
        "x" * 250 + ".pdf",
        "../../etc/passwd.pdf",
        "ملف المواصفات.pdf",
        "..pdf",
    ],
)
def test_any_attachment_name_is_kept_with_the_lead(client, shop, name):
    upload = SimpleUploadedFile(name, b"%PDF-1.7 drawing", content_type="application/pdf")
    data = enquiry(shop["products"][:1])
    data["attachments"] = [upload]

    response = client.post(shop["enquiry"]["en"].url, data)

    assert response.status_code == 302
    attachment = Lead.objects.get().attachments.get()
    assert attachment.original_name == upload.name[:255]
    assert ".." not in attachment.file.name and attachment.file.name.endswith(".pdf")
    assert attachment.file.read() == b"%PDF-1.7 drawing"


# --- Ids, next= and rate limits ---------------------------------------------------


@pytest.mark.parametrize("value", ["²", "٣", "１", "1²", "-1", "0", "9" * 30, "abc", "\u202e1"])
def test_unicode_digits_in_id_parameters_are_ignored(client, shop, value):
    enquiry_page = shop["enquiry"]["en"]
    assert client.get(enquiry_page.url, {"product": value}).status_code == 200
    assert client.get(enquiry_page.url + "samples/", {"product": value}).status_code == 200
    assert client.post("/en/quote/add/", {"product": value}).status_code == 404
    assert client.post("/en/quote/remove/", {"product": value}).status_code == 404
    data = enquiry(shop["products"][:1])
    data["lines-0-product"] = value
    assert client.post(enquiry_page.url, data).status_code == 200


@pytest.mark.parametrize("next_value", ["quote", "home", "admin:index", "//evil.example", "\x7f"])
def test_basket_next_parameter_never_breaks_the_redirect(client, shop, next_value):
    product = shop["products"][0]
    added = client.post("/en/quote/add/", {"product": product.pk, "next": next_value})
    assert added.status_code == 302 and added["Location"] == product.url
    removed = client.post("/en/quote/remove/", {"product": product.pk, "next": next_value})
    assert removed.status_code == 302 and removed["Location"] == shop["enquiry"]["en"].url


@override_settings(LEADS_RATE_LIMIT_PER_HOUR=2, TRUSTED_PROXY_COUNT=1)
def test_rotating_x_forwarded_for_does_not_escape_the_rate_limit(client, shop):
    url = shop["enquiry"]["en"].url
    statuses = [
        client.post(
            url,
            enquiry(shop["products"][:1]),
            HTTP_X_FORWARDED_FOR=f"10.0.0.{n}, 198.51.100.9",
            REMOTE_ADDR="127.0.0.1",
        ).status_code
        for n in range(4)
    ]
    assert statuses == [302, 302, 429, 429]
    assert set(Lead.objects.values_list("ip_address", flat=True)) == {"198.51.100.9"}


@pytest.mark.parametrize("header", ["not-an-ip", "<script>", "1.2.3.4.5", "\u0661.1.1.1", ""])
def test_a_forwarded_header_that_is_not_an_address_keeps_the_enquiry(client, shop, header):
    with override_settings(TRUSTED_PROXY_COUNT=1):
        response = client.post(
            shop["enquiry"]["en"].url,
            enquiry(shop["products"][:1]),
            HTTP_X_FORWARDED_FOR=header,
            REMOTE_ADDR="10.0.0.2",
        )
    assert response.status_code == 302
    assert Lead.objects.get().ip_address == "10.0.0.2"


# --- reCAPTCHA outage -------------------------------------------------------------


@contextmanager
def tcp_server(behaviour: str):
    """A local server where Google should be: `refuse` (closed port), `stall`, or `garbage`."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    if behaviour == "refuse":
        listener.close()
        yield port
        return
    listener.listen(8)
    stop = threading.Event()
    held = []

    def serve():
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            held.append(conn)
            if behaviour == "garbage":
                conn.sendall(b"HTTP/1.1 200 OK\r\n\r\n<html>captive portal</html>")
                conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield port
    finally:
        stop.set()
        thread.join()
        for conn in held:
            conn.close()
        listener.close()


@pytest.mark.parametrize("behaviour", ["refuse", "stall", "garbage"])
def test_google_unreachable_keeps_the_lead_as_unverified_and_thanks_the_buyer(
    client, shop, monkeypatch, behaviour
):
    # The real django-recaptcha client, talking to a local server that fails.
    monkeypatch.setattr("enquiries.forms.recaptcha_client.submit", real_recaptcha_submit)
    with (
        tcp_server(behaviour) as port,
        override_settings(RECAPTCHA_DOMAIN=f"127.0.0.1:{port}", RECAPTCHA_VERIFY_REQUEST_TIMEOUT=1),
    ):
        response = client.post(shop["enquiry"]["en"].url, enquiry(shop["products"][:1]))

    assert response.status_code == 302
    assert response["Location"].endswith("/thanks/")
    lead = Lead.objects.get()
    assert lead.status == LeadStatus.UNVERIFIED
    assert "could not be reached" in lead.spam_reason


def test_the_recaptcha_script_never_stands_between_the_buyer_and_the_form(client, shop):
    html = client.get(shop["enquiry"]["en"].url).content.decode()
    # Loaded without blocking the page, and no inline call that throws when blocked.
    assert "recaptcha/api.js" in html
    api_tag = html[html.rindex("<script", 0, html.index("recaptcha/api.js")) :]
    api_tag = api_tag[: api_tag.index(">")]
    assert " async" in api_tag
    assert "grecaptcha.ready(" not in html
    assert "js/recaptcha.js" in html


# --- Stored junk ----------------------------------------------------------------------


def test_a_name_of_invisible_characters_is_refused_on_the_enquiry_form(client, shop):
    data = enquiry(shop["products"][:1], name="\u200b\u202e\u2066\n")
    response = client.post(shop["enquiry"]["en"].url, data)

    assert response.status_code == 200
    assert "only spaces or invisible characters" in response.content.decode()
    assert not Lead.objects.exists()


def test_one_line_fields_are_stored_as_one_clean_line(client, shop):
    data = enquiry(
        shop["products"][:1],
        name="Ana\u200b García\r\n",
        company="\u202eSmith & Sons\u202c\nLtd",
    )
    data["lines-0-destination"] = "Valencia\r\nBcc: evil@example.com"

    assert client.post(shop["enquiry"]["en"].url, data).status_code == 302
    lead = Lead.objects.get()
    assert (lead.name, lead.company) == ("Ana García", "Smith & Sons Ltd")
    assert lead.lines.get().destination == "Valencia Bcc: evil@example.com"


# --- Rate limit -------------------------------------------------------------------


@override_settings(LEADS_RATE_LIMIT_PER_HOUR=1)
@pytest.mark.parametrize("form", ["enquiry", "samples"])
def test_a_rate_limited_buyer_keeps_the_form_and_learns_when_to_retry(client, shop, form):
    page = shop["enquiry"]["en"]
    products = shop["products"][:2]
    if form == "enquiry":
        url = page.url
        first = enquiry(products[:1])
        blocked = enquiry(products, name="Ana Retry", message="Second request")
        blocked["lines-1-quantity"] = "777"
    else:
        url = page.url + "samples/"
        first = {
            **buyer_data(),
            **lines_data(products[:1], prefix="samples"),
            "shipping_address": "Calle Mayor 1, Madrid",
        }
        blocked = {
            **buyer_data(name="Ana Retry"),
            **lines_data(products, prefix="samples"),
            "shipping_address": "Calle Mayor 1, Madrid",
        }
    assert client.post(url, first).status_code == 302

    response = client.post(url, blocked)

    assert response.status_code == 429
    assert 3500 <= int(response["Retry-After"]) <= 3600
    html = response.content.decode()
    assert "send it again in 60 minutes" in html
    assert 'value="Ana Retry"' in html
    for product in products:
        assert product.sku in html
    if form == "enquiry":
        assert 'value="777"' in html and "Second request" in html
    assert Lead.objects.count() == 1
