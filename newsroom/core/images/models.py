import posixpath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.utils.translation import gettext_lazy as _

from . import files, renditions
from .forms import ImageUploadField


def validate_upload(value):
    """Check new uploads only: a stored file was checked when it arrived."""
    if not getattr(value, "_committed", True):
        files.validate_image_file(value)


class ImageFileField(models.ImageField):
    """An ImageField that accepts only the images ``files`` allows, with clear errors."""

    default_validators = [*models.ImageField.default_validators, validate_upload]

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": ImageUploadField, **kwargs})

    def deconstruct(self):
        # Validation lives in code; to migrations this is a plain ImageField.
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.ImageField", args, kwargs


class Image(models.Model):
    """An image uploaded once and reused; alt text is mandatory unless it is decorative."""

    file = ImageFileField(
        _("file"),
        upload_to="images/%Y/%m/",
        width_field="width",
        height_field="height",
        help_text=_("JPEG, PNG, WebP or GIF; at most 15 MB and 40 megapixels."),
    )
    width = models.PositiveIntegerField(_("width"), editable=False, default=0)
    height = models.PositiveIntegerField(_("height"), editable=False, default=0)
    alt_text = models.CharField(
        _("alternative text"),
        max_length=250,
        blank=True,
        help_text=_("Describe what the image shows for readers who cannot see it."),
    )
    decorative = models.BooleanField(
        _("decorative"),
        default=False,
        help_text=_("Only for images that add nothing to the text; screen readers skip them."),
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    credit = models.CharField(
        _("credit"),
        max_length=150,
        blank=True,
        help_text=_("Photographer or source. The site shows it after “Photo:”."),
    )
    renditions = models.JSONField(_("renditions"), default=dict, editable=False)
    created = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("image")
        verbose_name_plural = _("images")
        ordering = ["-created"]

    def __str__(self):
        return self.alt_text or self.file.name.rsplit("/", 1)[-1]

    def save(self, *args, **kwargs):
        if self.file and not self.file._committed:
            # What is stored is what is served: upright, without EXIF/GPS or other metadata.
            clean = files.clean_image(self.file)
            stem = posixpath.splitext(posixpath.basename(self.file.name))[0]
            self.file.save(f"{stem}.{clean.extension}", ContentFile(clean.content), save=False)
            self.width, self.height = clean.width, clean.height  # upright now; no re-read
        replaced = None
        if self.file and self.renditions.get("source") != self.file.name:
            replaced, self.renditions = (
                self.renditions,
                renditions.make(self.file.storage, self.file.name),
            )
        super().save(*args, **kwargs)
        if replaced:
            self._delete_files(replaced)

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        self._delete_files(self.renditions)
        return result

    def clean(self):
        # Every language falls back to the default one, so that is where the text must be.
        default_alt_text = f"alt_text_{settings.MODELTRANSLATION_DEFAULT_LANGUAGE}"
        if not self.decorative and not getattr(self, default_alt_text):
            raise ValidationError(
                {default_alt_text: _("Write an alternative text, or mark the image as decorative.")}
            )

    def _delete_files(self, record):
        renditions.delete(self.file.storage, record)
        if record.get("source"):
            self.file.storage.delete(record["source"])

    # For templates (components/image.html) and the admin.

    @property
    def _current_renditions(self):
        return self.renditions if self.renditions.get("source") == self.file.name else {}

    @property
    def webp_srcset(self):
        return renditions.srcset(self.file.storage, self._current_renditions, "webp")

    @property
    def fallback_srcset(self):
        return renditions.srcset(self.file.storage, self._current_renditions, "fallback")

    @property
    def src(self):
        """The largest fallback rendition: for browsers that ignore ``srcset``."""
        made = self._current_renditions.get("fallback")
        return self.file.storage.url(made[-1][1]) if made else self.file.url

    @property
    def thumbnail_url(self):
        made = self._current_renditions.get("fallback")
        return self.file.storage.url(made[0][1]) if made else self.file.url
