"""Buyer reviews: pages under the supplier's reviews page, published only after moderation.

A buyer's review is an unpublished ReviewPage in Wagtail's moderation workflow;
a moderator approving it publishes it. Reviews sent through an invitation from a
lead are marked "Verified buyer" and linked to that lead.
"""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Avg, Count, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.models import BasePage

RATING_CHOICES = [(n, str(n)) for n in range(1, 6)]


def review_setting(name: str, default):
    return getattr(settings, name, default)


def one_per_review(reviews, locale):
    """Each review once: in `locale` if it was translated into it, else as it was written.

    The original is the first page of the translation group (translations are
    copies made later).
    """
    live = ReviewPage.objects.live()
    translated = live.filter(locale=locale).values("translation_key")
    original = live.filter(translation_key=OuterRef("translation_key")).order_by("pk").values("pk")
    return reviews.filter(
        Q(locale=locale) | (~Q(translation_key__in=translated) & Q(pk=Subquery(original[:1])))
    )


class ReviewIndexPage(RoutablePageMixin, BasePage):
    """The supplier's reviews: every approved review, their average, and the review form."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    form_intro = RichTextField(
        _("review form introduction"), blank=True, features=["bold", "italic", "link"]
    )
    thank_you_text = RichTextField(
        _("thank-you text"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown after a buyer sends a review, while it waits for moderation."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("form_intro"),
        FieldPanel("thank_you_text"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["reviews.ReviewPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("review index page")

    def approved_reviews(self, reviews=None):
        """Approved reviews under this page in every language, each review once."""
        reviews = reviews if reviews is not None else ReviewPage.objects.live()
        paths = Q()
        for translation in self.get_translations(inclusive=True).only("path", "depth"):
            paths |= Q(path__startswith=translation.path, depth=translation.depth + 1)
        return one_per_review(reviews.filter(paths), self.locale)

    @path("")
    def index(self, request):
        from .views import index_view

        return index_view(request, self)

    @path("write/")
    def write(self, request):
        from .views import write_view

        return write_view(request, self)

    @path("thanks/")
    def thanks(self, request):
        from .views import thanks_view

        return thanks_view(request, self)


class ReviewPage(BasePage):
    """One buyer's review. Created unpublished by the public form; live once approved."""

    rating = models.PositiveSmallIntegerField(
        _("rating"),
        choices=RATING_CHOICES,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    text = models.TextField(_("review"), max_length=4000)
    reviewer_name = models.CharField(_("reviewer name"), max_length=120)
    company = models.CharField(_("company"), max_length=160, blank=True)
    country = CountryField(_("country"), blank=True)
    product = models.ForeignKey(
        "products.ProductPage",
        verbose_name=_("product reviewed"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reviews",
        help_text=_("Leave empty for a review of the supplier itself."),
    )
    purchase_date = models.DateField(_("date of purchase"), null=True, blank=True)
    supplier_reply = models.TextField(
        _("supplier reply"),
        max_length=4000,
        blank=True,
        help_text=_("Shown publicly under the review."),
    )
    supplier_reply_date = models.DateField(_("reply date"), null=True, blank=True)
    # Set only by an invitation sent from a lead: staff can't tick it by hand.
    verified_buyer = models.BooleanField(_("verified buyer"), default=False, editable=False)
    lead = models.ForeignKey(
        "enquiries.Lead",
        verbose_name=_("lead"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reviews",
        editable=False,
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True, editable=False)

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("rating"), FieldPanel("purchase_date")]),
        FieldPanel("text"),
        MultiFieldPanel(
            [
                FieldPanel("reviewer_name"),
                FieldPanel("company"),
                FieldPanel("country"),
            ],
            heading=_("Reviewer"),
        ),
        FieldPanel("product"),
        InlinePanel("photos", label=_("Photo"), heading=_("Photos"), max_num=3),
        MultiFieldPanel(
            [FieldPanel("supplier_reply"), FieldPanel("supplier_reply_date")],
            heading=_("Supplier reply"),
        ),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("text")]
    # Translators translate the title, the review and the reply; names stay as written.
    override_translatable_fields = [
        SynchronizedField("reviewer_name"),
        SynchronizedField("company"),
    ]
    seo_description_sources = ["search_description", "text"]
    parent_page_types = ["reviews.ReviewIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")

    @property
    def language_code(self) -> str:
        return self.locale.language_code

    @property
    def language_name(self) -> str:
        return get_language_info(self.language_code)["name_translated"]

    @property
    def text_direction(self) -> str:
        return "rtl" if get_language_info(self.language_code)["bidi"] else "ltr"

    def clean(self):
        super().clean()
        if self.supplier_reply and not self.supplier_reply_date:
            self.supplier_reply_date = timezone.localdate()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["review"] = self
        return context

    @classmethod
    def for_display(cls):
        """Approved reviews with what a review card needs, in a constant number of queries."""
        return (
            cls.objects.live()
            .select_related("locale", "product")
            .prefetch_related(
                models.Prefetch(
                    "photos",
                    queryset=ReviewPhoto.objects.order_by("sort_order").select_related("image"),
                ),
                "photos__image__renditions",
            )
            .order_by("-first_published_at", "-pk")
        )

    @classmethod
    def summary(cls, queryset) -> dict:
        """Average rating and count of (approved) reviews, in one query."""
        data = queryset.aggregate(average=Avg("rating"), count=Count("pk"))
        average = data["average"]
        return {"average": round(float(average), 1) if average else None, "count": data["count"]}


class ReviewPhoto(TranslatableMixin, Orderable):
    page = ParentalKey(ReviewPage, related_name="photos", on_delete=models.CASCADE)
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image"), on_delete=models.CASCADE, related_name="+"
    )
    alt_text = models.CharField(
        _("alternative text"),
        max_length=255,
        help_text=_("What the picture shows, for people who cannot see it."),
    )

    panels = [FieldPanel("image"), FieldPanel("alt_text")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("review photo")
        verbose_name_plural = _("review photos")


class ReviewSubmission(models.Model):
    """Who sent a review from the public form, for the rate limit and double submits.

    Kept apart from the page so the buyer's IP address never lands in page revisions
    or translations.
    """

    review = models.ForeignKey(
        ReviewPage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    form_token = models.UUIDField(unique=True, null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("review submission")
        verbose_name_plural = _("review submissions")

    def __str__(self):
        return f"{self.ip_address or '?'} {self.created_at:%Y-%m-%d %H:%M}"


def new_nonce() -> str:
    return secrets.token_urlsafe(16)


class ReviewInvitation(models.Model):
    """A single-use link sent to a lead's buyer; reviews sent through it are verified."""

    lead = models.ForeignKey(
        "enquiries.Lead",
        verbose_name=_("lead"),
        on_delete=models.CASCADE,
        related_name="review_invitations",
    )
    nonce = models.CharField(max_length=32, unique=True, default=new_nonce, editable=False)
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    used_at = models.DateTimeField(_("used"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    review = models.ForeignKey(
        ReviewPage,
        verbose_name=_("review"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("review invitation")
        verbose_name_plural = _("review invitations")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.lead} ({self.created_at:%Y-%m-%d})"
