from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin

from .models import SiteSettings


@admin.register(SiteSettings)
class SiteSettingsAdmin(TabbedTranslationAdmin):
    list_display = ["site_name", "publisher_name", "email"]

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not SiteSettings.objects.exists()
