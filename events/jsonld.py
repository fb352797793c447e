"""schema.org ``Event`` data for an event page, embedded as JSON-LD."""

from .models import AttendanceMode, EventStatus

SCHEMA = "https://schema.org/"
EVENT_STATUS = {
    EventStatus.SCHEDULED: "EventScheduled",
    EventStatus.CANCELLED: "EventCancelled",
    EventStatus.POSTPONED: "EventPostponed",
    EventStatus.MOVED_ONLINE: "EventMovedOnline",
}
ATTENDANCE_MODE = {
    AttendanceMode.ON_SITE: "OfflineEventAttendanceMode",
    AttendanceMode.ONLINE: "OnlineEventAttendanceMode",
    AttendanceMode.HYBRID: "MixedEventAttendanceMode",
}


def event_data(event, *, base_url):
    if event.all_day:
        start, end = event.first_day.isoformat(), event.last_day.isoformat()
    else:
        start, end = event.local_start.isoformat(), event.local_end.isoformat()
    locations = []
    if event.is_on_site:
        locations.append(
            {
                "@type": "Place",
                "name": event.venue_name,
                "address": ", ".join(event.venue_address.splitlines()) or event.venue_name,
            }
        )
    if event.is_online:
        locations.append({"@type": "VirtualLocation", "url": event.stream_url})
    organisers = list(event.organisers.all()) or [event.organisation]
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.lead,
        "url": base_url + event.get_absolute_url(),
        "inLanguage": event.content_language,
        "startDate": start,
        "endDate": end,
        "eventStatus": SCHEMA + EVENT_STATUS[event.event_status],
        "eventAttendanceMode": SCHEMA + ATTENDANCE_MODE[event.attendance_mode],
        "location": locations[0] if len(locations) == 1 else locations,
        "organizer": [
            {
                "@type": "Organization",
                "name": organiser.name,
                "url": base_url + organiser.get_absolute_url(),
            }
            for organiser in organisers
        ],
    }
    if event.image_id and event.image.file:
        data["image"] = base_url + event.image.file.url
    return data
