from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

INCOTERM_CHOICES = [
    ("EXW", _("EXW – Ex Works")),
    ("FCA", _("FCA – Free Carrier")),
    ("FOB", _("FOB – Free On Board")),
    ("CFR", _("CFR – Cost and Freight")),
    ("CIF", _("CIF – Cost, Insurance and Freight")),
    ("DAP", _("DAP – Delivered At Place")),
    ("DDP", _("DDP – Delivered Duty Paid")),
]

CURRENCY_CHOICES = [
    ("USD", "USD"),
    ("EUR", "EUR"),
    ("GBP", "GBP"),
    ("CNY", "CNY"),
    ("JPY", "JPY"),
    ("AED", "AED"),
    ("SAR", "SAR"),
    ("RUB", "RUB"),
    ("BRL", "BRL"),
    ("MXN", "MXN"),
]


class MultipleChoiceJSONField(models.JSONField):
    """A list of choice values stored as JSON: portable across SQLite and PostgreSQL.

    Django has no portable multiple-choice model field (ArrayField is PostgreSQL
    only, and `make run` uses SQLite); the admin shows checkboxes.
    """

    def __init__(self, *args, choices_list=(), **kwargs):
        self.choices_list = list(choices_list)
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["choices_list"] = self.choices_list
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=self.choices_list,
            required=not self.blank,
            widget=forms.CheckboxSelectMultiple,
            label=self.verbose_name,
            help_text=self.help_text,
        )

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        allowed = {key for key, _label in self.choices_list}
        unknown = [item for item in value or [] if item not in allowed]
        if unknown:
            raise ValidationError(
                _("Unknown value(s): %(values)s"), params={"values": ", ".join(map(str, unknown))}
            )

    def display(self, value) -> list[str]:
        labels = dict(self.choices_list)
        return [labels.get(item, item) for item in value or []]
