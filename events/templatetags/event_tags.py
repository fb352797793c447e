"""Event sections other apps' pages include without importing the events app.

Each is the same for every reader until content changes, so it is worked out once per content
generation (``newsroom.core.memo``), per language since the lists follow it.
"""

from django import template
from django.utils.translation import get_language

from events.models import Event
from newsroom.core import memo

register = template.Library()


@register.simple_tag
def next_events(limit=3):
    """The next few published events, ongoing ones first."""
    return memo.remember(
        ("next-events", get_language(), limit),
        lambda: list(Event.objects.published().upcoming().for_list()[:limit]),
    )


@register.simple_tag
def organisation_events(organisation, limit=5):
    """Upcoming events the organisation publishes or organises."""
    events = Event.objects.published().upcoming().for_organisation(organisation)
    return memo.remember(
        ("organisation-events", get_language(), organisation.pk, limit),
        lambda: list(events.for_list()[:limit]),
    )


@register.simple_tag
def related_events(article):
    """Published events linked to an article."""
    return memo.remember(
        ("related-events", get_language(), article.pk),
        lambda: list(article.related_events.published().for_list()),
    )
