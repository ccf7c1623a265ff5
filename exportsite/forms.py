"""Form pieces shared by the public forms (enquiries, reviews)."""

from django import forms
from django.core.exceptions import ValidationError


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several uploads in one field, each checked by `validate_file`.

    Every bad file is reported, not only the first, so a buyer fixes them in one go.
    Subclasses set `max_files` and `too_many_message` (with a %(count)s parameter).
    """

    max_files = 5
    too_many_message = ""
    too_many_code = "file_count"
    input_attrs: dict = {}

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs=dict(self.input_attrs)))
        super().__init__(*args, **kwargs)

    def validate_file(self, upload) -> None:
        """Raise ValidationError when one upload is not acceptable."""

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        if len(files) > self.max_files:
            raise ValidationError(
                self.too_many_message, code=self.too_many_code, params={"count": self.max_files}
            )
        cleaned, errors = [], []
        for upload in files:
            try:
                cleaned.append(super().clean(upload, initial))
                self.validate_file(upload)
            except ValidationError as error:
                errors.extend(error.error_list)
        if errors:
            raise ValidationError(errors)
        return cleaned
