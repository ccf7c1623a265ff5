"""The blog: a paginated index per language (with RSS/Atom feeds) and its posts."""

import datetime
import math
import re

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField
from wagtailseo.models import SeoType

from home.models import BasePage

from .blocks import BlogStreamBlock

WORDS_PER_MINUTE = 200
POSTS_PER_PAGE = 10

CATEGORY_CHOICES = [
    ("news", _("Company news")),
    ("guides", _("Buying guides")),
    ("technology", _("Technology")),
    ("case-studies", _("Case studies")),
    ("trade", _("Export and trade")),
]


class BlogIndexPage(RoutablePageMixin, BasePage):
    """The posts of one language, newest first, filterable by tag and category."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    seo_description_sources = ["search_description", "intro"]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["blog.BlogPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("blog index page")

    def posts(self):
        """This index's live posts (its language only), newest first."""
        return (
            BlogPage.objects.live()
            .public()
            .child_of(self)
            .filter(locale_id=self.locale_id)
            .select_related("hero_image")
            .prefetch_related("tagged_items__tag", "hero_image__renditions")
            .order_by("-date", "-first_published_at", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        posts = self.posts()
        tag = request.GET.get("tag", "").strip()[:100]
        category = request.GET.get("category", "").strip()
        if tag:
            posts = posts.filter(tags__slug=tag)
        if category in dict(CATEGORY_CHOICES):
            posts = posts.filter(category=category)
        else:
            category = ""
        page_obj = Paginator(posts, POSTS_PER_PAGE).get_page(request.GET.get("page"))
        query = "&".join(
            f"{key}={value}" for key, value in (("tag", tag), ("category", category)) if value
        )
        context.update(
            {
                "posts": page_obj,
                "selected_tag": tag,
                "selected_category": category,
                "categories": CATEGORY_CHOICES,
                "filter_query": query,
                "is_filtered": bool(tag or category),
            }
        )
        return context

    @path("feed/rss/", name="rss")
    def rss_feed(self, request):
        from .feeds import BlogRssFeed

        return BlogRssFeed(self)(request)

    @path("feed/atom/", name="atom")
    def atom_feed(self, request):
        from .feeds import BlogAtomFeed

        return BlogAtomFeed(self)(request)


class BlogPageTag(TaggedItemBase):
    """Tags are shared by every translation of a post (copied, never translated per row)."""

    content_object = ParentalKey(
        "blog.BlogPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class BlogPage(BasePage):
    date = models.DateField(_("post date"), default=datetime.date.today)
    author = models.CharField(_("author"), max_length=120)
    category = models.CharField(
        _("category"), max_length=20, choices=CATEGORY_CHOICES, default="news"
    )
    intro = models.TextField(
        _("introduction"),
        max_length=400,
        help_text=_("Shown in post listings, feeds and search results."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BlogStreamBlock(), verbose_name=_("body"))
    tags = ClusterTaggableManager(through=BlogPageTag, verbose_name=_("tags"), blank=True)
    related_products = ParentalManyToManyField(
        "products.ProductPage",
        verbose_name=_("related products"),
        blank=True,
        related_name="blog_posts",
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("date"), FieldPanel("author"), FieldPanel("category")]),
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("tags"), FieldPanel("related_products")], heading=_("Links")),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    override_translatable_fields = [
        SynchronizedField("author"),
        SynchronizedField("category"),
    ]
    seo_content_type = SeoType.ARTICLE
    seo_image_sources = ["og_image", "hero_image"]
    seo_description_sources = ["search_description", "intro"]
    parent_page_types = ["blog.BlogIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("blog post")

    # -- body helpers -----------------------------------------------------------

    @cached_property
    def body_with_anchors(self) -> list[tuple]:
        """Each body block with the anchor of its heading (None for other blocks)."""
        used: set[str] = set()
        result = []
        for block in self.body:
            anchor = None
            if block.block_type == "heading":
                base = slugify(block.value["text"], allow_unicode=True)[:60] or "section"
                anchor, n = base, 2
                while anchor in used:
                    anchor, n = f"{base}-{n}", n + 1
                used.add(anchor)
            result.append((block, anchor))
        return result

    @property
    def table_of_contents(self) -> list[dict]:
        return [
            {"anchor": anchor, "text": block.value["text"], "level": block.value["level"]}
            for block, anchor in self.body_with_anchors
            if anchor
        ]

    def body_text(self) -> str:
        """The readable words of the body, for the reading time."""
        parts = [self.intro]
        for block in self.body:
            value = block.value
            if block.block_type == "rich_text":
                parts.append(strip_tags(value.source))
            elif block.block_type == "heading":
                parts.append(value["text"])
            elif block.block_type == "quote":
                parts.append(value["quote"])
            elif block.block_type == "table":
                parts.extend(str(cell) for row in value.get("data") or [] for cell in row if cell)
            elif block.block_type in {"image", "video"}:
                parts.append(value.get("caption") or "")
            elif block.block_type == "product_callout":
                parts.append(value.get("text") or "")
        return " ".join(parts)

    @cached_property
    def reading_minutes(self) -> int:
        text = self.body_text()
        # Chinese and Japanese have no spaces: count their characters as half a word.
        cjk = len(re.findall(r"[\u3040-\u30ff\u3400-\u9fff]", text))
        words = len(re.findall(r"[^\W\u3040-\u30ff\u3400-\u9fff]+", text)) + cjk / 2
        return max(1, math.ceil(words / WORDS_PER_MINUTE))

    @property
    def reading_time(self) -> str:
        minutes = self.reading_minutes
        return ngettext("%(minutes)d min read", "%(minutes)d min read", minutes) % {
            "minutes": minutes
        }

    @property
    def category_label(self) -> str:
        return dict(CATEGORY_CHOICES).get(self.category, self.category)

    def localized_related_products(self) -> list:
        """Related products in this post's language (translations copy the links as-is)."""
        from products.models import ProductGalleryImage, ProductPage

        keys = self.related_products.values("translation_key")
        return list(
            ProductPage.objects.live()
            .filter(locale_id=self.locale_id, translation_key__in=keys)
            .prefetch_related(
                Prefetch(
                    "gallery_images",
                    queryset=ProductGalleryImage.objects.order_by("sort_order").select_related(
                        "image"
                    ),
                ),
                "gallery_images__image__renditions",
            )
            .order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related"] = self.localized_related_products()
        context["blog_index"] = self.get_parent().specific
        return context

    # -- SEO -------------------------------------------------------------------

    @property
    def seo_author(self) -> str:
        return self.author

    @property
    def seo_published_at(self) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(self.date, datetime.time(9)))

    @property
    def seo_struct_article_dict(self) -> dict:
        data = super().seo_struct_article_dict
        data["@context"] = "https://schema.org"
        data["@type"] = "BlogPosting"
        data["datePublished"] = self.date.isoformat()
        modified = self.last_published_at or self.latest_revision_created_at
        data["dateModified"] = modified.isoformat() if modified else self.date.isoformat()
        data["url"] = self.seo_canonical_url
        data["inLanguage"] = self.locale.language_code
        data["articleSection"] = str(self.category_label)
        data["wordCount"] = len(self.body_text().split())
        keywords = [tag.name for tag in self.tags.all()]
        if keywords:
            data["keywords"] = ", ".join(keywords)
        return data
