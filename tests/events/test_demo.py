import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from events.models import AttendanceMode, Event, EventStatus

pytestmark = pytest.mark.django_db


def test_demo_events_are_varied_valid_and_stable(client):
    call_command("demo", stdout=None)
    events = list(Event.objects.order_by("pk"))
    assert len(events) >= 12
    snapshot = [(event.pk, event.start, event.end, event.modified) for event in events]
    modes = {event.attendance_mode for event in events}
    assert modes == set(AttendanceMode.values)
    assert any(event.all_day for event in events)
    assert any(event.is_multi_day and not event.all_day for event in events)
    assert any(event.is_cancelled for event in events)
    assert any(event.past for event in events)
    assert Event.objects.filter(event_status=EventStatus.CANCELLED).exists()
    nynorsk = Event.objects.get(time_zone="Europe/Oslo")
    assert nynorsk.title_nn
    assert nynorsk.attendance_mode == AttendanceMode.ONLINE
    assert nynorsk.programme_items.count() >= 3
    for event in events:
        event.full_clean()

    call_command("demo", stdout=None)
    assert [(e.pk, e.start, e.end, e.modified) for e in Event.objects.order_by("pk")] == snapshot

    with translation.override("nn"):
        url = nynorsk.get_absolute_url()
    page = client.get(url)
    assert page.status_code == 200
    assert nynorsk.title_nn in page.content.decode()
    assert client.get(reverse("events:list")).status_code == 200
    assert client.get(reverse("events:past")).status_code == 200
