"""Public event pages: upcoming and past lists, the event page and its calendars."""

import re
from urllib.parse import urlsplit

from django.db.models import Exists, OuterRef
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from newsroom.core import memo
from newsroom.core.i18n import get_by_translated_slug
from newsroom.core.pagination import keyset_page
from newsroom.core.structured_data import json_ld_script
from organisations.models import Organisation

from . import ics, jsonld
from .forms import EventFilterForm
from .models import Event

ORGANISATION_ID = re.compile(r"[0-9]{1,18}")
PAGE_SIZE = 20
FEED_SIZE = 200


def filter_organisations():
    """Organisations that publish or organise a published event, for the filter's choices."""
    published = Event.objects.published()
    return list(
        Organisation.objects.filter(
            Exists(published.filter(organisation=OuterRef("pk")))
            | Exists(published.filter(organisers=OuterRef("pk")))
        ).order_by("name")
    )


def event_list(request, past=False):
    events = Event.objects.published().for_list()
    events = events.past() if past else events.upcoming()
    organisations = memo.remember("events-filter-organisations", filter_organisations)
    form = EventFilterForm(request.GET or None, organisations=organisations)
    if form.is_bound:
        events = form.filter(events)
    filters = form.cleaned_data if form.is_bound else {}
    page = keyset_page(
        events,
        PAGE_SIZE,
        request.GET,
        order_field="start",
        descending=past,
        count_key=(
            "events",
            past,
            get_language(),
            getattr(filters.get("organisation"), "pk", None),
            filters.get("mode"),
            filters.get("month"),
        ),
    )
    title = _("Past events") if past else _("Events")
    breadcrumbs = [(_("Events"), reverse("events:list"))] if past else []
    organisation = form.cleaned_data.get("organisation") if form.is_bound else None
    feed_url = reverse("events:feed")
    if organisation:
        feed_url += f"?organisation={organisation.pk}"
    return render(
        request,
        "events/event_list.html",
        {
            "page_title": title,
            "breadcrumbs": breadcrumbs,
            "form": form,
            "page_obj": page,
            "events": page.object_list,
            "past": past,
            "feed_url": feed_url,
        },
    )


def event_past(request):
    return event_list(request, past=True)


def render_event(request, event, preview=False):
    """The event page; also used for signed previews of drafts (``newsroom.core.preview``)."""
    base_url = request.build_absolute_uri("/").rstrip("/")
    return render(
        request,
        "events/event_detail.html",
        {
            "object": event,
            "event": event,
            "page_title": event.title,
            "breadcrumbs": [(_("Events"), reverse("events:list"))],
            "preview": preview,
            "programme": list(event.programme_items.all()),
            "organisers": list(event.organisers.all()),
            "contacts": event.contact_people,
            # Read by the template only when its remembered HTML is not at hand.
            "related_articles": event.related_articles.published(),
            "show_player": event.has_player and request.GET.get("player") == "1",
            "json_ld": json_ld_script(jsonld.event_data(event, base_url=base_url)),
            "fallback": event.content_language != get_language(),
        },
    )


def event_detail(request, slug):
    # The same for every reader until content changes (see ``newsroom.core.memo``).
    event = memo.remember(
        ("event-page", get_language(), slug),
        lambda: get_by_translated_slug(Event.objects.published().for_detail(), slug),
    )
    return render_event(request, event)


def calendar_response(content, filename=None):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def calendar_args(request):
    """The host for UIDs (without a port, so they stay stable) and the base for links."""
    return {
        "host": urlsplit(f"//{request.get_host()}").hostname,
        "base_url": request.build_absolute_uri("/").rstrip("/"),
    }


def event_ics(request, slug):
    event = get_by_translated_slug(Event.objects.published(), slug)
    content = ics.calendar(
        [event],
        name=event.title,
        **calendar_args(request),
    )
    return calendar_response(content, filename=f"{event.slug}.ics")


def calendar_feed(request):
    """Upcoming events in the active language, optionally of one organisation (?organisation=)."""
    events = Event.objects.published().upcoming()
    name = _("Events")
    raw = request.GET.get("organisation")
    if raw is not None:
        if not ORGANISATION_ID.fullmatch(raw):
            raise Http404
        organisation = get_object_or_404(Organisation, pk=int(raw))
        events = events.for_organisation(organisation)
        name = f"{name}: {organisation.name}"
    content = ics.calendar(
        events[:FEED_SIZE],
        name=name,
        **calendar_args(request),
        subscribable=True,
    )
    return calendar_response(content)
