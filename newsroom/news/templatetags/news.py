"""Template helpers for news: video lengths and an organisation's latest articles."""

from django import template
from django.utils.translation import gettext as _

from newsroom.news.models import Article

register = template.Library()


def _parts(duration):
    seconds = int(duration.total_seconds())
    return seconds // 3600, seconds % 3600 // 60, seconds % 60


@register.filter
def duration_iso(duration):
    """ISO 8601 duration for ``<time datetime>``: ``PT5M30S``."""
    if not duration:
        return ""
    hours, minutes, seconds = _parts(duration)
    units = ((hours, "H"), (minutes, "M"), (seconds, "S"))
    return "PT" + ("".join(f"{value}{unit}" for value, unit in units if value) or "0S")


@register.filter
def duration_text(duration):
    """A readable length: ``1 h 5 min``, ``5 min 30 s``."""
    if not duration:
        return ""
    hours, minutes, seconds = _parts(duration)
    parts = []
    if hours:
        parts.append(_("%(hours)d h") % {"hours": hours})
    if minutes:
        parts.append(_("%(minutes)d min") % {"minutes": minutes})
    if seconds and not hours:
        parts.append(_("%(seconds)d s") % {"seconds": seconds})
    return " ".join(parts)


@register.simple_tag
def organisation_articles(organisation, limit=5):
    """The organisation's latest published articles, for its page."""
    return list(Article.objects.published().filter(organisation=organisation).for_list()[:limit])
