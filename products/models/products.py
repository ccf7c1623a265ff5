from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.models import BasePage

from ..blocks import DatasheetBlock
from ..forms import ProductPageForm
from .fields import CURRENCY_CHOICES, INCOTERM_CHOICES, MultipleChoiceJSONField


class ProductIndexPage(BasePage):
    """The catalog root: its categories and the featured products."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["products.ProductCategoryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("product index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["categories"] = (
            ProductCategoryPage.objects.child_of(self)
            .live()
            .select_related("image")
            .order_by("path")
        )
        context["featured_products"] = ProductPage.featured_in(self, request)
        return context


class ProductCategoryPage(BasePage):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link", "ul"])
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    leads_email = models.EmailField(
        _("sales email for this category"),
        blank=True,
        help_text=_(
            "New enquiries about products in this category go to this address instead of "
            "the company email. Subcategories inherit it."
        ),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("image")]
    settings_panels = [*BasePage.settings_panels, FieldPanel("leads_email")]
    seo_image_sources = ["og_image", "image"]
    parent_page_types = ["products.ProductIndexPage", "products.ProductCategoryPage"]
    subpage_types = ["products.ProductCategoryPage", "products.ProductPage"]

    class Meta:
        verbose_name = _("product category page")

    def get_context(self, request, *args, **kwargs):
        from products.catalog import category_listing

        context = super().get_context(request, *args, **kwargs)
        context.update(category_listing(self, request))
        return context


class ProductPage(BasePage):
    PRICE_ON_REQUEST = "on_request"
    PRICE_RANGE = "range"

    sku = models.CharField(
        _("model / SKU"),
        max_length=64,
        db_index=True,
        help_text=_("Unique within each language tree; the same in every translation."),
    )
    summary = models.TextField(_("summary"), max_length=400)
    description = RichTextField(_("description"), blank=True)
    featured = models.BooleanField(
        _("featured"), default=False, help_text=_("Show on the home and catalog pages.")
    )

    moq = models.PositiveIntegerField(_("minimum order quantity"), null=True, blank=True)
    moq_unit = models.CharField(_("MOQ unit"), max_length=30, blank=True, default="pieces")
    lead_time_min_days = models.PositiveSmallIntegerField(
        _("lead time from (days)"), null=True, blank=True
    )
    lead_time_max_days = models.PositiveSmallIntegerField(
        _("lead time to (days)"), null=True, blank=True
    )
    supply_capacity = models.CharField(_("supply capacity"), max_length=120, blank=True)
    packaging = models.TextField(_("packaging"), max_length=600, blank=True)
    port_of_loading = models.CharField(_("port of loading"), max_length=80, blank=True)
    incoterms = MultipleChoiceJSONField(_("incoterms offered"), choices_list=INCOTERM_CHOICES)
    hs_code = models.CharField(_("HS code"), max_length=14, blank=True)

    price_policy = models.CharField(
        _("price"),
        max_length=12,
        choices=[
            (PRICE_ON_REQUEST, _("Price on request")),
            (PRICE_RANGE, _("Indicative price range")),
        ],
        default=PRICE_ON_REQUEST,
    )
    price_min = models.DecimalField(
        _("price from"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    price_max = models.DecimalField(
        _("price to"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    price_currency = models.CharField(
        _("price currency"), max_length=3, choices=CURRENCY_CHOICES, default="USD"
    )
    price_unit = models.CharField(_("price unit"), max_length=30, blank=True, default="piece")

    samples_available = models.BooleanField(_("samples available"), default=False)
    sample_deposit = models.DecimalField(
        _("sample deposit"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    sample_currency = models.CharField(
        _("sample currency"), max_length=3, choices=CURRENCY_CHOICES, default="USD"
    )

    datasheets = StreamField(
        [("datasheet", DatasheetBlock())], verbose_name=_("datasheets"), blank=True
    )
    related_products = ParentalManyToManyField(
        "self", verbose_name=_("related products"), blank=True, symmetrical=False
    )
    certifications = ParentalManyToManyField(
        "products.CertificationPage",
        verbose_name=_("certifications"),
        blank=True,
        related_name="products",
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("sku"), FieldPanel("featured")]),
        FieldPanel("summary"),
        FieldPanel("description"),
        InlinePanel("gallery_images", label=_("Gallery"), heading=_("Gallery")),
        InlinePanel("specifications", label=_("Specification"), heading=_("Specifications")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("moq"), FieldPanel("moq_unit")]),
                FieldRowPanel([FieldPanel("lead_time_min_days"), FieldPanel("lead_time_max_days")]),
                FieldPanel("supply_capacity"),
                FieldPanel("packaging"),
                FieldRowPanel([FieldPanel("port_of_loading"), FieldPanel("hs_code")]),
                FieldPanel("incoterms"),
            ],
            heading=_("Trade terms"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("price_policy"),
                FieldRowPanel(
                    [FieldPanel("price_min"), FieldPanel("price_max"), FieldPanel("price_currency")]
                ),
                FieldPanel("price_unit"),
            ],
            heading=_("Price"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("samples_available"),
                FieldRowPanel([FieldPanel("sample_deposit"), FieldPanel("sample_currency")]),
            ],
            heading=_("Samples"),
        ),
        FieldPanel("certifications", widget=forms.CheckboxSelectMultiple),
        FieldPanel("datasheets"),
        FieldPanel("related_products"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("sku", boost=10),
        index.AutocompleteField("sku"),
        index.SearchField("summary"),
        index.SearchField("description"),
    ]
    override_translatable_fields = [
        SynchronizedField("sku"),
        SynchronizedField("hs_code"),
    ]
    seo_description_sources = ["search_description", "summary"]
    base_form_class = ProductPageForm
    parent_page_types = ["products.ProductCategoryPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("product page")

    # -- queries ----------------------------------------------------------------

    @staticmethod
    def card_prefetches() -> list:
        """What a product card needs, fetched in a constant number of queries."""
        return [
            Prefetch(
                "gallery_images",
                queryset=ProductGalleryImage.objects.order_by("sort_order").select_related("image"),
            ),
            "gallery_images__image__renditions",
            "certifications",
        ]

    @classmethod
    def featured_in(cls, ancestor: Page, request=None, limit: int = 8):
        return (
            cls.objects.live()
            .descendant_of(ancestor)
            .filter(featured=True)
            .order_by("path")
            .prefetch_related(*cls.card_prefetches())[:limit]
        )

    @cached_property
    def main_image(self):
        images = list(self.gallery_images.all())
        return images[0] if images else None

    @property
    def lead_time_display(self) -> str:
        low, high = self.lead_time_min_days, self.lead_time_max_days
        if low and high and low != high:
            return f"{low}–{high}"
        return str(low or high or "")

    @property
    def shows_price(self) -> bool:
        return self.price_policy == self.PRICE_RANGE and self.price_min is not None

    @property
    def incoterm_codes(self) -> list[str]:
        return list(self.incoterms or [])

    @property
    def seo_image(self):
        # The Promote tab's choice first, as wagtail-seo does; then the main photo.
        if self.og_image:
            return self.og_image
        image = self.main_image
        return image.image if image else super().seo_image

    def clean(self):
        super().clean()
        errors = {}
        if self.sku:
            duplicate = (
                ProductPage.objects.filter(locale_id=self.locale_id, sku__iexact=self.sku)
                .exclude(translation_key=self.translation_key)
                .exists()
            )
            if duplicate:
                errors["sku"] = _("Another product in this language already uses this SKU.")
        if (
            self.lead_time_min_days
            and self.lead_time_max_days
            and self.lead_time_max_days < self.lead_time_min_days
        ):
            errors["lead_time_max_days"] = _(
                "The longest lead time cannot be shorter than the shortest."
            )
        if self.price_policy == self.PRICE_RANGE:
            if self.price_min is None:
                errors["price_min"] = _(
                    "Enter the lowest indicative price, or choose price on request."
                )
            elif self.price_max is not None and self.price_max < self.price_min:
                errors["price_max"] = _("The highest price cannot be lower than the lowest.")
        if self.samples_available and not self.sample_deposit:
            errors["sample_deposit"] = _(
                "Enter the sample deposit buyers pay, or mark samples unavailable."
            )
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        from products.catalog import product_detail_context

        context = super().get_context(request, *args, **kwargs)
        context.update(product_detail_context(self, request))
        return context


class ProductGalleryImage(TranslatableMixin, Orderable):
    product = ParentalKey(ProductPage, related_name="gallery_images", on_delete=models.CASCADE)
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image"), on_delete=models.CASCADE, related_name="+"
    )
    alt_text = models.CharField(
        _("alternative text"),
        max_length=255,
        help_text=_("What the picture shows, for people who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=255, blank=True)

    panels = [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("caption")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("gallery image")


class ProductSpecification(TranslatableMixin, Orderable):
    product = ParentalKey(ProductPage, related_name="specifications", on_delete=models.CASCADE)
    attribute = models.ForeignKey(
        "products.SpecificationAttribute",
        verbose_name=_("specification"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    value = models.CharField(_("value"), max_length=120)
    unit = models.CharField(_("unit"), max_length=20, blank=True)

    panels = [FieldPanel("attribute"), FieldPanel("value"), FieldPanel("unit")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("specification")
        indexes = [models.Index(fields=["attribute", "value"])]
