"""Events: on site, online or hybrid, with a programme, registration and calendars.

Start and end are stored as aware datetimes (UTC in the database) and entered and shown in the
event's own time zone, so an event in Bergen reads 13:30 wherever the server runs.
"""

import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Min, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from newsroom.core.embeds import is_embeddable, validate_embed_url
from newsroom.core.slugs import unique_slug_constraints
from organisations.content import ContactLink, OrganisationContent, OrganisationContentQuerySet

# The zones editors pick from. The validator also checks a name against the zone database, so a
# zone removed from tzdata is reported rather than failing when a page is shown.
TIME_ZONE_CHOICES = [
    ("Europe/Stockholm", _("Sweden (Europe/Stockholm)")),
    ("Europe/Oslo", _("Norway (Europe/Oslo)")),
    ("Europe/Copenhagen", _("Denmark (Europe/Copenhagen)")),
    ("Europe/Helsinki", _("Finland (Europe/Helsinki)")),
    ("Atlantic/Reykjavik", _("Iceland (Atlantic/Reykjavik)")),
    ("Europe/Tallinn", _("Estonia (Europe/Tallinn)")),
    ("Europe/Berlin", _("Germany (Europe/Berlin)")),
    ("Europe/Brussels", _("Belgium (Europe/Brussels)")),
    ("Europe/London", _("United Kingdom (Europe/London)")),
    ("UTC", _("Coordinated Universal Time (UTC)")),
]


def validate_time_zone(value):
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ValidationError(
            _("“%(value)s” is not a known time zone."), params={"value": value}
        ) from error


class AttendanceMode(models.TextChoices):
    ON_SITE = "onsite", _("On site")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("On site and online")


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", _("Cancelled")
    POSTPONED = "postponed", _("Postponed")
    MOVED_ONLINE = "moved_online", _("Moved online")


class RegistrationState(models.TextChoices):
    OPEN = "open", _("Registration open")
    FULL = "full", _("Fully booked")
    CLOSED = "closed", _("Registration closed")


class EventQuerySet(OrganisationContentQuerySet):
    def upcoming(self, at=None):
        """Events that have not ended, ongoing ones included, soonest first."""
        return self.filter(end__gt=at or timezone.now()).order_by("start", "pk")

    def past(self, at=None):
        """Events that have ended, newest first."""
        return self.filter(end__lte=at or timezone.now()).order_by("-start", "-pk")

    def in_month(self, year, month):
        """Events that take place at some time in the month (in the site's time zone)."""
        zone = timezone.get_default_timezone()
        first = datetime.datetime(year, month, 1, tzinfo=zone)
        following = datetime.datetime(year + month // 12, month % 12 + 1, 1, tzinfo=zone)
        return self.filter(start__lt=following, end__gt=first)

    def for_organisation(self, organisation):
        """Events the organisation publishes or organises."""
        return self.filter(Q(organisation=organisation) | Q(organisers=organisation)).distinct()

    def for_list(self):
        return self.select_related("organisation", "image")

    def for_detail(self):
        return (
            self.select_related(
                "organisation", "image", "page_owner__organisation", "page_owner__photo"
            )
            .prefetch_related(
                "organisers",
                Prefetch(
                    "programme_items",
                    queryset=ProgrammeItem.objects.select_related("contact").order_by(
                        "position", "pk"
                    ),
                ),
            )
            .with_public_contacts()
        )


class Event(OrganisationContent):
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        choices=TIME_ZONE_CHOICES,
        default="Europe/Stockholm",
        validators=[validate_time_zone],
        help_text=_("Start, end and deadline are entered and shown in this time zone."),
    )
    start = models.DateTimeField(_("start"), db_index=True)
    end = models.DateTimeField(_("end"), db_index=True)
    all_day = models.BooleanField(
        _("all day"), default=False, help_text=_("The times of day are not shown.")
    )

    attendance_mode = models.CharField(
        _("attendance"),
        max_length=10,
        choices=AttendanceMode.choices,
        default=AttendanceMode.ON_SITE,
    )
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    venue_address = models.TextField(_("venue address"), blank=True)
    stream_url = models.URLField(
        _("stream or meeting link"),
        blank=True,
        help_text=_("Where readers follow the event online."),
    )
    player_url = models.URLField(
        _("embedded player"),
        blank=True,
        validators=[validate_embed_url],
        help_text=_(
            "Optional player address (https) from an allowed video service; "
            "it loads only when the reader asks for it."
        ),
    )
    stream_note = models.CharField(
        _("stream note"),
        max_length=200,
        blank=True,
        help_text=_("For example “The stream opens at 13:15.”"),
    )

    registration_url = models.URLField(_("registration link"), blank=True)
    registration_deadline = models.DateTimeField(_("registration deadline"), null=True, blank=True)
    registration_full = models.BooleanField(
        _("fully booked"), default=False, help_text=_("Tick when no more places are left.")
    )

    event_status = models.CharField(
        _("event status"),
        max_length=20,
        choices=EventStatus.choices,
        default=EventStatus.SCHEDULED,
        db_index=True,
    )
    status_note = models.CharField(
        _("status note"),
        max_length=300,
        blank=True,
        help_text=_("Shown with a cancellation or postponement, e.g. the new date."),
    )

    organisers = models.ManyToManyField(
        "organisations.Organisation",
        blank=True,
        related_name="organised_events",
        verbose_name=_("organisers"),
    )
    contacts = models.ManyToManyField(
        "organisations.ContactPerson",
        through="EventContact",
        blank=True,
        related_name="events",
        verbose_name=_("contacts"),
    )
    related_articles = models.ManyToManyField(
        "newsroom.Article",
        blank=True,
        related_name="related_events",
        verbose_name=_("related articles"),
    )

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["start", "pk"]
        constraints = unique_slug_constraints("event")

    def get_absolute_url(self):
        return reverse("events:detail", kwargs={"slug": self.slug})

    # Time: the event's own zone.
    @property
    def zone(self):
        return ZoneInfo(self.time_zone)

    @property
    def local_start(self):
        return self.start.astimezone(self.zone)

    @property
    def local_end(self):
        return self.end.astimezone(self.zone)

    @property
    def first_day(self):
        return self.local_start.date()

    @property
    def last_day(self):
        """The last calendar day; an all-day event ends at midnight after its last day."""
        end = self.local_end
        if self.all_day:
            end -= datetime.timedelta(microseconds=1)
        return end.date()

    @property
    def is_multi_day(self):
        return self.last_day > self.first_day

    @property
    def names_zone(self):
        """Whether pages name the zone: only when it differs from the site's."""
        return not self.all_day and self.time_zone != settings.TIME_ZONE

    def is_ongoing(self, at=None):
        at = at or timezone.now()
        return self.start <= at < self.end

    def is_past(self, at=None):
        return self.end <= (at or timezone.now())

    @property
    def ongoing(self):
        return self.is_ongoing()

    @property
    def past(self):
        return self.is_past()

    # Where and how.
    @property
    def is_on_site(self):
        return self.attendance_mode in (AttendanceMode.ON_SITE, AttendanceMode.HYBRID)

    @property
    def is_online(self):
        return self.attendance_mode in (AttendanceMode.ONLINE, AttendanceMode.HYBRID)

    @property
    def is_cancelled(self):
        return self.event_status == EventStatus.CANCELLED

    @property
    def has_player(self):
        return bool(self.player_url) and is_embeddable(self.player_url)

    # Registration.
    def registration_state(self, at=None):
        """Open, full or closed; ``None`` when the event takes no registration."""
        if not self.registration_url and not self.registration_deadline:
            return None
        at = at or timezone.now()
        if self.is_cancelled or self.is_past(at):
            return RegistrationState.CLOSED
        if self.registration_deadline and self.registration_deadline <= at:
            return RegistrationState.CLOSED
        if self.registration_full:
            return RegistrationState.FULL
        return RegistrationState.OPEN

    @property
    def registration(self):
        return self.registration_state()

    def clean(self):
        errors = {}
        try:
            super().clean()
        except ValidationError as error:  # reported together with the event's own errors
            errors.update(error.message_dict)
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The event must end after it starts.")
        if self.start and self.registration_deadline and self.registration_deadline > self.start:
            errors["registration_deadline"] = _(
                "The registration deadline must be before the event starts."
            )
        if self.is_online and not self.stream_url:
            errors["stream_url"] = _(
                "An online or hybrid event needs a link where readers can follow it."
            )
        if self.is_on_site and not self.venue_name:
            errors["venue_name"] = _("An on-site or hybrid event needs a venue.")
        if errors:
            raise ValidationError(errors)


class EventContact(ContactLink):
    event = models.ForeignKey(
        Event,
        on_delete=models.CASCADE,
        related_name="event_contacts",
        verbose_name=_("event"),
    )

    class Meta(ContactLink.Meta):
        constraints = [
            models.UniqueConstraint(fields=["event", "contact"], name="event_contact_once")
        ]


class ProgrammeItem(models.Model):
    event = models.ForeignKey(
        Event,
        on_delete=models.CASCADE,
        related_name="programme_items",
        verbose_name=_("event"),
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    day = models.DateField(
        _("day"), null=True, blank=True, help_text=_("Only needed for events of several days.")
    )
    time = models.TimeField(
        _("time"), null=True, blank=True, help_text=_("In the event's time zone.")
    )
    title = models.CharField(_("title"), max_length=300)
    speakers = models.TextField(
        _("speakers"),
        blank=True,
        help_text=_("One per line: name and role, e.g. “Kari Nordmann, head of IT”."),
    )
    contact = models.ForeignKey(
        "organisations.ContactPerson",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="programme_items",
        verbose_name=_("contact person"),
        help_text=_("Optional: link the item to a contact person."),
    )

    class Meta:
        verbose_name = _("programme item")
        verbose_name_plural = _("programme")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        # An item's heading is required in its event's original language only.
        event = getattr(self, "event", None)
        language = event.original_language if event else settings.LANGUAGE_CODE
        if not getattr(self, f"title_{language}", None):
            raise ValidationError(
                {f"title_{language}": _("Required in the event's original language.")}
            )

    @property
    def speaker_lines(self):
        return [line.strip() for line in self.speakers.splitlines() if line.strip()]


def next_event_moment(at):
    """When a published event next starts, ends or closes its registration after ``at``.

    Pages showing events change then (an upcoming list, "ongoing", "registration open"), so the
    page cache and the pages' remembered values end at that moment too (``pagecache``)."""
    found = Event.objects.published().aggregate(
        start=Min("start", filter=Q(start__gt=at)),
        end=Min("end", filter=Q(end__gt=at)),
        deadline=Min("registration_deadline", filter=Q(registration_deadline__gt=at)),
    )
    return min((moment for moment in found.values() if moment is not None), default=None)
