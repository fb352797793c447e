"""Translated slugs: one per language, made from the title when left empty, unique per language."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from .i18n import language_codes


def fill_translated_slugs(obj, source="title"):
    """Give every language that has a title but no slug one made from the title."""
    for code in language_codes():
        if getattr(obj, f"{source}_{code}", None) and not getattr(obj, f"slug_{code}", None):
            setattr(obj, f"slug_{code}", slugify(getattr(obj, f"{source}_{code}"))[:200])


class UniqueSlug(models.UniqueConstraint):
    """A unique slug in one language, reported on that language's slug field.

    Django reports a conditional constraint's violation for the whole form; the editor needs it
    beside the field they can change.
    """

    def validate(self, *args, **kwargs):
        try:
            super().validate(*args, **kwargs)
        except ValidationError as error:
            raise ValidationError({self.fields[0]: error.error_list}) from error


def unique_slug_constraints(model_name):
    """One slug per language: a unique index on each non-empty ``slug_<lang>`` column.

    Empty translations are stored as "" or NULL; neither takes an address.
    """
    return [
        UniqueSlug(
            fields=[f"slug_{code}"],
            condition=~Q(**{f"slug_{code}": ""}),
            name=f"{model_name}_unique_slug_{code}",
            violation_error_message=_("Another page already uses this address (slug)."),
        )
        for code in language_codes()
    ]
