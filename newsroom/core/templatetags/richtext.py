from django import template

from newsroom.core import richtext as richtext_module

register = template.Library()


@register.filter(is_safe=True)
def richtext(html):
    """Rich text for readers: ``{% load richtext %}{{ object.body|richtext }}``.

    Sanitised again (so never trust ``|safe`` on it) and with links made safe and labelled:
    see ``newsroom.core.richtext``.
    """
    return richtext_module.render(html)
