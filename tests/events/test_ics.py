import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.urls import reverse
from django.utils import translation

from events.models import AttendanceMode, EventStatus
from newsroom.core.publishing import Status
from tests.events.factories import EventFactory, in_days
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

OSLO = ZoneInfo("Europe/Oslo")


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def vevents(calendar):
    return list(calendar.walk("VEVENT"))


def test_one_event_round_trips(client):
    event = EventFactory(
        time_zone="Europe/Oslo",
        start=datetime.datetime(2026, 9, 1, 13, 30, tzinfo=OSLO),
        end=datetime.datetime(2026, 9, 1, 15, 0, tzinfo=OSLO),
    )
    response = client.get(reverse("events:ics", kwargs={"slug": event.slug}))
    assert f'filename="{event.slug}.ics"' in response["Content-Disposition"]
    calendar = parse(response)
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    [entry] = vevents(calendar)
    start, end = entry.decoded("DTSTART"), entry.decoded("DTEND")
    assert start == event.start
    assert end == event.end
    assert (start.hour, start.minute) == (13, 30)
    assert entry["DTSTART"].params["TZID"] == "Europe/Oslo"
    assert "DTSTART;TZID=Europe/Oslo:20260901T133000" in response.content.decode()
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Oslo"]
    assert str(entry["UID"]) == f"event-{event.pk}@testserver"
    assert str(entry["STATUS"]) == "CONFIRMED"
    assert str(entry["SUMMARY"]) == event.title
    assert entry["DTSTAMP"]


def test_uid_is_stable_across_languages_and_edits(client):
    event = EventFactory(title_en="English", slug_en="english")
    first = vevents(parse(client.get(reverse("events:ics", kwargs={"slug": event.slug_sv}))))[0]
    event.title_sv = "Ny titel"
    event.save()
    with translation.override("en"):
        url = reverse("events:ics", kwargs={"slug": "english"})
    second = vevents(parse(client.get(url)))[0]
    assert first["UID"] == second["UID"]
    assert str(second["SUMMARY"]) == "English"


def test_cancelled_is_carried(client):
    event = EventFactory(event_status=EventStatus.CANCELLED)
    [entry] = vevents(parse(client.get(reverse("events:ics", kwargs={"slug": event.slug}))))
    assert str(entry["STATUS"]) == "CANCELLED"


def test_all_day_uses_dates(client):
    zone = ZoneInfo("Europe/Stockholm")
    event = EventFactory(
        all_day=True,
        start=datetime.datetime(2026, 10, 24, tzinfo=zone),
        end=datetime.datetime(2026, 10, 26, tzinfo=zone),
    )
    [entry] = vevents(parse(client.get(reverse("events:ics", kwargs={"slug": event.slug}))))
    assert entry.decoded("DTSTART") == datetime.date(2026, 10, 24)
    assert entry.decoded("DTEND") == datetime.date(2026, 10, 26)  # exclusive, RFC 5545


@pytest.mark.parametrize(
    ("utc", "local"),
    [
        (
            datetime.datetime(2026, 3, 29, 1, 30, tzinfo=datetime.UTC),
            ";TZID=Europe/Oslo:20260329T033000",
        ),
        # 02:30 happens twice; RFC 5545 reads a TZID time as the first, so the second is in UTC.
        (
            datetime.datetime(2026, 10, 25, 0, 30, tzinfo=datetime.UTC),
            ";TZID=Europe/Oslo:20261025T023000",
        ),
        (datetime.datetime(2026, 10, 25, 1, 30, tzinfo=datetime.UTC), ":20261025T013000Z"),
        (
            datetime.datetime(2026, 10, 25, 2, 30, tzinfo=datetime.UTC),
            ";TZID=Europe/Oslo:20261025T033000",
        ),
    ],
)
def test_dst_boundaries_in_the_ics(client, utc, local):
    event = EventFactory(time_zone="Europe/Oslo", start=utc, end=utc + datetime.timedelta(hours=2))
    response = client.get(reverse("events:ics", kwargs={"slug": event.slug}))
    assert f"DTSTART{local}" in response.content.decode()
    [entry] = vevents(parse(response))
    # Compared in UTC: Python never finds an ambiguous local time equal to one in another zone.
    assert entry.decoded("DTSTART").astimezone(datetime.UTC) == utc


def test_feed_lists_upcoming_published_events(client):
    upcoming = EventFactory(title_sv="Kommande")
    cancelled = EventFactory(title_sv="Inställt", event_status=EventStatus.CANCELLED)
    EventFactory(title_sv="Förbi", start=in_days(-3), end=in_days(-3, 12))
    EventFactory(title_sv="Utkast", status=Status.DRAFT)
    calendar = parse(client.get(reverse("events:feed")))
    entries = {str(entry["UID"]): entry for entry in vevents(calendar)}
    assert set(entries) == {f"event-{upcoming.pk}@testserver", f"event-{cancelled.pk}@testserver"}
    assert str(entries[f"event-{cancelled.pk}@testserver"]["STATUS"]) == "CANCELLED"
    assert calendar.decoded("REFRESH-INTERVAL") == datetime.timedelta(hours=6)


def test_feed_per_language(client):
    EventFactory(title_sv="Svensk", title_en="English")
    with translation.override("en"):
        url = reverse("events:feed")
    [entry] = vevents(parse(client.get(url)))
    assert str(entry["SUMMARY"]) == "English"
    assert "/en/" in str(entry["URL"])


def test_feed_per_organisation(client):
    organisation = OrganisationFactory()
    own = EventFactory(organisation=organisation)
    co_organised = EventFactory()
    co_organised.organisers.add(organisation)
    EventFactory()
    calendar = parse(client.get(reverse("events:feed"), {"organisation": organisation.pk}))
    assert {str(e["UID"]) for e in vevents(calendar)} == {
        f"event-{own.pk}@testserver",
        f"event-{co_organised.pk}@testserver",
    }
    assert organisation.name in str(calendar["X-WR-CALNAME"])


def test_online_event_location(client):
    event = EventFactory(
        attendance_mode=AttendanceMode.ONLINE, venue_name="", stream_url="https://v.example/l"
    )
    [entry] = vevents(parse(client.get(reverse("events:ics", kwargs={"slug": event.slug}))))
    with translation.override("sv"):
        assert str(entry["LOCATION"]) == translation.gettext("Online")


@pytest.mark.parametrize("value", ["abc", "999999", "1\x00", "-1", "9" * 40, "<script>", ""])
def test_feed_hostile_organisation(client, value):
    EventFactory()
    response = client.get(reverse("events:feed"), {"organisation": value})
    assert response.status_code == 404


def test_feed_query_count_is_constant(client, django_assert_max_num_queries):
    for _ in range(2):
        EventFactory()
    with django_assert_max_num_queries(5) as small:
        parse(client.get(reverse("events:feed")))
    for _ in range(6):
        EventFactory()
    with django_assert_max_num_queries(len(small.captured_queries)):
        parse(client.get(reverse("events:feed")))
