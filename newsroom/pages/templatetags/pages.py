from django import template

from newsroom.core import memo

from ..models import Page

register = template.Library()


@register.simple_tag
def footer_pages():
    """The site's own pages linked from the footer: accessibility statement, privacy notice…"""
    return memo.remember("footer-pages", lambda: list(Page.objects.for_footer()))
