from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from newsroom.core.original_language_admin import OriginalLanguageAdmin
from newsroom.editorial.admin.working_copies import WorkingCopyAdmin

from .models import Page, SiteSettings


@admin.register(SiteSettings)
class SiteSettingsAdmin(TabbedTranslationAdmin):
    list_display = ["site_name", "publisher_name", "email"]

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
