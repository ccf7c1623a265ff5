"""StreamField blocks of a blog post. Each renders through its own template."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock as BaseTableBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail_localize.segments import StringSegmentValue

from home.blocks import ImageWithCaptionBlock, RichTextBlock


class HeadingBlock(blocks.StructBlock):
    """A section heading; every heading gets an anchor and a line in the table of contents."""

    text = blocks.CharBlock(label=_("Text"), max_length=140)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section (H2)")), ("h3", _("Subsection (H3)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blog/blocks/heading_block.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"), max_length=600)
    attribution = blocks.CharBlock(label=_("Attribution"), max_length=120, required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blog/blocks/quote_block.html"


class TableBlock(BaseTableBlock):
    """wagtail.contrib.table_block with cells and caption offered to translators."""

    class Meta:
        icon = "table"
        label = _("Table")
        template = "blog/blocks/table_block.html"

    def get_translatable_segments(self, value):
        if not value:
            return []
        segments = []
        if value.get("table_caption"):
            segments.append(StringSegmentValue("caption", value["table_caption"]))
        for row_index, row in enumerate(value.get("data") or []):
            for col_index, cell in enumerate(row):
                if cell and str(cell).strip():
                    segments.append(StringSegmentValue(f"r{row_index}c{col_index}", str(cell)))
        return segments

    def restore_translated_segments(self, value, segments):
        value = dict(value)
        data = [list(row) for row in value.get("data") or []]
        for segment in segments:
            text = segment.render_text()
            if segment.path == "caption":
                value["table_caption"] = text
                continue
            row_index, col_index = (int(n) for n in segment.path[1:].split("c"))
            data[row_index][col_index] = text
        value["data"] = data
        return value


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("Video URL"), help_text=_("A YouTube or Vimeo link."), max_width=960)
    caption = blocks.CharBlock(label=_("Caption"), max_length=255, required=False)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blog/blocks/video_block.html"


class ProductCalloutStructValue(blocks.StructValue):
    def localized_product(self):
        """The product in the reader's language when translated, else as chosen."""
        product = self.get("product")
        if product is None:
            return None
        product = product.specific.localized
        return product if product.live else None


class ProductCalloutBlock(blocks.StructBlock):
    product = blocks.PageChooserBlock(label=_("Product"), page_type="products.ProductPage")
    text = blocks.TextBlock(
        label=_("Text"),
        max_length=300,
        required=False,
        help_text=_("Why this product matters here. Defaults to its summary."),
    )

    class Meta:
        icon = "pick"
        label = _("Product callout")
        template = "blog/blocks/product_callout_block.html"
        value_class = ProductCalloutStructValue


class BlogStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    rich_text = RichTextBlock()
    image = ImageWithCaptionBlock()
    quote = QuoteBlock()
    table = TableBlock()
    video = VideoBlock()
    product_callout = ProductCalloutBlock()
