from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline

from newsroom.core.original_language_admin import OriginalLanguageAdmin
from newsroom.editorial.admin.working_copies import WorkingCopyAdmin

from .forms import SiteSettingsForm
from .models import Page, SiteLink, SiteSettings


class SiteLinkInline(TranslationStackedInline):
    model = SiteLink
    extra = 1
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fields = ["group", "label", "url", "position"]


@admin.register(SiteSettings)
class SiteSettingsAdmin(TabbedTranslationAdmin):
    """The site's name and identity: every change shows on the public pages at once."""

    form = SiteSettingsForm
    inlines = [SiteLinkInline]
    list_display = ["site_name", "publisher_name", "email"]
    fieldsets = [
        (None, {"fields": ["site_name", "tagline"]}),
        (
            _("Identity"),
            {
                "fields": ["logo", "logo_includes_name", "primary_colour", "accent_colour", "icon"],
                "description": _(
                    "Colours are checked for WCAG AA contrast against the text and backgrounds "
                    "they are used with, in light and dark mode."
                ),
            },
        ),
        (
            _("Publisher, shown in the footer"),
            {
                "fields": [
                    "publisher_name",
                    "postal_address",
                    "visiting_address",
                    "phone",
                    "email",
                    "organisation_number",
                ]
            },
        ),
    ]

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not SiteSettings.objects.exists()


@admin.register(Page)
class PageAdmin(OriginalLanguageAdmin, WorkingCopyAdmin, TabbedTranslationAdmin):
    list_display = ["title", "kind", "publication_state", "show_in_footer", "position", "modified"]
    list_filter = ["kind", "status", "show_in_footer"]
    list_editable = ["show_in_footer", "position"]
    search_fields = ["title", "lead"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["created", "modified"]
    fieldsets = [
        (None, {"fields": ["original_language", "kind", "title", "slug", "lead", "body"]}),
        (
            _("Publishing"),
            {"fields": ["status", "publish_at", "unpublish_at", "updated_at", "review_by"]},
        ),
        (_("Footer"), {"fields": ["show_in_footer", "position"]}),
        (None, {"fields": ["created", "modified"]}),
    ]
