from django.contrib import admin, messages
from django.db import models
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline

from newsroom.core.original_language_admin import OptionalTranslationsMixin, OriginalLanguageAdmin
from newsroom.editorial.admin.publishing import (
    HISTORY_FIELDSET,
    PUBLISHING_FIELDSET,
    EditorialAdmin,
)
from newsroom.editorial.admin.scoping import ScopedChoicesMixin
from organisations.admin import ContactLinkInline

from . import services
from .forms import EventAdminForm
from .models import Event, EventContact, ProgrammeItem


class ProgrammeItemInline(OptionalTranslationsMixin, ScopedChoicesMixin, TranslationStackedInline):
    model = ProgrammeItem
    extra = 0
    ordering = ["position", "pk"]
    fields = [("position", "day", "time"), "title", "speakers", "contact"]
    autocomplete_fields = ["contact"]


class EventContactInline(ContactLinkInline):
    model = EventContact


class WhenFilter(admin.SimpleListFilter):
    title = _("when")
    parameter_name = "when"

    def lookups(self, request, model_admin):
        return [("upcoming", _("Upcoming and ongoing")), ("past", _("Past"))]

    def queryset(self, request, queryset):
        if self.value() == "upcoming":
            return queryset.upcoming()
        if self.value() == "past":
            return queryset.past()
        return queryset


@admin.register(Event)
class EventAdmin(OriginalLanguageAdmin, EditorialAdmin, TabbedTranslationAdmin):
    form = EventAdminForm
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    inlines = [EventContactInline, ProgrammeItemInline]
    list_display = [
        "title",
        "local_start_display",
        "attendance_mode",
        "event_status",
        "status",
        "organisation",
    ]
    list_filter = [
        WhenFilter,
        "attendance_mode",
        "event_status",
        ("organisation", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["organisation"]
    date_hierarchy = "start"
    search_fields = ["title_sv", "title_nb", "title_nn", "title_en", "venue_name"]
    ordering = ["-start"]
    autocomplete_fields = [
        "organisation",
        "organisers",
        "page_owner",
        "image",
        "related_articles",
    ]
    actions = ["copy_as_drafts"]
    fieldsets = [
        (None, {"fields": ["original_language", "title", "slug", "lead", "body", "image"]}),
        (
            _("Time"),
            {
                "fields": ["time_zone", "start", "end", "all_day"],
                "description": _(
                    "Enter times as they are on the clock where the event takes place "
                    "(its time zone)."
                ),
            },
        ),
        (_("Status"), {"fields": ["event_status", "status_note"]}),
        (
            _("Place"),
            {
                "fields": [
                    "attendance_mode",
                    "venue_name",
                    "venue_address",
                    "stream_url",
                    "player_url",
                    "stream_note",
                ]
            },
        ),
        (
            _("Registration"),
            {"fields": ["registration_url", "registration_deadline", "registration_full"]},
        ),
        (
            _("Organisers and contacts"),
            {"fields": ["organisation", "organisers", "page_owner"]},
        ),
        (_("Related content"), {"fields": ["related_articles"]}),
        PUBLISHING_FIELDSET,
        HISTORY_FIELDSET,
    ]

    @admin.display(description=_("start"), ordering="start")
    def local_start_display(self, obj):
        if obj.all_day:
            return formats.date_format(obj.local_start, "SHORT_DATE_FORMAT")
        text = formats.date_format(obj.local_start, "SHORT_DATETIME_FORMAT")
        return f"{text} ({obj.time_zone})" if obj.names_zone else text

    @admin.action(description=_("Copy the selected events as new drafts"), permissions=["add"])
    def copy_as_drafts(self, request, queryset):
        copies = [services.event_copy(event) for event in queryset]
        self.message_user(
            request,
            ngettext(
                "%(count)d draft copy made. Change its dates before publishing.",
                "%(count)d draft copies made. Change their dates before publishing.",
                len(copies),
            )
            % {"count": len(copies)},
            messages.SUCCESS,
        )
