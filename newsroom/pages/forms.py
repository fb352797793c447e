"""The site settings form: logos and icons are checked, SVG re-written, before they are stored."""

from django import forms
from django.core.files.base import ContentFile

from . import identity
from .models import SiteSettings


class SiteSettingsForm(forms.ModelForm):
    class Meta:
        model = SiteSettings
        fields = [
            "site_name",
            "tagline",
            "logo",
            "logo_includes_name",
            "primary_colour",
            "accent_colour",
            "icon",
            "publisher_name",
            "postal_address",
            "visiting_address",
            "phone",
            "email",
            "organisation_number",
        ]
        widgets = {
            "primary_colour": forms.TextInput(attrs={"type": "color"}),
            "accent_colour": forms.TextInput(attrs={"type": "color"}),
        }

    def clean_logo(self):
        upload = self.cleaned_data.get("logo")
        if not upload or not hasattr(upload, "content_type"):
            return upload  # unchanged or cleared
        data = upload.read()
        if data.lstrip()[:1] == b"<":
            return ContentFile(identity.sanitise_svg(data), name=_stem(upload.name) + ".svg")
        identity.open_png(data, max_bytes=identity.MAX_LOGO_BYTES)
        return ContentFile(data, name=_stem(upload.name) + ".png")

    def clean_icon(self):
        upload = self.cleaned_data.get("icon")
        if not upload or not hasattr(upload, "content_type"):
            return upload
        data = upload.read()
        identity.validate_icon(data)
        return ContentFile(data, name=_stem(upload.name) + ".png")


def _stem(name):
    """The upload's name without its extension: the stored name's extension is ours."""
    stem = name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return "".join(c for c in stem if c.isalnum() or c in "-_")[:60] or "logo"
