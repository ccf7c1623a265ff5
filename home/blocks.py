"""StreamField blocks for home and landing pages. Each renders through its own template."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock


class RichTextBlock(blocks.RichTextBlock):
    class Meta:
        icon = "pilcrow"
        label = _("Rich text")
        template = "home/blocks/rich_text_block.html"


class ImageWithCaptionBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=255,
        required=False,
        help_text=_(
            "Describe the image for people who cannot see it. Defaults to the image title."
        ),
    )
    caption = blocks.CharBlock(label=_("Caption"), max_length=255, required=False)

    class Meta:
        icon = "image"
        label = _("Image with caption")
        template = "home/blocks/image_with_caption_block.html"


class ValuePropositionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=80)
    text = blocks.TextBlock(label=_("Text"), max_length=300)

    class Meta:
        icon = "tick-inverse"
        label = _("Value proposition")
        template = "home/blocks/value_proposition_block.html"


class ValuePropositionsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120, required=False)
    items = blocks.ListBlock(ValuePropositionBlock(), label=_("Items"), min_num=1, max_num=8)

    class Meta:
        icon = "list-ul"
        label = _("Value propositions")
        template = "home/blocks/value_propositions_block.html"


class LinkStructValue(blocks.StructValue):
    def url(self) -> str:
        page = self.get("page")
        if page:
            return page.localized.url
        return self.get("external_url") or ""


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), max_length=400, required=False)
    button_label = blocks.CharBlock(label=_("Button label"), max_length=60)
    page = blocks.PageChooserBlock(label=_("Link to page"), required=False)
    external_url = blocks.URLBlock(label=_("Or link to URL"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("external_url"):
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(_("Choose a page or enter a URL."))}
            )
        return value

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "home/blocks/call_to_action_block.html"
        value_class = LinkStructValue


class HomeStreamBlock(blocks.StreamBlock):
    rich_text = RichTextBlock()
    image = ImageWithCaptionBlock()
    value_propositions = ValuePropositionsBlock()
    call_to_action = CallToActionBlock()
