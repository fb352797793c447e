from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "events"

urlpatterns = [
    path("", views.event_list, name="list"),
    path(_("past/"), views.event_past, name="past"),
    path(_("calendar/events.ics"), views.calendar_feed, name="feed"),
    path("<slug:slug>.ics", views.event_ics, name="ics"),
    path("<slug:slug>/", views.event_detail, name="detail"),
]
