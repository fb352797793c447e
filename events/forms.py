"""Forms: the admin form that reads times in the event's zone, and the public list filter."""

import datetime
import re
from zoneinfo import ZoneInfo

from django import forms
from django.contrib.admin import widgets
from django.utils.translation import gettext_lazy as _

from .models import AttendanceMode, Event

# Fields entered as wall-clock times in the event's zone rather than the site's.
LOCAL_TIME_FIELDS = ("start", "end", "registration_deadline")


class WallClockField(forms.SplitDateTimeField):
    """A date and an optional time of day, returned naive: the form applies the event's zone."""

    def __init__(self, **kwargs):
        super().__init__(require_all_fields=False, widget=widgets.AdminSplitDateTime, **kwargs)
        self.fields[1].required = False

    def compress(self, data_list):
        if not data_list or data_list[0] is None:
            return None
        day, time = data_list
        return datetime.datetime.combine(day, time or datetime.time())


def is_imaginary(naive, zone):
    """Whether the wall-clock time is skipped when the clocks go forward in ``zone``."""
    aware = naive.replace(tzinfo=zone)
    round_trip = aware.astimezone(datetime.UTC).astimezone(zone).replace(tzinfo=None)
    return round_trip != naive


class EventAdminForm(forms.ModelForm):
    start = WallClockField(label=_("start"))
    end = WallClockField(
        label=_("end"),
        required=False,
        help_text=_("For an all-day event, the last day (empty: the same day)."),
    )
    registration_deadline = WallClockField(label=_("registration deadline"), required=False)

    class Meta:
        model = Event
        # The admin adds the rest of its fieldsets; these are the ones this form converts.
        fields = ["time_zone", "all_day", *LOCAL_TIME_FIELDS]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = self.instance
        if instance.pk:
            zone = instance.zone
            for name in LOCAL_TIME_FIELDS:
                value = getattr(instance, name)
                if value is not None:
                    self.initial[name] = value.astimezone(zone).replace(tzinfo=None)
            if instance.all_day:
                self.initial["end"] = datetime.datetime.combine(instance.last_day, datetime.time())

    def clean(self):
        cleaned = super().clean()
        name = cleaned.get("time_zone")
        if not name:
            return cleaned  # the field reports the unknown zone; times cannot be read without it
        zone = ZoneInfo(name)
        start, end = cleaned.get("start"), cleaned.get("end")
        if cleaned.get("all_day") and start:
            start = datetime.datetime.combine(start.date(), datetime.time())
            last_day = end.date() if end else start.date()
            end = datetime.datetime.combine(last_day + datetime.timedelta(days=1), datetime.time())
            cleaned["start"], cleaned["end"] = start, end
        elif start and end is None and "end" not in self.errors:
            self.add_error("end", _("Give the time the event ends."))
        for field in LOCAL_TIME_FIELDS:
            value = cleaned.get(field)
            if value is None:
                continue
            if is_imaginary(value, zone):
                self.add_error(
                    field,
                    _("%(time)s does not exist in %(zone)s: the clocks go forward then.")
                    % {"time": value.strftime("%H:%M"), "zone": name},
                )
                continue
            # An hour that happens twice when the clocks go back is read as the first one.
            cleaned[field] = value.replace(tzinfo=zone, fold=0)
        return cleaned


MONTH_PATTERN = re.compile(r"\d{4}-\d{2}")


class EventFilterForm(forms.Form):
    """The GET filter of the public lists. Invalid values are reported and ignored."""

    organisation = forms.TypedChoiceField(
        label=_("Organisation"), required=False, coerce=int, empty_value=None
    )
    mode = forms.ChoiceField(
        label=_("Attendance"),
        choices=[("", _("All")), *AttendanceMode.choices],
        required=False,
    )
    month = forms.CharField(
        label=_("Month"),
        required=False,
        max_length=7,
        help_text=_("Year and month, e.g. 2026-09."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "placeholder": "2026-09"}),
    )

    def __init__(self, *args, organisations, **kwargs):
        """``organisations``: the ones the filter offers, in the order shown."""
        super().__init__(*args, **kwargs)
        self.organisations = {organisation.pk: organisation for organisation in organisations}
        # A callable, read only when the form is drawn or a value is checked: the list grows
        # with the content, and a page drawn before is remembered (``{% remembered %}``).
        self.fields["organisation"].choices = lambda: [
            ("", _("All organisations")),
            *((pk, organisation.name) for pk, organisation in self.organisations.items()),
        ]

    def clean_organisation(self):
        pk = self.cleaned_data["organisation"]
        return None if pk is None else self.organisations[pk]

    def clean_month(self):
        value = self.cleaned_data["month"].strip()
        if not value:
            return None
        if not MONTH_PATTERN.fullmatch(value):
            raise forms.ValidationError(_("Write the month as year and month, e.g. 2026-09."))
        year, month = int(value[:4]), int(value[5:])
        if not (1 <= month <= 12 and 1900 <= year <= 2999):
            raise forms.ValidationError(_("There is no such month."))
        return (year, month)

    def filter(self, queryset):
        """Apply the valid filters to ``queryset``."""
        self.is_valid()  # cleaned_data then holds only the fields that passed validation
        valid = {name: value for name, value in self.cleaned_data.items() if value}
        if "organisation" in valid:
            queryset = queryset.for_organisation(valid["organisation"])
        if "mode" in valid:
            queryset = queryset.filter(attendance_mode=valid["mode"])
        if "month" in valid:
            queryset = queryset.in_month(*valid["month"])
        return queryset
