"""Translated slugs: one per language, made from the title when left empty, unique per language."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from .i18n import language_codes

# Letters Swedish and Norwegian readers spell without their marks in an address, and dashes
# that separate words. Django's slugify() alone drops ø and æ (they do not decompose to ASCII)
# and joins "3\u20134" (an en dash) into "34".
SPELLED_OUT = str.maketrans(
    {
        "ø": "o",
        "Ø": "o",
        "æ": "ae",
        "Æ": "ae",
        "ß": "ss",
        "đ": "d",
        "Đ": "d",
        "ł": "l",
        "Ł": "l",
        "þ": "th",
        "Þ": "th",
        "\u2013": "-",  # en dash
        "\u2014": "-",  # em dash
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\u2212": "-",  # minus sign
        "/": "-",
    }
)


def slug_from(text, max_length=200):
    """The address word for ``text``: "Før 3 - 4 december" → "for-3-4-december" (en dashes too).

    Marks are dropped (å, ä → a; ö → o; é → e) by slugify's decomposition; the letters it
    cannot decompose are spelled out first. Cut at a word boundary within ``max_length``.
    """
    slug = re.sub(r"-{2,}", "-", slugify(text.translate(SPELLED_OUT))).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length]
        slug = slug.rsplit("-", 1)[0] if "-" in slug else slug
    return slug


def fill_translated_slugs(obj, source="title"):
    """Give every language that has a title but no slug one made from the title."""
    for code in language_codes():
        if getattr(obj, f"{source}_{code}", None) and not getattr(obj, f"slug_{code}", None):
            setattr(obj, f"slug_{code}", slug_from(getattr(obj, f"{source}_{code}")))


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
