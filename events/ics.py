"""iCalendar (RFC 5545) for one event and for subscribable feeds, with the icalendar package.

UIDs are ``event-<pk>@<host>`` so a calendar updates the same entry when an event changes;
times carry the event's TZID with a matching VTIMEZONE; a cancelled event stays in the feed
with STATUS:CANCELLED so subscribers see the cancellation.
"""

import datetime

import icalendar
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import EventStatus

STATUS = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.MOVED_ONLINE: "CONFIRMED",
    EventStatus.POSTPONED: "TENTATIVE",
    EventStatus.CANCELLED: "CANCELLED",
}


def uid(event, host):
    return f"event-{event.pk}@{host}"


def ical_time(moment, zone):
    """``moment`` as wall-clock time with its TZID, except the second of two identical
    wall-clock times when the clocks go back: RFC 5545 reads a TZID time as the first one,
    so that one is written in UTC."""
    local = moment.astimezone(zone)
    return moment.astimezone(datetime.UTC) if local.fold else local


def location(event):
    if event.is_on_site:
        place = ", ".join(
            part for part in [event.venue_name, *event.venue_address.splitlines()] if part.strip()
        )
        return f"{place} / {_('Online')}" if event.is_online else place
    return _("Online")


def vevent(event, *, host, base_url):
    entry = icalendar.Event()
    entry.add("uid", uid(event, host))
    entry.add("dtstamp", timezone.now().astimezone(datetime.UTC))
    if event.all_day:
        entry.add("dtstart", event.first_day)
        entry.add("dtend", event.last_day + datetime.timedelta(days=1))
    else:
        entry.add("dtstart", ical_time(event.start, event.zone))
        entry.add("dtend", ical_time(event.end, event.zone))
    entry.add("summary", event.title)
    url = base_url + event.get_absolute_url()
    description = "\n\n".join(part for part in [event.lead, event.status_note, url] if part)
    entry.add("description", description)
    entry.add("url", url)
    entry.add("location", location(event))
    entry.add("status", STATUS[event.event_status])
    entry.add("last-modified", event.modified.astimezone(datetime.UTC))
    entry.add("categories", [event.get_attendance_mode_display()])
    return entry


def calendar(events, *, name, host, base_url, subscribable=False):
    """An iCalendar document (bytes) for ``events``; a subscribable one says how often to
    refresh it."""
    document = icalendar.Calendar()
    document.add("prodid", f"-//{host}//Newsroom events//EN")
    document.add("version", "2.0")
    document.add("calscale", "GREGORIAN")
    document.add("method", "PUBLISH")
    document.add("x-wr-calname", name)
    if subscribable:
        document.add(
            "refresh-interval", datetime.timedelta(hours=6), parameters={"VALUE": "DURATION"}
        )
        document.add("x-published-ttl", "PT6H")
    for event in events:
        document.add_component(vevent(event, host=host, base_url=base_url))
    document.add_missing_timezones()
    return document.to_ical()
