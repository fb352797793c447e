from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from newsroom.core import pagecache, preview

        from .models import Event, next_event_moment
        from .views import render_event

        preview.register(Event, render_event)
        pagecache.schedule_moments(next_event_moment)
