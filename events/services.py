"""Writes with side effects on events."""

from django.db import transaction

from newsroom.core.i18n import language_codes
from newsroom.core.publishing import Status

from .models import Event


def free_slug(slug, language):
    """``slug``, or ``slug-2``, ``slug-3``… whichever no event uses in ``language``."""
    field, base, number = f"slug_{language}", slug[:190], 2
    while Event.objects.filter(**{field: f"{base}-{number}"}).exists():
        number += 1
    return f"{base}-{number}"


@transaction.atomic
def event_copy(event):
    """A draft copy of ``event`` with its programme, people and links, for a recurring event.

    Dates are kept for the editor to change; the copy is never published by copying.
    """
    programme = list(event.programme_items.all())
    organisers = list(event.organisers.all())
    contacts = list(event.event_contacts.all())
    articles = list(event.related_articles.all())
    copy = Event.objects.get(pk=event.pk)
    copy.pk = None
    copy._state.adding = True
    copy.status = Status.DRAFT
    copy.publish_at = copy.unpublish_at = copy.updated_at = copy.review_by = None
    for code in language_codes():
        slug = getattr(copy, f"slug_{code}")
        if slug:
            setattr(copy, f"slug_{code}", free_slug(slug, code))
    copy.save()
    copy.organisers.set(organisers)
    for link in contacts:
        copy.event_contacts.create(contact_id=link.contact_id, position=link.position)
    copy.related_articles.set(articles)
    for item in programme:
        item.pk = None
        item.event = copy
    copy.programme_items.model.objects.bulk_create(programme)
    return copy
