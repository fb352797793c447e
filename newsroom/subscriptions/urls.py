from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "subscriptions"
urlpatterns = [
    path("", views.subscribe, name="subscribe"),
    path(_("sent/"), views.sent, name="sent"),
    path(_("confirm/<str:token>/"), views.confirm, name="confirm"),
    path(_("change/<str:token>/"), views.change, name="change"),
    path(_("unsubscribe/<str:token>/"), views.unsubscribe, name="unsubscribe"),
]
