from django import template

from ..models import Page

register = template.Library()


@register.simple_tag
def footer_pages():
    """The site's own pages linked from the footer: accessibility statement, privacy notice…"""
    return list(Page.objects.for_footer())
