import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from newsroom.core import i18n

register = template.Library()


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """The same page in every language, for hreflang links and the language switcher."""
    request = context.get("request")
    obj = context.get("object")
    if obj is not None and not hasattr(obj, "available_languages"):
        obj = None
    return i18n.alternates(request, obj) if request else []


@register.simple_tag
def field_language(obj, field):
    """The language ``obj.<field>`` is shown in after fallbacks: for a ``lang`` attribute."""
    return i18n.field_language(obj, field) or get_language()


@register.filter
def email_breaks(address):
    """An e-mail address with line-break opportunities after “@” and before dots.

    Long addresses then wrap at readable points instead of mid-word on a narrow screen.
    """
    parts = [escape(part) for part in re.split(r"(@|\.)", str(address))]
    html = "".join(f"{p}<wbr>" if p == "@" else f"<wbr>{p}" if p == "." else p for p in parts)
    return mark_safe(html)  # every part was escaped above
