"""The public review form: every field length-limited, photos checked by their content."""

import datetime
import uuid

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_recaptcha.widgets import ReCaptchaV3
from PIL import Image as PILImage

from enquiries.forms import ScoredReCaptchaField, country_choices
from home.forms import MultiLineTextField, MultipleFileField, SingleLineField
from home.http import parse_id
from products.models import ProductPage

from .models import RATING_CHOICES, review_setting

MAX_PHOTOS = 3
PHOTO_MAX_BYTES = 5 * 1024 * 1024
PHOTO_MAX_PIXELS = 40_000_000
# Extension -> the format Pillow must find in the file.
PHOTO_FORMATS = {"jpg": "JPEG", "jpeg": "JPEG", "png": "PNG", "webp": "WEBP"}


def photo_max_bytes() -> int:
    return review_setting("REVIEWS_PHOTO_MAX_BYTES", PHOTO_MAX_BYTES)


def validate_photo(upload) -> None:
    """JPEG, PNG or WebP, at most 5 MB, and really a picture of that type (read by Pillow)."""
    name = upload.name or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in PHOTO_FORMATS:
        raise ValidationError(
            _("“%(name)s” is not a JPEG, PNG or WebP picture."),
            code="photo_type",
            params={"name": name},
        )
    limit = photo_max_bytes()
    if upload.size > limit:
        raise ValidationError(
            _("“%(name)s” is larger than %(limit)s MB."),
            code="photo_size",
            params={"name": name, "limit": limit // (1024 * 1024)},
        )
    try:
        upload.seek(0)
        with PILImage.open(upload) as picture:
            found = picture.format
            width, height = picture.size
            picture.verify()
    except (OSError, SyntaxError, ValueError, PILImage.DecompressionBombError):
        found, width, height = None, 0, 0
    finally:
        upload.seek(0)
    if found != PHOTO_FORMATS[extension] or width * height > PHOTO_MAX_PIXELS:
        raise ValidationError(
            _("“%(name)s” is not a valid %(type)s picture. Send the original photo."),
            code="photo_content",
            params={"name": name, "type": PHOTO_FORMATS[extension].replace("WEBP", "WebP")},
        )


class PhotosField(MultipleFileField):
    max_files = MAX_PHOTOS
    too_many_message = _("Add at most %(count)s photos.")
    too_many_code = "photo_count"
    input_attrs = {"accept": "image/jpeg,image/png,image/webp"}

    def validate_file(self, upload) -> None:
        validate_photo(upload)


class ProductChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title} ({obj.sku})"


class ReviewForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("Your rating"),
        choices=[(str(value), label) for value, label in RATING_CHOICES],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose a rating from 1 to 5 stars."),
            "invalid_choice": _("Choose a rating from 1 to 5 stars."),
        },
    )
    title = SingleLineField(label=_("Title of your review"), max_length=120)
    text = MultiLineTextField(
        label=_("Your review"),
        min_length=20,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 7}),
        help_text=_(
            "Quality, delivery, communication, after-sales: what should other buyers know?"
        ),
    )
    product = ProductChoiceField(
        label=_("Product"),
        queryset=ProductPage.objects.none(),
        required=False,
        empty_label=_("The supplier in general"),
        error_messages={"invalid_choice": _("Choose a product from the list.")},
    )
    purchase_date = forms.DateField(
        label=_("Date of purchase"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Enter the date as YYYY-MM-DD.")},
    )
    reviewer_name = SingleLineField(label=_("Your name"), max_length=120)
    company = SingleLineField(label=_("Company"), max_length=160, required=False)
    country = forms.ChoiceField(label=_("Country"), choices=country_choices)
    photos = PhotosField(
        label=_("Photos"),
        required=False,
        help_text=_("Up to 3 photos, JPEG, PNG or WebP, 5 MB each."),
    )
    consent = forms.BooleanField(
        label=_("I agree that my review, name, company and country are published on this site."),
        error_messages={"required": _("Please agree so we can publish your review.")},
    )
    # Honeypot: hidden from people by CSS, filled in by bots. Never an error.
    website = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200)
    form_token = forms.UUIDField(widget=forms.HiddenInput)
    invitation = forms.CharField(widget=forms.HiddenInput, required=False, max_length=500)

    def __init__(self, *args, locale=None, **kwargs):
        super().__init__(*args, **kwargs)
        products = ProductPage.objects.live().order_by("title")
        if locale is not None:
            # This language's products, and an untranslated one the buyer came from.
            chosen = self.data.get("product") if self.is_bound else self.initial.get("product")
            chosen = parse_id(getattr(chosen, "pk", chosen))
            extra = Q(pk=chosen) if chosen else Q(pk__in=[])
            products = products.filter(Q(locale=locale) | extra)
        self.fields["product"].queryset = products
        self.fields["form_token"].initial = uuid.uuid4()
        self.fields["website"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        self.fields["reviewer_name"].widget.attrs["autocomplete"] = "name"
        self.fields["company"].widget.attrs["autocomplete"] = "organization"
        self.fields["title"].widget.attrs["maxlength"] = 120
        if settings.RECAPTCHA_ENABLED:
            self.fields["captcha"] = ScoredReCaptchaField(
                label="", required=False, widget=ReCaptchaV3(action="review")
            )

    def clean_purchase_date(self):
        value = self.cleaned_data.get("purchase_date")
        if value and value > timezone.localdate():
            raise ValidationError(_("The date of purchase cannot be in the future."))
        if value and value < datetime.date(1990, 1, 1):
            raise ValidationError(_("Enter a date of purchase after 1990."))
        return value

    @property
    def is_bot(self) -> bool:
        if self.cleaned_data.get("website"):
            return True
        field = self.fields.get("captcha")
        # A low score drops the review quietly; no token (JavaScript off) still
        # reaches the moderators, who see every review before it is published.
        return bool(
            field is not None
            and field.score is not None
            and field.score < settings.RECAPTCHA_REQUIRED_SCORE
        )
