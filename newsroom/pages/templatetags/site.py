from django import template
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
