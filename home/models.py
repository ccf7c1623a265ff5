import re
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtailseo.models import SeoMixin, SeoOrgFields

from .blocks import HomeStreamBlock

TIME_ZONE_CHOICES = [(name, name) for name in sorted(zoneinfo.available_timezones())]

SOCIAL_PLATFORMS = [
    ("linkedin", "LinkedIn"),
    ("facebook", "Facebook"),
    ("instagram", "Instagram"),
    ("youtube", "YouTube"),
    ("x", "X (Twitter)"),
    ("wechat", "WeChat"),
    ("alibaba", "Alibaba"),
    ("other", pgettext_lazy("social platform", "Other")),
]


class SocialLinkBlock(blocks.StructBlock):
    platform = blocks.ChoiceBlock(choices=SOCIAL_PLATFORMS, label=_("Platform"))
    url = blocks.URLBlock(label=_("URL"))

    class Meta:
        icon = "link"
        label = _("Social link")
        template = "components/social_link.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["platform_label"] = dict(SOCIAL_PLATFORMS).get(value["platform"], value["platform"])
        return context


class BasePage(SeoMixin, Page):
    """Every public page type: wagtail-seo metadata plus our organisation data."""

    promote_panels = SeoMixin.seo_panels

    class Meta:
        abstract = True

    def get_site(self):
        # wagtail-seo asks for the site a dozen times per render (titles, Open
        # Graph, Twitter, JSON-LD); without a request each ask is a query.
        if not hasattr(self, "_site_cache"):
            self._site_cache = super().get_site()
        return self._site_cache

    @cached_property
    def seo_image_url(self) -> str:
        return super().seo_image_url

    @cached_property
    def seo_canonical_url(self) -> str:
        return super().seo_canonical_url

    @cached_property
    def seo_org_fields(self) -> "CompanySettings":
        # Organisation data is edited once, in Settings > Company, and feeds both
        # the header/footer and the Organization JSON-LD.
        return CompanySettings.for_site(self.get_site())

    @property
    def seo_struct_org_dict(self) -> dict:
        data = super().seo_struct_org_dict
        company = self.seo_org_fields
        site = self.get_site()
        data["@type"] = company.struct_org_type or "Organization"
        if site:
            data["url"] = site.root_url + "/"
        if company.email:
            data["email"] = company.email
        same_as = [link.value["url"] for link in company.social_links]
        if same_as:
            data["sameAs"] = same_as
        if company.struct_org_phone or company.email:
            contact = {"@type": "ContactPoint", "contactType": "sales"}
            if company.struct_org_phone:
                contact["telephone"] = company.struct_org_phone
            if company.email:
                contact["email"] = company.email
            data["contactPoint"] = [contact]
        return data


class HomePage(BasePage):
    hero_heading = models.CharField(_("hero heading"), max_length=120)
    hero_text = models.TextField(_("hero text"), max_length=400, blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_cta_label = models.CharField(_("call-to-action label"), max_length=60, blank=True)
    hero_cta_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("call-to-action page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_cta_url = models.URLField(_("call-to-action URL"), blank=True)
    body = StreamField(HomeStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("hero_heading"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                FieldPanel("hero_cta_label"),
                FieldPanel("hero_cta_page"),
                FieldPanel("hero_cta_url"),
            ],
            heading=_("Hero"),
        ),
        FieldPanel("body"),
    ]

    seo_image_sources = ["og_image", "hero_image"]
    seo_description_sources = ["search_description", "hero_text"]
    max_count_per_parent = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "products.ProductIndexPage",
        "products.CertificationIndexPage",
        "enquiries.EnquiryPage",
        "blog.BlogIndexPage",
        "faq.FAQIndexPage",
        "reviews.ReviewIndexPage",
    ]

    class Meta:
        verbose_name = _("home page")

    def __str__(self):
        return self.title

    def get_context(self, request, *args, **kwargs):
        from products.catalog import home_sections

        context = super().get_context(request, *args, **kwargs)
        context.update(home_sections(self, request))
        return context

    @property
    def hero_cta_href(self) -> str:
        if self.hero_cta_page_id:
            return self.hero_cta_page.localized.url
        return self.hero_cta_url

    def clean(self):
        super().clean()
        if self.hero_cta_label and not (self.hero_cta_page_id or self.hero_cta_url):
            raise ValidationError(
                {"hero_cta_page": _("A call-to-action label needs a page or a URL to link to.")}
            )


@register_setting(icon="site")
class CompanySettings(SeoOrgFields, BaseSiteSetting):
    """Who the exporter is: shown in the header and footer, and used for SEO."""

    address = models.TextField(
        _("postal address"),
        blank=True,
        help_text=_("As it should appear in the footer, one line per row."),
    )
    email = models.EmailField(_("sales email"), blank=True)
    whatsapp_number = models.CharField(
        _("WhatsApp number"),
        max_length=32,
        blank=True,
        help_text=_("International format with country code, e.g. +86 138 0000 0000."),
    )
    business_hours_time_zone = models.CharField(
        _("business hours time zone"),
        max_length=64,
        choices=TIME_ZONE_CHOICES,
        default="UTC",
    )
    social_links = StreamField(
        [("link", SocialLinkBlock())], verbose_name=_("social links"), blank=True
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("struct_org_name", heading=_("Company name")),
                FieldPanel("struct_org_type"),
                FieldPanel("struct_org_logo", heading=_("Logo")),
                FieldPanel("struct_org_image"),
            ],
            heading=_("Company"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("struct_org_phone"),
                FieldPanel("email"),
                FieldPanel("whatsapp_number"),
                FieldPanel("address"),
                FieldPanel("struct_org_address_street"),
                FieldPanel("struct_org_address_locality"),
                FieldPanel("struct_org_address_region"),
                FieldPanel("struct_org_address_postal"),
                FieldPanel("struct_org_address_country"),
                FieldPanel("struct_org_geo_lat"),
                FieldPanel("struct_org_geo_lng"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [FieldPanel("struct_org_hours"), FieldPanel("business_hours_time_zone")],
            heading=_("Business hours"),
        ),
        FieldPanel("social_links"),
        MultiFieldPanel(
            [FieldPanel("struct_org_actions"), FieldPanel("struct_org_extra_json")],
            heading=_("Advanced structured data"),
            classname="collapsed",
        ),
    ]

    class Meta:
        verbose_name = _("company")

    @property
    def company_name(self) -> str:
        return self.struct_org_name or self.site.site_name or settings.WAGTAIL_SITE_NAME

    @property
    def whatsapp_url(self) -> str:
        digits = re.sub(r"[^0-9]", "", self.whatsapp_number)
        return f"https://wa.me/{digits}" if digits else ""

    def clean(self):
        super().clean()
        if self.whatsapp_number and not 8 <= len(re.sub(r"[^0-9]", "", self.whatsapp_number)) <= 15:
            raise ValidationError(
                {"whatsapp_number": _("Enter the number with its country code, 8 to 15 digits.")}
            )


class StandardPage(BasePage):
    """About us, privacy policy, terms: a plain content page with the home blocks."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    body = StreamField(HomeStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    seo_description_sources = ["search_description", "intro"]
    parent_page_types = ["home.HomePage", "home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
