import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from events.models import AttendanceMode, Event, EventStatus, RegistrationState
from newsroom.core.publishing import Status
from tests.events.factories import EventFactory

pytestmark = pytest.mark.django_db

OSLO = ZoneInfo("Europe/Oslo")
NOON = datetime.datetime(2026, 9, 1, 12, 0, tzinfo=ZoneInfo("Europe/Stockholm"))


def test_upcoming_ongoing_and_past_at_the_boundaries():
    starts_now = EventFactory(start=NOON, end=NOON + datetime.timedelta(hours=1))
    ends_now = EventFactory(start=NOON - datetime.timedelta(hours=1), end=NOON)
    later = EventFactory(
        start=NOON + datetime.timedelta(days=1), end=NOON + datetime.timedelta(days=1, hours=1)
    )

    upcoming = list(Event.objects.upcoming(at=NOON))
    past = list(Event.objects.past(at=NOON))

    assert upcoming == [starts_now, later]
    assert past == [ends_now]
    assert starts_now.is_ongoing(at=NOON)
    assert not starts_now.is_ongoing(at=NOON - datetime.timedelta(microseconds=1))
    assert not ends_now.is_ongoing(at=NOON)
    assert ends_now.is_past(at=NOON)
    assert not ends_now.is_past(at=NOON - datetime.timedelta(microseconds=1))


def test_past_events_newest_first():
    older = EventFactory(
        start=NOON - datetime.timedelta(days=9), end=NOON - datetime.timedelta(days=8)
    )
    newer = EventFactory(
        start=NOON - datetime.timedelta(days=3), end=NOON - datetime.timedelta(days=2)
    )
    assert list(Event.objects.past(at=NOON)) == [newer, older]


def test_published_rule_applies():
    EventFactory(status=Status.DRAFT)
    scheduled = EventFactory(publish_at=NOON + datetime.timedelta(days=1))
    assert list(Event.objects.published(at=NOON)) == []
    assert list(Event.objects.published(at=NOON + datetime.timedelta(days=1))) == [scheduled]


def test_local_times_are_in_the_events_zone():
    event = EventFactory(
        time_zone="Europe/Oslo",
        start=datetime.datetime(2026, 9, 1, 13, 30, tzinfo=OSLO),
        end=datetime.datetime(2026, 9, 1, 15, 0, tzinfo=OSLO),
    )
    event.refresh_from_db()
    assert event.start.utcoffset() == datetime.timedelta(0)  # stored in UTC
    assert event.local_start.strftime("%H:%M") == "13:30"
    assert event.local_start.tzinfo.key == "Europe/Oslo"
    assert event.names_zone  # differs from the site's Europe/Stockholm


def test_all_day_last_day_is_inclusive():
    zone = ZoneInfo("Europe/Stockholm")
    event = EventFactory(
        all_day=True,
        start=datetime.datetime(2026, 10, 24, tzinfo=zone),
        end=datetime.datetime(2026, 10, 26, tzinfo=zone),
    )
    assert event.first_day == datetime.date(2026, 10, 24)
    assert event.last_day == datetime.date(2026, 10, 25)
    assert event.is_multi_day
    assert not event.names_zone


def test_in_month_includes_events_that_overlap_it():
    zone = ZoneInfo("Europe/Stockholm")
    spanning = EventFactory(
        start=datetime.datetime(2026, 8, 30, 10, tzinfo=zone),
        end=datetime.datetime(2026, 9, 2, 10, tzinfo=zone),
    )
    EventFactory(
        start=datetime.datetime(2026, 10, 1, 0, tzinfo=zone),
        end=datetime.datetime(2026, 10, 1, 2, tzinfo=zone),
    )
    december = EventFactory(
        start=datetime.datetime(2026, 12, 31, 22, tzinfo=zone),
        end=datetime.datetime(2026, 12, 31, 23, tzinfo=zone),
    )
    assert list(Event.objects.in_month(2026, 9)) == [spanning]
    assert list(Event.objects.in_month(2026, 12)) == [december]


def test_registration_state():
    start = NOON + datetime.timedelta(days=10)
    event = EventFactory(
        start=start,
        end=start + datetime.timedelta(hours=2),
        registration_url="https://example.org/anmal",
        registration_deadline=start - datetime.timedelta(days=2),
    )
    assert event.registration_state(at=NOON) == RegistrationState.OPEN
    assert event.registration_state(at=event.registration_deadline) == RegistrationState.CLOSED
    event.registration_full = True
    assert event.registration_state(at=NOON) == RegistrationState.FULL
    event.registration_full = False
    event.event_status = EventStatus.CANCELLED
    assert event.registration_state(at=NOON) == RegistrationState.CLOSED
    assert EventFactory(registration_url="").registration_state() is None


def test_registration_without_deadline_closes_when_the_event_ends():
    event = EventFactory(
        start=NOON, end=NOON + datetime.timedelta(hours=1), registration_url="https://example.org/a"
    )
    assert event.registration_state(at=NOON) == RegistrationState.OPEN
    assert event.registration_state(at=event.end) == RegistrationState.CLOSED


def build(**fields):
    event = EventFactory.build(**fields)
    event.organisation.save()
    event.organisation_id = event.organisation.pk
    return event


def errors_of(event):
    with pytest.raises(ValidationError) as caught:
        event.full_clean()
    return caught.value.message_dict


def test_end_before_start_is_rejected():
    assert "end" in errors_of(build(start=NOON, end=NOON - datetime.timedelta(hours=1)))


def test_deadline_after_start_is_rejected():
    errors = errors_of(build(start=NOON, registration_deadline=NOON + datetime.timedelta(hours=1)))
    assert "registration_deadline" in errors


def test_online_and_hybrid_need_a_link_and_on_site_a_venue():
    assert "stream_url" in errors_of(build(attendance_mode=AttendanceMode.ONLINE))
    hybrid = errors_of(build(attendance_mode=AttendanceMode.HYBRID, venue_name=""))
    assert {"stream_url", "venue_name"} <= set(hybrid)
    assert "venue_name" in errors_of(build(attendance_mode=AttendanceMode.ON_SITE, venue_name=""))
    build(
        attendance_mode=AttendanceMode.ONLINE, venue_name="", stream_url="https://example.org/s"
    ).full_clean()


def test_player_only_from_allowed_hosts(settings):
    settings.EMBED_HOSTS = ["www.youtube-nocookie.com"]
    assert "player_url" in errors_of(build(player_url="https://evil.example/embed/1"))
    assert "player_url" in errors_of(build(player_url="http://www.youtube-nocookie.com/embed/1"))
    build(player_url="https://www.youtube-nocookie.com/embed/1").full_clean()


def test_unknown_time_zone_is_rejected():
    assert "time_zone" in errors_of(build(time_zone="Mars/Olympus_Mons"))


def test_slugs_are_made_from_titles_and_feedback_owner_is_the_organisation():
    event = EventFactory(slug_sv="", slug_en="", title_sv="Öppet hus", title_en="Open day")
    assert (event.slug_sv, event.slug_en) == ("oppet-hus", "open-day")
    assert event.feedback_owner == event.organisation
