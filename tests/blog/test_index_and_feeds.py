"""Blog index: newest first, pagination, tag and category filters; RSS/Atom per language."""

import datetime
import xml.etree.ElementTree as ET

import pytest

from blog.models import POSTS_PER_PAGE
from tests.blog.conftest import add_post
from tests.helpers import links

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def post_links(html: str) -> list[str]:
    if '<ol class="post-list">' not in html:
        return []
    listing = html.split('<ol class="post-list">')[1].split("</ol>")[0]
    return [a["href"] for a in links(listing)]


def test_index_lists_posts_newest_first(client, blog):
    html = client.get(blog["index"]["en"].url).content.decode()

    assert post_links(html) == [
        "/en/blog/new-smt-line/",
        "/en/blog/shipping-by-sea/",
        "/en/blog/choosing-high-bays/",
    ]
    assert "1 min read" in html


def test_index_paginates(client, blog):
    index = blog["index"]["en"]
    for n in range(POSTS_PER_PAGE):
        add_post(index, slug=f"old-{n}", date=datetime.date(2025, 1, n + 1))

    first = client.get(index.url).content.decode()
    second = client.get(index.url, {"page": 2}).content.decode()

    assert len(post_links(first)) == POSTS_PER_PAGE
    assert post_links(second) == ["/en/blog/old-2/", "/en/blog/old-1/", "/en/blog/old-0/"]
    assert 'href="?page=2"' in first
    assert client.get(index.url, {"page": "999"}).status_code == 200


def test_tag_filter(client, blog):
    html = client.get(blog["index"]["en"].url, {"tag": "shipping"}).content.decode()

    assert post_links(html) == ["/en/blog/shipping-by-sea/"]
    assert "Posts tagged “shipping”" in html


def test_category_filter_and_unknown_category(client, blog):
    news = client.get(blog["index"]["en"].url, {"category": "news"}).content.decode()
    unknown = client.get(blog["index"]["en"].url, {"category": "nope"}).content.decode()

    assert post_links(news) == ["/en/blog/new-smt-line/"]
    assert len(post_links(unknown)) == 3


def test_index_shows_only_its_language(client, blog):
    html = client.get(blog["index"]["es"].url).content.decode()

    assert post_links(html) == [blog["newest"]["es"].url]


def test_draft_posts_are_not_listed(client, blog):
    post = blog["posts"][0]
    post.unpublish()

    assert post.url not in client.get(blog["index"]["en"].url).content.decode()


def test_index_advertises_its_feeds(client, blog):
    html = client.get(blog["index"]["en"].url).content.decode()

    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert 'href="/en/blog/feed/rss/"' in html and 'href="/en/blog/feed/atom/"' in html


def test_rss_feed_per_language(client, blog):
    english = client.get("/en/blog/feed/rss/")
    spanish = client.get("/es/blog/feed/rss/")

    assert english["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(english.content).find("channel")
    assert channel.findtext("language") == "en"
    items = channel.findall("item")
    assert [item.findtext("link") for item in items] == [
        "http://localhost/en/blog/new-smt-line/",
        "http://localhost/en/blog/shipping-by-sea/",
        "http://localhost/en/blog/choosing-high-bays/",
    ]
    assert items[0].findtext("title") == "Our new SMT line"
    assert items[0].findtext("pubDate").startswith("Sun, 10 May 2026")
    assert {c.text for c in items[2].findall("category")} == {"warehouse", "high bay"}

    spanish_channel = ET.fromstring(spanish.content).find("channel")
    assert spanish_channel.findtext("language") == "es"
    assert [item.findtext("title") for item in spanish_channel.findall("item")] == [
        "Nuestra nueva línea SMT"
    ]


def test_atom_feed_per_language(client, blog):
    english = ET.fromstring(client.get("/en/blog/feed/atom/").content)
    arabic = ET.fromstring(client.get("/ar/blog/feed/atom/").content)

    assert english.tag == f"{ATOM}feed"
    entries = english.findall(f"{ATOM}entry")
    assert len(entries) == 3
    assert entries[0].find(f"{ATOM}author").findtext(f"{ATOM}name") == "Mei Chen"
    arabic_titles = [e.findtext(f"{ATOM}title") for e in arabic.findall(f"{ATOM}entry")]
    assert arabic_titles == ["خط SMT الجديد"]
    # A translated post never leaks into another language's feed.
    assert "Nuestra" not in client.get("/en/blog/feed/atom/").content.decode()
