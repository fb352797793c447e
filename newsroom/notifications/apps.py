from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "newsroom.notifications"
    label = "notifications"
    verbose_name = _("E-mail notifications")

    def ready(self):
        from django.contrib import admin

        from .admin import PreferenceAdmin
        from .models import Preference

        admin.site.register(Preference, PreferenceAdmin)
