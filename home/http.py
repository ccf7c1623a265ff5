"""Reading what a client sent, without trusting it: its address, ids and return URLs.

Every public view takes these values from here, so a forged header or a hostile
parameter is handled in one place: it gives a safe default, never an exception.
"""

import ipaddress
import re

from django.conf import settings
from django.utils.http import url_has_allowed_host_and_scheme
from ipware import get_client_ip

# ASCII digits only: str.isdigit() also accepts "²" or "٣", which int() refuses or
# reads as another number. Ten digits cover every primary key this site makes.
_ID = re.compile(r"[0-9]{1,10}")


def parse_id(value) -> int | None:
    """A positive database id from a query or form value, or None for anything else."""
    if not isinstance(value, str | int) or isinstance(value, bool):
        return None
    text = str(value).strip()
    if not _ID.fullmatch(text):
        return None
    number = int(text)
    return number if 0 < number < 2**31 else None


def _valid_ip(value) -> str | None:
    try:
        return str(ipaddress.ip_address((value or "").strip()))
    except ValueError:
        return None


def client_ip(request) -> str | None:
    """The address of the client, as far as the configured proxies vouch for it.

    TRUSTED_PROXY_COUNT is the number of reverse proxies in front of the site that
    append the address they saw to X-Forwarded-For (nginx's
    `proxy_add_x_forwarded_for`, a load balancer, a CDN). The client is the entry
    that the outermost trusted proxy added: the N-th from the right. Everything to
    its left was written by the client and is ignored, so rotating the header
    changes nothing. With 0 (the default) the header is not read at all: the
    address is REMOTE_ADDR, the peer of the TCP connection.
    """
    remote = _valid_ip(request.META.get("REMOTE_ADDR"))
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote
    # ipware counts the proxies *inside* the header: the last proxy's own address
    # is REMOTE_ADDR, so N trusted proxies leave N - 1 proxy entries after the
    # client's. Non-strict: entries a client forged on the left may be any length.
    ip, _routable = get_client_ip(
        request,
        proxy_count=proxies - 1,
        strict=False,
        request_header_order=["HTTP_X_FORWARDED_FOR"],
    )
    # No readable client entry (junk where the proxy's entry should be, or the
    # request did not pass through every proxy): fall back to the connection's
    # peer, so such clients share one rate-limit bucket instead of escaping it.
    return _valid_ip(ip) or remote


def safe_next_url(request, fallback: str) -> str:
    """The ?next= (or posted next) path on this site, or `fallback`.

    Only a path on this host is accepted ("/es/quote/?x=1"); a bare word, another
    host, a scheme-relative "//evil" or a control character gives the fallback.
    """
    target = request.POST.get("next") or request.GET.get("next") or ""
    if (
        target.startswith("/")
        and target.isprintable()
        and url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return target
    return fallback
