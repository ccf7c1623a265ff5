"""FAQ: an index of topics, one page per topic with its ordered questions."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.models import BasePage

ANCHOR_MAX_LENGTH = 80


def anchor_for(question: str) -> str:
    return slugify(question, allow_unicode=True)[:ANCHOR_MAX_LENGTH].strip("-") or "question"


class FAQIndexPage(BasePage):
    """Every topic with its questions, and a filter box."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    seo_description_sources = ["search_description", "intro"]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["faq.FAQPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("FAQ index page")

    def topics(self):
        return (
            FAQPage.objects.live()
            .public()
            .child_of(self)
            .order_by("path")
            .prefetch_related(
                Prefetch("items", queryset=FAQItem.objects.order_by("sort_order", "pk"))
            )
        )

    def get_context(self, request, *args, **kwargs):
        from enquiries.views import enquiry_page_for

        context = super().get_context(request, *args, **kwargs)
        context["topics"] = list(self.topics())
        context["enquiry_page"] = enquiry_page_for(self.locale)
        return context


class FAQPage(BasePage):
    """One topic (ordering, samples, payment...) and its questions, in order."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        InlinePanel("items", label=_("Question"), heading=_("Questions"), min_num=1),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.RelatedFields(
            "items", [index.SearchField("question", boost=2), index.SearchField("answer")]
        ),
    ]
    seo_description_sources = ["search_description", "intro"]
    parent_page_types = ["faq.FAQIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("FAQ page")

    def fill_anchors(self) -> None:
        """Give every question without an anchor one made from its text, unique on the page."""
        items = list(self.items.all())
        used = {item.anchor for item in items if item.anchor}
        for item in items:
            if item.anchor:
                continue
            base = anchor_for(item.question)
            anchor, n = base, 2
            while anchor in used:
                anchor, n = f"{base}-{n}", n + 1
            item.anchor = anchor
            used.add(anchor)

    def full_clean(self, *args, **kwargs):
        self.fill_anchors()
        super().full_clean(*args, **kwargs)

    def clean(self):
        super().clean()
        anchors = [item.anchor for item in self.items.all() if item.anchor]
        duplicates = sorted({a for a in anchors if anchors.count(a) > 1})
        if duplicates:
            raise ValidationError(
                _("Two questions share the anchor “%(anchor)s”: anchors must be unique.")
                % {"anchor": duplicates[0]}
            )

    def save(self, *args, **kwargs):
        self.fill_anchors()
        return super().save(*args, **kwargs)

    def ordered_items(self) -> list:
        return sorted(self.items.all(), key=lambda item: (item.sort_order or 0, item.pk or 0))

    def get_context(self, request, *args, **kwargs):
        from enquiries.views import enquiry_page_for

        context = super().get_context(request, *args, **kwargs)
        context["items"] = self.ordered_items()
        context["faq_index"] = self.get_parent().specific
        context["enquiry_page"] = enquiry_page_for(self.locale)
        return context


class FAQItem(TranslatableMixin, Orderable, ClusterableModel):
    page = ParentalKey(FAQPage, related_name="items", on_delete=models.CASCADE)
    question = models.CharField(_("question"), max_length=255)
    answer = RichTextField(
        _("answer"), features=["bold", "italic", "link", "ol", "ul", "document-link"]
    )
    anchor = models.SlugField(
        _("anchor"),
        max_length=ANCHOR_MAX_LENGTH,
        blank=True,
        allow_unicode=True,
        help_text=_(
            "The #link to this question. Filled in from the question when left empty; "
            "keep it unchanged once published so links keep working."
        ),
    )
    products = ParentalManyToManyField(
        "products.ProductPage",
        verbose_name=_("show on these products"),
        related_name="faq_items",
        blank=True,
    )

    panels = [
        FieldPanel("question"),
        FieldPanel("answer"),
        FieldPanel("anchor"),
        FieldPanel("products"),
    ]
    # The same #anchor in every language: links survive a language switch.
    override_translatable_fields = [SynchronizedField("anchor")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return self.question

    def save(self, *args, **kwargs):
        if not self.anchor:
            self.anchor = anchor_for(self.question)
        super().save(*args, **kwargs)
