from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from . import files

NOT_STORED = _(
    "There is no room to save the image right now. Try again later or tell the site administrator."
)


class ImageUploadField(forms.ImageField):
    """An image upload refused with a plain-words reason (format, bytes, pixels, damage)."""

    # Set when the form is shown again because the upload could not be stored (ImageAdmin).
    not_stored = False

    def clean(self, data, initial=None):
        if self.not_stored:  # the reason, without decoding the upload a second time
            raise ValidationError(NOT_STORED, code="no_room")
        return super().clean(data, initial)

    def to_python(self, data):
        upload = forms.FileField.to_python(self, data)
        if upload is None:
            return None
        # Before Django's own check, which would open any format and say only "not valid".
        files.validate_image_file(upload)
        return super().to_python(data)
