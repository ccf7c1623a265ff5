"""What a client sends and the site must not trust: addresses, ids, return URLs, NULs, hosts."""

import logging
import logging.config

import pytest
from django.test import RequestFactory, override_settings
from hypothesis import given
from hypothesis import strategies as st

from exportsite.settings import base as base_settings
from home.http import client_ip, parse_id, safe_next_url

rf = RequestFactory()


def _request(xff=None, remote="203.0.113.7"):
    extra = {"REMOTE_ADDR": remote}
    if xff is not None:
        extra["HTTP_X_FORWARDED_FOR"] = xff
    return rf.get("/", **extra)


@pytest.mark.parametrize(
    ("proxies", "xff", "remote", "expected"),
    [
        # No proxy configured: the header is the client's own words, ignored.
        (0, "1.1.1.1", "203.0.113.7", "203.0.113.7"),
        (0, "not an address", "203.0.113.7", "203.0.113.7"),
        # One proxy (nginx): the last entry is the one it appended.
        (1, "198.51.100.9", "10.0.0.2", "198.51.100.9"),
        (1, "6.6.6.6, 198.51.100.9", "10.0.0.2", "198.51.100.9"),
        (1, "<script>, 198.51.100.9", "10.0.0.2", "198.51.100.9"),
        (1, "2001:db8::5", "10.0.0.2", "2001:db8::5"),
        # Two proxies (CDN + nginx): the CDN's entry is second from the right.
        (2, "6.6.6.6, 198.51.100.9, 192.0.2.1", "10.0.0.2", "198.51.100.9"),
        # Not through every proxy, or junk where a proxy's entry belongs: the peer.
        (1, None, "10.0.0.2", "10.0.0.2"),
        (2, "198.51.100.9", "10.0.0.2", "10.0.0.2"),
        (1, "\x00", "10.0.0.2", "10.0.0.2"),
        (0, None, "", None),
        (0, None, "garbage", None),
    ],
)
def test_client_ip_believes_only_the_configured_proxies(proxies, xff, remote, expected):
    with override_settings(TRUSTED_PROXY_COUNT=proxies):
        assert client_ip(_request(xff, remote)) == expected


@given(st.text(max_size=300))
def test_client_ip_is_a_valid_address_or_none_for_any_header(header):
    for proxies in (0, 1, 2):
        with override_settings(TRUSTED_PROXY_COUNT=proxies):
            ip = client_ip(_request(header, "10.0.0.2"))
        assert ip is None or ip == "10.0.0.2" or ":" in ip or ip.count(".") == 3


@given(st.lists(st.ip_addresses(v=4).map(str), min_size=1, max_size=5))
def test_rotating_the_forwarded_header_never_changes_the_client(forged):
    # What a client writes to the left of the proxy's own entry is never believed.
    with override_settings(TRUSTED_PROXY_COUNT=1):
        header = ", ".join([*forged, "198.51.100.9"])
        assert client_ip(_request(header, "10.0.0.2")) == "198.51.100.9"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("42", 42),
        (" 42 ", 42),
        (42, 42),
        ("²", None),
        ("٣", None),
        ("１２", None),
        ("-1", None),
        ("0", None),
        ("1e3", None),
        ("99999999999", None),
        ("", None),
        (None, None),
        (["1"], None),
        (True, None),
    ],
)
def test_parse_id_accepts_ascii_positive_ids_only(value, expected):
    assert parse_id(value) == expected


@given(st.text(max_size=50))
def test_parse_id_never_raises(value):
    result = parse_id(value)
    assert result is None or 0 < result < 2**31


@pytest.mark.parametrize(
    ("next_value", "expected"),
    [
        ("/es/quote/?x=1", "/es/quote/?x=1"),
        ("quote", "/fallback/"),
        ("https://evil.example/", "/fallback/"),
        ("//evil.example/", "/fallback/"),
        ("/\\evil.example/", "/fallback/"),
        ("/ok\r\nSet-Cookie: x=1", "/fallback/"),
        ("javascript:alert(1)", "/fallback/"),
        ("", "/fallback/"),
    ],
)
def test_safe_next_url_is_a_path_on_this_site(next_value, expected):
    request = rf.post("/", {"next": next_value})
    assert safe_next_url(request, "/fallback/") == expected


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/en/search/?q=lamp%00",
        "/en/?tag=a%00b",
        "/en/blog/?tag=%00",
        "/en/products%00/",
        "/en/request-a-quote/?product=%00",
        "/en/?%00=1",
    ],
)
def test_nul_characters_in_paths_and_parameters_are_a_400(client, site_tree, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "Bad request" in response.content.decode()


@pytest.mark.django_db
def test_a_cookie_with_a_nul_character_is_dropped_not_a_500(client, site_tree):
    client.cookies["sessionid"] = "abc\x00def"
    assert client.get("/en/").status_code == 200


@pytest.mark.django_db
def test_disallowed_host_is_one_brief_warning(client, site_tree):
    logging.config.dictConfig(base_settings.LOGGING)
    records = []

    class Keep(logging.Handler):
        def emit(self, record):
            records.append(record)

    logger = logging.getLogger("django.security.DisallowedHost")
    handler = Keep()
    logger.addHandler(handler)
    try:
        response = client.get("/en/", HTTP_HOST="evil.example" + "x" * 500)
    finally:
        logger.removeHandler(handler)
        logging.config.dictConfig({"version": 1, "disable_existing_loggers": False})

    assert response.status_code == 400
    assert len(records) == 1
    (record,) = records
    assert record.levelno == logging.WARNING
    assert record.exc_info is None and record.exc_text is None
    assert "evil.example" in record.getMessage() and len(record.getMessage()) <= 200
