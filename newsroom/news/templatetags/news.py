"""Template helpers for news: video lengths and an organisation's latest articles."""

from django import template

from newsroom.core import durations
from newsroom.news.models import Article

register = template.Library()


@register.filter
def duration_iso(duration):
    """ISO 8601 duration for ``<time datetime>``: ``PT5M30S``."""
    return durations.iso(duration)


@register.filter
def duration_text(duration):
    """A readable length: ``1 h 5 min``, ``5 min 30 s``."""
    return durations.text(duration)


@register.simple_tag
def organisation_articles(organisation, limit=5):
    """The organisation's latest published articles, for its page."""
    return list(Article.objects.published().filter(organisation=organisation).for_list()[:limit])
