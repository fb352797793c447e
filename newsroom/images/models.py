from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Image(models.Model):
    """An image uploaded once and reused; alt text is mandatory unless it is decorative."""

    file = models.ImageField(
        _("file"), upload_to="images/%Y/%m/", width_field="width", height_field="height"
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
        _("credit"), max_length=150, blank=True, help_text=_("Photographer or source.")
    )
    renditions = models.JSONField(_("renditions"), default=dict, editable=False)
    created = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("image")
        verbose_name_plural = _("images")
        ordering = ["-created"]

    def __str__(self):
        return self.alt_text or self.file.name.rsplit("/", 1)[-1]

    def clean(self):
        if not self.decorative and not self.alt_text:
            raise ValidationError(
                {"alt_text": _("Write an alternative text, or mark the image as decorative.")}
            )
