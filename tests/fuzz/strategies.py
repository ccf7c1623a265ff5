"""Hostile text for the fuzz tests, and the checks every response must pass.

Every generated value carries two markers: an HTML tag that must never come back
unescaped, and a template expression that must never be evaluated. Whatever else
is in the value (NUL and control characters, bidi overrides, Unicode digits,
path traversal, CRLF, SQL-ish text, huge strings) only has to be answered
without a 5xx.
"""

from hypothesis import strategies as st

TAG = "<fz-x>"
EXPRESSION = "{{ 'fzeval'|upper }}"
EVALUATED = "FZEVAL"
INJECTED_HEADER = "X-Fz-Injected"

PAYLOADS = [
    "",
    " ",
    "<script>alert(1)</script>",
    '"><svg onload=alert(1)>',
    "javascript:alert(1)",
    "{% debug %}",
    "{{ request.META }}",
    "${7*7}",
    "' OR '1'='1' --",
    "'; DROP TABLE enquiries_lead; --",
    "\x00",
    "a\x00b",
    "%00",
    "\r\nSet-Cookie: fz=1",
    f"\r\n{INJECTED_HEADER}: 1",
    "%0d%0a" + INJECTED_HEADER + ":%201",
    "../../../../etc/passwd",
    "..\\..\\windows\\win.ini",
    "\u202egnp.exe",
    "\u2066\u2067\u2068\u2069",
    "\u200b\u200c\u200d\ufeff",
    "²",
    "٣٤",
    "１２３",
    "1e309",
    "-1",
    "0",
    "99999999999999999999",
    "NaN",
    "\ud7ff\ue000\uffff",
    "\U0001f600" * 50,
    "A" * 10_000,
    "//evil.example/",
    "https://evil.example/",
    "\\\\evil.example",
    "%",
    "%%",
    "%s%n",
    "&amp;&lt;",
    "null",
    "[]",
    "{}",
]

TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=60)
# Header values travel as latin-1 in WSGI; anything else can't be sent at all.
HEADER_TEXT = st.text(alphabet=st.characters(codec="latin-1"), max_size=60)


@st.composite
def hostile(draw, text=TEXT) -> str:
    """One hostile value: a known payload, generated text, or both, with the markers."""
    payload = draw(st.sampled_from(PAYLOADS))
    generated = draw(text)
    shape = draw(st.sampled_from(["payload", "text", "mixed", "marked"]))
    if shape == "payload":
        return payload
    if shape == "text":
        return generated
    if shape == "mixed":
        return generated + payload
    return f"{generated}{TAG}{payload}{EXPRESSION}"


def assert_safe_response(response) -> None:
    """No 5xx, no unescaped marker tag, no template evaluated, no injected header."""
    assert response.status_code < 500, response.status_code
    for name, value in response.items():
        assert INJECTED_HEADER.lower() != name.lower()
        assert "\r" not in value and "\n" not in value, (name, value)
    if response.streaming:
        return
    body = response.content.decode("utf-8", "replace")
    assert TAG not in body
    assert EVALUATED not in body
