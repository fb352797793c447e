import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from events.models import Event
from tests.events.factories import EventFactory, ProgrammeItemFactory
from tests.organisations.factories import ContactPersonFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

OSLO = ZoneInfo("Europe/Oslo")
UTC = datetime.UTC


def form_data(organisation, **overrides):
    data = {
        "original_language": "sv",
        "title_sv": "Digital samling",
        "slug_sv": "digital-samling",
        "time_zone": "Europe/Oslo",
        "start_0": "2026-09-01",
        "start_1": "13:30",
        "end_0": "2026-09-01",
        "end_1": "15:00",
        "attendance_mode": "online",
        "stream_url": "https://video.example/live",
        "event_status": "scheduled",
        "organisation": organisation.pk,
        "status": "draft",
        "event_contacts-TOTAL_FORMS": "0",
        "event_contacts-INITIAL_FORMS": "0",
        "event_contacts-MIN_NUM_FORMS": "0",
        "event_contacts-MAX_NUM_FORMS": "1000",
        "programme_items-TOTAL_FORMS": "1",
        "programme_items-INITIAL_FORMS": "0",
        "programme_items-MIN_NUM_FORMS": "0",
        "programme_items-MAX_NUM_FORMS": "1000",
        "programme_items-0-position": "1",
        "programme_items-0-time": "13:30",
        "programme_items-0-title_sv": "Välkommen",
        "programme_items-0-speakers_sv": "Kari Nordmann, ordförande",
    }
    data.update(overrides)
    return data


def post(admin_client, data, event=None):
    url = (
        reverse("admin:events_event_change", args=[event.pk])
        if event
        else reverse("admin:events_event_add")
    )
    return admin_client.post(url, data)


def test_times_are_read_in_the_events_zone(admin_client):
    response = post(admin_client, form_data(OrganisationFactory()))
    assert response.status_code == 302, response.context["adminform"].form.errors
    event = Event.objects.get()
    assert event.start == datetime.datetime(2026, 9, 1, 11, 30, tzinfo=UTC)  # 13:30 CEST
    assert event.local_start.strftime("%H:%M") == "13:30"
    assert event.programme_items.get().title_sv == "Välkommen"


def test_change_form_shows_the_wall_clock_time(admin_client):
    event = EventFactory(
        time_zone="Europe/Oslo",
        start=datetime.datetime(2026, 9, 1, 13, 30, tzinfo=OSLO),
        end=datetime.datetime(2026, 9, 1, 15, 0, tzinfo=OSLO),
    )
    response = admin_client.get(reverse("admin:events_event_change", args=[event.pk]))
    assert response.status_code == 200
    assert 'value="13:30:00"' in response.content.decode()


def test_utc_zone_is_read_as_utc(admin_client):
    data = form_data(OrganisationFactory(), time_zone="UTC")
    assert post(admin_client, data).status_code == 302
    assert Event.objects.get().start == datetime.datetime(2026, 9, 1, 13, 30, tzinfo=UTC)


def test_last_sunday_of_march_spring_forward(admin_client):
    # On 29 March 2026 the clocks in Oslo go from 02:00 to 03:00.
    organisation = OrganisationFactory()
    data = form_data(
        organisation, start_0="2026-03-29", start_1="01:30", end_0="2026-03-29", end_1="03:30"
    )
    assert post(admin_client, data).status_code == 302
    event = Event.objects.get()
    assert event.start == datetime.datetime(2026, 3, 29, 0, 30, tzinfo=UTC)  # CET, +01:00
    assert event.end == datetime.datetime(2026, 3, 29, 1, 30, tzinfo=UTC)  # CEST, +02:00
    assert event.end - event.start == datetime.timedelta(hours=1)


def test_a_time_skipped_by_the_clock_change_is_refused(admin_client):
    data = form_data(
        OrganisationFactory(),
        slug_sv="hoppad",
        start_0="2026-03-29",
        start_1="02:30",
        end_0="2026-03-29",
        end_1="04:00",
    )
    response = post(admin_client, data)
    assert response.status_code == 200
    assert "start" in response.context["adminform"].form.errors
    assert not Event.objects.exists()


def test_last_sunday_of_october_fall_back(admin_client):
    # On 25 October 2026 the clocks in Oslo go from 03:00 back to 02:00.
    data = form_data(
        OrganisationFactory(),
        start_0="2026-10-25",
        start_1="01:00",
        end_0="2026-10-25",
        end_1="04:00",
    )
    assert post(admin_client, data).status_code == 302
    event = Event.objects.get()
    assert event.start == datetime.datetime(2026, 10, 24, 23, 0, tzinfo=UTC)  # CEST
    assert event.end == datetime.datetime(2026, 10, 25, 3, 0, tzinfo=UTC)  # CET
    assert event.end - event.start == datetime.timedelta(hours=4)


def test_all_day_event_spans_whole_local_days(admin_client):
    data = form_data(
        OrganisationFactory(),
        all_day="on",
        start_0="2026-10-24",
        start_1="",
        end_0="2026-10-25",
        end_1="",
    )
    assert post(admin_client, data).status_code == 302
    event = Event.objects.get()
    assert event.local_start == datetime.datetime(2026, 10, 24, tzinfo=OSLO)
    assert event.local_end == datetime.datetime(2026, 10, 26, tzinfo=OSLO)
    assert (event.first_day, event.last_day) == (
        datetime.date(2026, 10, 24),
        datetime.date(2026, 10, 25),
    )


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"end_0": "2026-09-01", "end_1": "12:00"}, "end"),
        ({"end_0": "", "end_1": ""}, "end"),
        (
            {"registration_deadline_0": "2026-09-02", "registration_deadline_1": "10:00"},
            "registration_deadline",
        ),
        ({"stream_url": ""}, "stream_url"),
        ({"attendance_mode": "hybrid", "venue_name": ""}, "venue_name"),
        ({"attendance_mode": "onsite", "stream_url": "", "venue_name": ""}, "venue_name"),
        ({"player_url": "https://evil.example/embed"}, "player_url"),
        ({"time_zone": "Mars/Base"}, "time_zone"),
        ({"start_0": "2026-13-01"}, "start"),
    ],
)
def test_validation_errors_name_the_field(admin_client, overrides, field):
    response = post(admin_client, form_data(OrganisationFactory(), **overrides))
    assert response.status_code == 200
    assert field in response.context["adminform"].form.errors
    assert not Event.objects.exists()


def test_changelist_filters_and_search(admin_client):
    event = EventFactory(time_zone="Europe/Oslo")
    ProgrammeItemFactory(event=event)
    url = reverse("admin:events_event_changelist")
    for query in [
        "",
        "?when=upcoming",
        "?when=past",
        "?attendance_mode__exact=online",
        "?event_status__exact=cancelled",
        "?workflow=published",
        "?q=Seminar",
    ]:
        response = admin_client.get(url + query)
        assert response.status_code == 200, query
    assert "Europe/Oslo" in admin_client.get(url).content.decode()


def test_change_form_has_a_preview_link(admin_client):
    event = EventFactory(status="draft")
    response = admin_client.get(reverse("admin:events_event_change", args=[event.pk]))
    assert "/preview/" in response.content.decode()


def test_autocomplete_for_contacts(admin_client):
    event = EventFactory()
    ContactPersonFactory(name="Unik Person")
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "events", "model_name": "event", "field_name": "contacts", "term": "Unik"},
    )
    assert response.status_code == 200
    assert "Unik Person" in response.content.decode()
    assert event.pk


def test_copy_as_drafts_action(admin_client):
    organiser = OrganisationFactory()
    event = EventFactory(slug_sv="seminarium", slug_en="seminar")
    event.organisers.add(organiser)
    ProgrammeItemFactory(event=event, title_sv="Inledning")
    response = admin_client.post(
        reverse("admin:events_event_changelist"),
        {"action": "copy_as_drafts", "_selected_action": [event.pk]},
    )
    assert response.status_code == 302
    copy = Event.objects.exclude(pk=event.pk).get()
    assert copy.status == "draft"
    assert copy.publish_at is None
    assert (copy.slug_sv, copy.slug_en) == ("seminarium-2", "seminar-2")
    assert list(copy.organisers.all()) == [organiser]
    assert copy.programme_items.get().title_sv == "Inledning"
    assert event.programme_items.count() == 1
