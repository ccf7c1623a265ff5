"""Small helpers for reading rendered pages in tests."""

import json
from html.parser import HTMLParser


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.json_ld: list[str] = []
        self._in_json_ld = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.elements.append((tag, attributes))
        self._in_json_ld = tag == "script" and attributes.get("type") == "application/ld+json"

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_json_ld = False

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld.append(data)


def parse_html(content: bytes | str) -> _Collector:
    collector = _Collector()
    collector.feed(content.decode() if isinstance(content, bytes) else content)
    return collector


def html_attrs(content, tag: str) -> dict[str, str | None]:
    """Attributes of the first `tag` element."""
    return next(attrs for name, attrs in parse_html(content).elements if name == tag)


def links(content, **attr_filters) -> list[dict[str, str | None]]:
    """Attributes of every <a> whose attributes match `attr_filters`."""
    return [
        attrs
        for name, attrs in parse_html(content).elements
        if name == "a" and all(attrs.get(key) == value for key, value in attr_filters.items())
    ]


def json_ld_objects(content) -> list[dict]:
    """Every JSON-LD block on the page, parsed (a syntax error fails the test)."""
    return [json.loads(block) for block in parse_html(content).json_ld]
