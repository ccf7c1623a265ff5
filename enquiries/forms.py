"""Public enquiry and sample-order forms: every field validated, every message translated."""

import logging
import sys
import uuid
import zipfile
from decimal import Decimal

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.http import HttpRequest
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_recaptcha import client as recaptcha_client
from django_recaptcha.fields import ReCaptchaField
from django_recaptcha.widgets import ReCaptchaV3

from home.collation import collation_key
from home.forms import MultiLineTextField, MultipleFileField, SingleLineField
from home.http import client_ip
from products.models import CURRENCY_CHOICES, INCOTERM_CHOICES

logger = logging.getLogger(__name__)

MAX_ATTACHMENTS = 5

# Extension -> (content types browsers send, a check of the file's first bytes).
ATTACHMENT_TYPES = {
    "pdf": ({"application/pdf"}, lambda head, file: head.startswith(b"%PDF-")),
    "png": ({"image/png"}, lambda head, file: head.startswith(b"\x89PNG\r\n\x1a\n")),
    "jpg": ({"image/jpeg", "image/pjpeg"}, lambda head, file: head.startswith(b"\xff\xd8\xff")),
    "jpeg": ({"image/jpeg", "image/pjpeg"}, lambda head, file: head.startswith(b"\xff\xd8\xff")),
    "xlsx": (
        {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
        lambda head, file: _is_office_zip(file, "xl/"),
    ),
    "docx": (
        {"application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
        lambda head, file: _is_office_zip(file, "word/"),
    ),
}
# Some browsers and OSes send a generic type for Office files; the bytes decide then.
GENERIC_CONTENT_TYPES = {"application/octet-stream", "application/zip", ""}


def _is_office_zip(file, folder: str) -> bool:
    try:
        with zipfile.ZipFile(file) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        file.seek(0)
    return "[Content_Types].xml" in names and any(name.startswith(folder) for name in names)


def validate_attachment(upload) -> None:
    name = upload.name or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ATTACHMENT_TYPES:
        raise ValidationError(
            _("“%(name)s” is not an accepted file type. Send PDF, PNG, JPG, XLSX or DOCX files."),
            code="file_type",
            params={"name": name},
        )
    if upload.size > settings.LEADS_ATTACHMENT_MAX_BYTES:
        raise ValidationError(
            _("“%(name)s” is larger than %(limit)s MB."),
            code="file_size",
            params={"name": name, "limit": settings.LEADS_ATTACHMENT_MAX_BYTES // (1024 * 1024)},
        )
    content_types, looks_right = ATTACHMENT_TYPES[extension]
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    declared = (upload.content_type or "").split(";")[0].strip().lower()
    if (declared not in content_types and declared not in GENERIC_CONTENT_TYPES) or not looks_right(
        head, upload
    ):
        raise ValidationError(
            _("“%(name)s” does not contain what its name says. Send the original file."),
            code="file_content",
            params={"name": name},
        )


class AttachmentsField(MultipleFileField):
    max_files = MAX_ATTACHMENTS
    too_many_message = _("Attach at most %(count)s files.")

    def validate_file(self, upload) -> None:
        validate_attachment(upload)


class ScoredReCaptchaField(ReCaptchaField):
    """reCAPTCHA v3 that keeps the score instead of rejecting a low one.

    A low score is not proof of spam; the lead is kept with status "spam" for sales
    to review. An invalid token is still an error. When Google can't be asked (down,
    slow, blocked where the site is hosted), nothing is known either way: the
    submission is kept as "unverified" instead of refusing a buyer for our outage.
    """

    score: float | None = None
    token_missing = False
    unreachable = False

    def get_remote_ip(self):
        # django-recaptcha's own version trusts any X-Forwarded-For; this one
        # believes only the configured proxies.
        frame = sys._getframe()
        while frame:
            request = frame.f_locals.get("request")
            if isinstance(request, HttpRequest):
                return client_ip(request)
            frame = frame.f_back
        return None

    def validate(self, value):
        # The token comes from Google's script; without JavaScript (or with the
        # script blocked) there is none. Such a buyer must still reach us, so the
        # lead is kept for review as spam.
        if not value:
            self.token_missing = True
            return
        try:
            result = recaptcha_client.submit(
                recaptcha_response=value,
                private_key=self.private_key,
                remoteip=self.get_remote_ip(),
            )
        except (OSError, ValueError, KeyError) as error:
            # OSError: refused, timed out, TLS or HTTP errors (urllib's are
            # OSErrors). ValueError/KeyError: an answer that is not Google's JSON
            # (a captive portal, a proxy's error page).
            logger.warning("reCAPTCHA could not be verified: %r", error)
            self.unreachable = True
            return
        if not result.is_valid:
            raise ValidationError(self.error_messages["captcha_invalid"], code="captcha_invalid")
        score = result.extra_data.get("score")
        try:
            self.score = float(score) if score is not None else None
        except (TypeError, ValueError):
            self.score = None


def country_choices():
    # Without pyuca, django-countries sorts by an ASCII transliteration, which
    # leaves Arabic, Russian and Chinese names in English order.
    language = get_language() or ""
    names = sorted(countries, key=lambda country: collation_key(str(country.name), language))
    return [("", _("Choose your country")), *names]


class BuyerForm(forms.Form):
    """Who is asking: shared by the enquiry and the sample order."""

    name = SingleLineField(label=_("Your name"), max_length=120)
    company = SingleLineField(label=_("Company"), max_length=160, required=False)
    email = forms.EmailField(label=_("Email"), max_length=254)
    phone = forms.RegexField(
        label=_("Phone or WhatsApp"),
        max_length=40,
        required=False,
        regex=r"^\+?[0-9 ()./-]{6,40}$",
        error_messages={
            "invalid": _(
                "Enter a phone number with digits only, starting with + and your country code."
            )
        },
    )
    country = forms.ChoiceField(label=_("Country"), choices=country_choices)
    consent = forms.BooleanField(
        label=_("I agree that you store my details to answer this request."),
        error_messages={"required": _("Please agree so we can store your request and answer it.")},
    )
    # Honeypot: hidden from people by CSS, filled in by bots. Never an error.
    website = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200)
    form_token = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, recaptcha_action="enquiry", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["form_token"].initial = uuid.uuid4()
        self.fields["website"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["company"].widget.attrs["autocomplete"] = "organization"
        self.fields["phone"].widget.attrs.update({"autocomplete": "tel", "inputmode": "tel"})
        if settings.RECAPTCHA_ENABLED:
            self.fields["captcha"] = ScoredReCaptchaField(
                label="", required=False, widget=ReCaptchaV3(action=recaptcha_action)
            )

    @property
    def is_bot(self) -> bool:
        return bool(self.cleaned_data.get("website"))

    @property
    def recaptcha_score(self) -> float | None:
        field = self.fields.get("captcha")
        return field.score if field is not None else None

    @property
    def unverified_reason(self) -> str:
        """Why this submission could not be checked for automation, or ""."""
        field = self.fields.get("captcha")
        if field is not None and field.unreachable:
            return "reCAPTCHA could not be reached: not verified"
        return ""

    @property
    def spam_reason(self) -> str:
        """Why this submission looks automated, or "" when it doesn't."""
        field = self.fields.get("captcha")
        if field is None or field.unreachable:
            return ""
        if field.token_missing:
            return "no reCAPTCHA token (JavaScript off or blocked)"
        if field.score is not None and field.score < settings.RECAPTCHA_REQUIRED_SCORE:
            return f"reCAPTCHA score {field.score:.1f} < {settings.RECAPTCHA_REQUIRED_SCORE}"
        return ""


class EnquiryForm(BuyerForm):
    topic = SingleLineField(label=_("Topic"), max_length=160, required=False)
    message = MultiLineTextField(
        label=_("Your message"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Quantities, specifications, certifications you need, target market."),
    )
    attachments = AttachmentsField(
        label=_("Drawings or specifications"),
        required=False,
        help_text=_("PDF, PNG, JPG, XLSX or DOCX; up to 5 files of 10 MB each."),
    )


class SampleOrderForm(BuyerForm):
    shipping_address = MultiLineTextField(
        label=_("Shipping address for the samples"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4, "autocomplete": "street-address"}),
        help_text=_("Street, city, postal code, country, and the recipient's name."),
    )
    message = MultiLineTextField(
        label=pgettext_lazy("buyer's message to the supplier", "Notes"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ProductLineForm(forms.Form):
    """One product in a request: what the buyer needs of it, and where."""

    product = forms.IntegerField(widget=forms.HiddenInput)
    quantity = forms.IntegerField(
        label=_("Quantity"),
        validators=[MinValueValidator(1), MaxValueValidator(1_000_000_000)],
        error_messages={"required": _("Enter the quantity you need.")},
    )
    unit = SingleLineField(label=_("Unit"), max_length=30, required=False)
    target_price = forms.DecimalField(
        label=_("Target price per unit"),
        required=False,
        max_digits=12,
        decimal_places=2,
        min_value=Decimal("0.01"),
    )
    target_currency = forms.ChoiceField(
        label=_("Currency"), choices=[("", "—"), *CURRENCY_CHOICES], required=False
    )
    incoterm = forms.ChoiceField(
        label=_("Incoterm"),
        choices=[("", _("Not sure yet")), *INCOTERM_CHOICES],
        required=False,
    )
    destination = SingleLineField(
        label=_("Destination port or city"), max_length=120, required=False
    )

    def clean(self):
        data = super().clean()
        if data.get("target_price") and not data.get("target_currency"):
            self.add_error("target_currency", _("Choose the currency of your target price."))
        return data


class SampleLineForm(forms.Form):
    """One sample of a product; the deposit is the product's, per sample."""

    product = forms.IntegerField(widget=forms.HiddenInput)


ProductLineFormSet = forms.formset_factory(
    ProductLineForm, extra=0, max_num=50, validate_max=True, absolute_max=50
)
SampleLineFormSet = forms.formset_factory(
    SampleLineForm, extra=0, max_num=20, validate_max=True, absolute_max=20
)
