"""A field-by-field comparison of two revisions, over django-reversion's stored versions."""

import difflib
import re

from django.utils import timezone
from django.utils.formats import localize
from django.utils.html import strip_tags
from django.utils.text import capfirst
from django.utils.translation import gettext as _

WORDS = re.compile(r"\S+|\s+")


def _related_text(field, value):
    model = field.related_model
    if field.many_to_many:
        objects = model._default_manager.filter(pk__in=value or [])
        return ", ".join(sorted(str(obj) for obj in objects))
    obj = model._default_manager.filter(pk=value).first()
    return str(obj) if obj is not None else f"#{value}"


def display(field, value):
    """A value as an editor reads it: labels for choices, names for relations, plain text."""
    if value is None or value == "" or value == []:
        return "—"
    if field.is_relation:
        return _related_text(field, value)
    if field.flatchoices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if hasattr(value, "tzinfo") and value.tzinfo is not None:
        return localize(timezone.localtime(value))
    if isinstance(value, str):
        return strip_tags(value)  # rich text: compare the words, not the markup
    return localize(value)


def _segments(old_text, new_text):
    """Word-level differences: (old, new) lists of (changed, text) pieces."""
    old_words, new_words = WORDS.findall(old_text), WORDS.findall(new_text)
    old, new = [], []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            old.append((False, "".join(old_words[i1:i2])))
            new.append((False, "".join(new_words[j1:j2])))
            continue
        if i2 > i1:
            old.append((True, "".join(old_words[i1:i2])))
        if j2 > j1:
            new.append((True, "".join(new_words[j1:j2])))
    return old, new


def _compared_fields(model):
    for field in model._meta.get_fields():
        if not (field.concrete or field.many_to_many) or field.auto_created:
            continue
        if field.primary_key or getattr(field, "auto_now", False):
            continue
        if getattr(field, "auto_now_add", False):
            continue
        yield field


def field_changes(model, older, newer):
    """The fields that differ between two versions, with their values as editors read them."""
    old_values, new_values = older.field_dict, newer.field_dict
    changes = []
    for field in _compared_fields(model):
        key = field.attname
        if key not in old_values and key not in new_values:
            continue  # not versioned
        old_value, new_value = old_values.get(key), new_values.get(key)
        if field.many_to_many:
            old_value, new_value = sorted(old_value or []), sorted(new_value or [])
        if old_value == new_value:
            continue
        old_text, new_text = display(field, old_value), display(field, new_value)
        if old_text == new_text:
            continue  # empty and None, or the same text in other markup
        old_pieces, new_pieces = _segments(old_text, new_text)
        changes.append(
            {
                "field": field.name,
                "label": capfirst(field.verbose_name),
                "old": old_pieces,
                "new": new_pieces,
            }
        )
    return changes
