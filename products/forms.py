from wagtail.admin.forms import WagtailAdminPageForm


class ProductPageForm(WagtailAdminPageForm):
    """Offer certifications and related products from the product's own language only."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = self.instance.locale_id or (
            self.parent_page.locale_id if self.parent_page else None
        )
        if locale_id is None:
            return
        for name in ("certifications", "related_products"):
            if name in self.fields:
                queryset = self.fields[name].queryset.filter(locale_id=locale_id)
                if self.instance.pk:
                    queryset = queryset.exclude(pk=self.instance.pk)
                self.fields[name].queryset = queryset.order_by("title")
