from django import forms

from . import files


class ImageUploadField(forms.ImageField):
    """An image upload refused with a plain-words reason (format, bytes, pixels, damage)."""

    def to_python(self, data):
        upload = forms.FileField.to_python(self, data)
        if upload is None:
            return None
        # Before Django's own check, which would open any format and say only "not valid".
        files.validate_image_file(upload)
        return super().to_python(data)
