import datetime
from zoneinfo import ZoneInfo

import factory
from django.utils import timezone

from events.models import AttendanceMode, Event, ProgrammeItem
from newsroom.core.publishing import Status
from tests.organisations.factories import OrganisationFactory

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def in_days(days, hour=10, minute=0, zone=STOCKHOLM):
    """A wall-clock time ``days`` from today in ``zone``."""
    day = timezone.now().astimezone(zone).date() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=zone)


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    title_sv = factory.Sequence(lambda n: f"Seminarium {n}")
    title_en = factory.Sequence(lambda n: f"Seminar {n}")
    slug_sv = factory.Sequence(lambda n: f"seminarium-{n}")
    slug_en = factory.Sequence(lambda n: f"seminar-{n}")
    lead_sv = "Ett seminarium om digital förvaltning."
    lead_en = "A seminar on digital government."
    status = Status.PUBLISHED
    start = factory.LazyFunction(lambda: in_days(7, 13, 30))
    end = factory.LazyAttribute(lambda event: event.start + datetime.timedelta(hours=2))
    attendance_mode = AttendanceMode.ON_SITE
    venue_name = "Stadshuset"
    venue_address = "Storgatan 1\n123 45 Exempelstad"
    organisation = factory.SubFactory(OrganisationFactory)


class ProgrammeItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgrammeItem

    event = factory.SubFactory(EventFactory)
    position = factory.Sequence(lambda n: n)
    time = datetime.time(13, 30)
    title_sv = factory.Sequence(lambda n: f"Programpunkt {n}")
    title_en = factory.Sequence(lambda n: f"Programme item {n}")
    speakers_sv = "Anna Exempel, enhetschef"
