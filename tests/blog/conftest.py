import datetime

import pytest

from tests.blog.factories import BlogIndexPageFactory, BlogPageFactory
from tests.conftest import translate


def add_post(index, **fields):
    """A published post under `index` (tags set before the first revision)."""
    tags = fields.pop("tags", [])
    post = BlogPageFactory.build(**fields)
    index.add_child(instance=post)
    if tags:
        post.tags.add(*tags)
    post.save_revision().publish()
    post.refresh_from_db()
    return post


@pytest.fixture
def blog(site_tree, locales):
    """Home > Blog with three English posts; the blog and its newest post in es and ar."""
    index = BlogIndexPageFactory(parent=site_tree["home"]["en"], slug="blog", title="Blog")
    posts = [
        add_post(
            index,
            title="Choosing warehouse high bays",
            slug="choosing-high-bays",
            date=datetime.date(2026, 3, 1),
            tags=["warehouse", "high bay"],
        ),
        add_post(
            index,
            title="Our new SMT line",
            slug="new-smt-line",
            date=datetime.date(2026, 5, 10),
            category="news",
            tags=["factory"],
        ),
        add_post(
            index,
            title="Shipping LED panels by sea",
            slug="shipping-by-sea",
            date=datetime.date(2026, 4, 2),
            category="trade",
            tags=["shipping"],
        ),
    ]
    newest = posts[1]
    index_es = translate(index, locales["es"], title="Blog ES", slug="blog")
    post_es = translate(newest, locales["es"], title="Nuestra nueva línea SMT")
    index_ar = translate(index, locales["ar"], title="المدونة", slug="blog")
    post_ar = translate(newest, locales["ar"], title="خط SMT الجديد")
    return {
        "site_tree": site_tree,
        "index": {"en": index, "es": index_es, "ar": index_ar},
        "posts": posts,
        "newest": {"en": newest, "es": post_es, "ar": post_ar},
    }
