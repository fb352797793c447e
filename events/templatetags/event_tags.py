"""Event sections other apps' pages include without importing the events app."""

from django import template

from events.models import Event

register = template.Library()


@register.simple_tag
def next_events(limit=3):
    """The next few published events, ongoing ones first."""
    return list(Event.objects.published().upcoming().for_list()[:limit])


@register.simple_tag
def organisation_events(organisation, limit=5):
    """Upcoming events the organisation publishes or organises."""
    events = Event.objects.published().upcoming().for_organisation(organisation)
    return list(events.for_list()[:limit])


@register.simple_tag
def related_events(article):
    """Published events linked to an article."""
    return list(article.related_events.published().for_list())
