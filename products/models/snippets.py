from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField


class SpecificationAttribute(TranslatableMixin, index.Indexed, models.Model):
    """A kind of specification (material, voltage...) shared by many products.

    Products store rows of (attribute, value, unit). Attributes marked filterable
    become filters on category pages; the key is stable across languages so a
    filter URL keeps working when the visitor switches language.
    """

    name = models.CharField(pgettext_lazy("specification attribute", "name"), max_length=80)
    key = models.SlugField(
        _("key"),
        max_length=50,
        help_text=_(
            "Short identifier used in filter URLs, e.g. material. The same in every language."
        ),
    )
    default_unit = models.CharField(_("default unit"), max_length=20, blank=True)
    filterable = models.BooleanField(
        _("filterable"),
        default=False,
        help_text=_("Offer this specification as a filter on category pages."),
    )
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=100)

    panels = [
        FieldPanel("name"),
        FieldPanel("key"),
        FieldPanel("default_unit"),
        FieldPanel("filterable"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.FilterField("locale")]
    override_translatable_fields = [SynchronizedField("key")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("specification attribute")
        verbose_name_plural = _("specification attributes")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["key", "locale"], name="unique_specification_key_per_locale"
            ),
        ]

    def __str__(self):
        return self.name
