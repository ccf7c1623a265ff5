"""Blog page types: tree rules, rendering in three languages, body blocks, JSON-LD."""

import pytest
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.rich_text import RichText
from wagtail.test.utils import WagtailPageTestCase

from blog.models import BlogIndexPage, BlogPage
from home.models import HomePage
from tests.blog.conftest import add_post
from tests.blog.factories import BlogIndexPageFactory
from tests.factories import (
    ProductCategoryPageFactory,
    ProductIndexPageFactory,
    ProductPageFactory,
)
from tests.helpers import html_attrs, json_ld_objects, links

pytestmark = pytest.mark.django_db


class TestBlogPageTypeRules(WagtailPageTestCase):
    def test_blog_tree(self):
        self.assertAllowedParentPageTypes(BlogIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(BlogIndexPage, {BlogPage})
        self.assertAllowedParentPageTypes(BlogPage, {BlogIndexPage})
        self.assertAllowedSubpageTypes(BlogPage, set())


def test_only_one_blog_per_home(site_tree):
    home = site_tree["home"]["en"]
    assert BlogIndexPage.can_create_at(home)
    BlogIndexPageFactory(parent=home)
    assert not BlogIndexPage.can_create_at(home)


@pytest.mark.parametrize(("language", "direction"), [("en", "ltr"), ("es", "ltr"), ("ar", "rtl")])
@pytest.mark.parametrize("page_name", ["index", "newest"])
def test_every_blog_page_type_renders_in_each_language(
    client, blog, language, direction, page_name
):
    page = blog[page_name][language]

    response = client.get(page.url)

    assert response.status_code == 200, page.url
    assert page.url.startswith(f"/{language}/blog/")
    assert html_attrs(response.content, "html") == {"lang": language, "dir": direction}
    assert f"<h1>{page.title}</h1>" in response.content.decode()


def test_translated_post_keeps_author_date_category_and_tags(blog):
    english, spanish = blog["newest"]["en"], blog["newest"]["es"]

    assert (spanish.author, spanish.date, spanish.category) == (
        english.author,
        english.date,
        english.category,
    )
    assert {t.name for t in spanish.tags.all()} == {"factory"}


def test_headings_build_a_table_of_contents_with_unique_anchors(client, blog):
    post = add_post(
        blog["index"]["en"],
        slug="toc",
        body=[
            ("heading", {"text": "Why LED?", "level": "h2"}),
            ("rich_text", RichText("<p>Less energy.</p>")),
            ("heading", {"text": "Lumen output", "level": "h3"}),
            ("heading", {"text": "Why LED?", "level": "h2"}),
        ],
    )

    html = client.get(post.url).content.decode()

    assert [item["anchor"] for item in post.table_of_contents] == [
        "why-led",
        "lumen-output",
        "why-led-2",
    ]
    toc = html.split('<nav class="toc"')[1].split("</nav>")[0]
    assert [a["href"] for a in links(toc)] == ["#why-led", "#lumen-output", "#why-led-2"]
    assert '<h2 id="why-led" class="post__heading">Why LED?</h2>' in html
    assert '<h3 id="lumen-output" class="post__heading">Lumen output</h3>' in html
    assert '<h2 id="why-led-2" class="post__heading">Why LED?</h2>' in html


def test_arabic_headings_get_arabic_anchors(blog):
    post = blog["newest"]["ar"]
    post.body = [("heading", {"text": "لماذا LED؟", "level": "h2"})]

    assert post.table_of_contents[0]["anchor"] == "لماذا-led"


def test_reading_time_is_computed_from_the_body_and_translated(client, blog):
    words = " ".join(["lumen"] * 1000)  # 1000 words + the intro: 6 minutes at 200 wpm
    post = add_post(blog["index"]["en"], slug="long", body=[("rich_text", f"<p>{words}</p>")])
    short = blog["posts"][0]

    assert post.reading_minutes == 6
    assert short.reading_minutes == 1
    assert "6 min read" in client.get(post.url).content.decode()
    assert "1 min read" in client.get(short.url).content.decode()
    # Translated with the plural forms of each language.
    assert "1 min de lectura" in client.get(blog["newest"]["es"].url).content.decode()
    assert "مدة القراءة: 1 دقيقة" in client.get(blog["newest"]["ar"].url).content.decode()


def test_blog_posting_json_ld(client, blog):
    post = blog["newest"]["en"]

    objects = json_ld_objects(client.get(post.url).content)

    posting = next(obj for obj in objects if obj["@type"] == "BlogPosting")
    assert posting["headline"] == "Our new SMT line"
    assert posting["author"] == {"@type": "Person", "name": "Mei Chen"}
    assert posting["datePublished"] == "2026-05-10"
    assert posting["dateModified"].startswith(str(post.last_published_at.date()))
    assert posting["url"] == "http://localhost/en/blog/new-smt-line/"
    assert posting["inLanguage"] == "en"
    assert posting["keywords"] == "factory"
    assert [obj["@type"] for obj in objects].count("BlogPosting") == 1
    assert "Article" not in [obj["@type"] for obj in objects]
    breadcrumbs = next(obj for obj in objects if obj["@type"] == "BreadcrumbList")
    assert [item["name"] for item in breadcrumbs["itemListElement"]][-1] == "Our new SMT line"


def test_spanish_blog_posting_is_in_spanish(client, blog):
    objects = json_ld_objects(client.get(blog["newest"]["es"].url).content)

    posting = next(obj for obj in objects if obj["@type"] == "BlogPosting")
    assert posting["inLanguage"] == "es"
    assert posting["headline"] == "Nuestra nueva línea SMT"


@pytest.fixture
def product(site_tree):
    index = ProductIndexPageFactory(parent=site_tree["home"]["en"], slug="products")
    category = ProductCategoryPageFactory(parent=index, slug="panels")
    return ProductPageFactory(parent=category, title="LED panel 600x600", sku="LM-P-6060")


def test_quote_table_video_and_product_callout_blocks_render(client, blog, product):
    url = "https://www.youtube.com/watch?v=abc123"
    # A cached embed: rendering never asks YouTube.
    Embed.objects.create(
        url=url,
        max_width=960,
        hash=get_embed_hash(url, 960, None),
        type="video",
        html='<iframe title="Factory tour" src="https://www.youtube.com/embed/abc123"></iframe>',
    )
    post = add_post(
        blog["index"]["en"],
        slug="blocks",
        body=[
            ("quote", {"quote": "Lead times halved.", "attribution": "A distributor"}),
            (
                "table",
                {
                    "data": [["Power", "Lumens"], ["100 W", "15,000 lm"]],
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "table_caption": "High bay output",
                },
            ),
            ("video", {"video": url, "caption": "Factory tour"}),
            ("product_callout", {"product": product, "text": "Our best seller."}),
        ],
    )

    html = client.get(post.url).content.decode()

    assert "<blockquote><p>Lead times halved.</p></blockquote>" in html
    assert "— A distributor" in html
    assert "<caption>High bay output</caption>" in html
    assert '<th scope="col"' in html and "15,000 lm" in html
    assert 'src="https://www.youtube.com/embed/abc123"' in html
    assert f'href="{url}"' in html
    callout = html.split('class="product-callout"')[1].split("</aside>")[0]
    assert f'href="{product.url}"' in callout
    assert "LM-P-6060" in callout and "Our best seller." in callout


def test_table_cells_are_offered_to_translators(product):
    from blog.blocks import TableBlock

    block = TableBlock()
    value = {"data": [["Power", None], ["100 W", "15,000 lm"]], "table_caption": "Output"}

    segments = block.get_translatable_segments(value)
    assert [(s.path, s.render_text()) for s in segments] == [
        ("caption", "Output"),
        ("r0c0", "Power"),
        ("r1c0", "100 W"),
        ("r1c1", "15,000 lm"),
    ]
    translated = block.restore_translated_segments(
        value,
        [
            type(s)(
                s.path,
                {"Power": "Potencia", "Output": "Flujo"}.get(s.render_text(), s.render_text()),
            )
            for s in segments
        ],
    )
    assert translated["table_caption"] == "Flujo"
    assert translated["data"] == [["Potencia", None], ["100 W", "15,000 lm"]]


def test_related_products_are_shown(client, blog, product):
    post = blog["posts"][0]
    post.related_products = [product]
    post.save_revision().publish()

    html = client.get(post.url).content.decode()

    assert [a["href"] for a in links(html, **{"class": "product-card__link"})] == [product.url]


def test_tags_link_to_the_filtered_index(client, blog):
    html = client.get(blog["posts"][0].url).content.decode()

    assert 'href="/en/blog/?tag=warehouse"' in html
    assert 'href="/en/blog/?tag=high-bay"' in html


def test_latest_posts_on_the_home_page(client, blog):
    html = client.get("/en/").content.decode()

    section = html.split('aria-labelledby="latest-posts-heading"')[1].split("</section>")[0]
    hrefs = [a["href"] for a in links(section) if "/blog/" in a["href"]]
    assert hrefs == [
        "/en/blog/new-smt-line/",
        "/en/blog/shipping-by-sea/",
        "/en/blog/choosing-high-bays/",
        "/en/blog/",
    ]
    spanish = client.get("/es/").content.decode()
    assert blog["newest"]["es"].url in spanish
    assert "/en/blog/" not in spanish


def test_home_page_without_a_blog_has_no_latest_posts(client, site_tree):
    assert "latest-posts" not in client.get("/en/").content.decode()


def test_editors_can_open_the_blog_forms(admin_client, blog):
    index, post = blog["index"]["en"], blog["posts"][0]

    assert admin_client.get(f"/admin/pages/add/blog/blogpage/{index.pk}/").status_code == 200
    assert admin_client.get(f"/admin/pages/{post.pk}/edit/").status_code == 200
    assert admin_client.get(f"/admin/pages/{index.pk}/edit/").status_code == 200
