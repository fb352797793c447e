from django import template

from newsroom.core.i18n import language_name as language_name_of

register = template.Library()


@register.filter
def language_name(code):
    """``{{ "nb"|language_name }}``: "norsk (bokmål)" on a Norwegian page, "Norwegian Bokmål"
    on an English one — for sentences such as "It is shown in …"."""
    return language_name_of(code)
