"""The language an item is written in first: any of the site's languages.

Only the original language's required fields are required (``required_translations``); the
others are translations, added when there is time. Readers of another language see the item in
the nearest language it is written in (``i18n.fallback_chain``), marked as such.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


def site_language():
    """New items start in the site's own language (``SITE_LANGUAGE``)."""
    return settings.LANGUAGE_CODE


class OriginalLanguage(models.Model):
    # The translated fields an item cannot be without, in its original language.
    required_translations = ("title",)

    original_language = models.CharField(
        _("original language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=site_language,
        help_text=_(
            "The language this is written in. Only its fields are required; "
            "the other languages are translations and may stay empty."
        ),
    )

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        missing = {
            f"{name}_{self.original_language}": ValidationError(
                _("Required in the original language."), code="required"
            )
            for name in self.required_translations
            if not getattr(self, f"{name}_{self.original_language}", None)
        }
        if missing:
            raise ValidationError(missing)
