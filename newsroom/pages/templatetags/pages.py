from django import template
from django.utils.translation import gettext as _

from newsroom.core import memo

from ..models import Page, SiteLink

register = template.Library()


@register.simple_tag
def footer_pages():
    """The site's own pages linked from the footer: accessibility statement, privacy notice…"""
    return memo.remember("footer-pages", lambda: list(Page.objects.for_footer()))


@register.simple_tag
def footer_links(site):
    """The footer's link groups that have links: the publisher's other sites, social channels."""
    if not site.pk:
        return []
    headings = {
        SiteLink.Group.FOOTER: _("More from us"),
        SiteLink.Group.SOCIAL: _("Follow us"),
    }
    links = memo.remember(("site-links", site.pk), lambda: list(site.links.all()))
    return [
        {"key": group, "heading": heading, "links": [link for link in links if link.group == group]}
        for group, heading in headings.items()
        if any(link.group == group for link in links)
    ]
