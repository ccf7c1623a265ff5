from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from home.models import BasePage


class EnquiryPage(RoutablePageMixin, BasePage):
    """The enquiry form (RFQ and quote basket), the sample order form and their thank-you pages.

    Editors control the texts; the forms and the lead they create are code. One per
    language tree, under the home page.
    """

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    sample_intro = RichTextField(
        _("sample order introduction"), blank=True, features=["bold", "italic", "link"]
    )
    thank_you_text = RichTextField(
        _("thank-you text"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown after an enquiry is sent, above the buyer's reference number."),
    )
    payment_thank_you_text = RichTextField(
        _("deposit paid text"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown when the buyer comes back from paying the sample deposit."),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from the consent checkbox."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("sample_intro"),
        FieldPanel("thank_you_text"),
        FieldPanel("payment_thank_you_text"),
        FieldPanel("privacy_page"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("enquiry page")

    @path("")
    def enquiry(self, request):
        from ..views import enquiry_view

        return enquiry_view(request, self)

    @path("samples/")
    def sample_order(self, request):
        from ..views import sample_order_view

        return sample_order_view(request, self)

    @path("thanks/")
    def thanks(self, request):
        from ..views import thanks_view

        return thanks_view(request, self)

    @path("deposit/return/")
    def deposit_return(self, request):
        from ..views import deposit_return_view

        return deposit_return_view(request, self)
