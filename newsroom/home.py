"""The home page: the latest published content of every kind."""

from django.shortcuts import render
from django.utils.translation import gettext as _


def home(request):
    return render(
        request,
        "home.html",
        {"breadcrumbs": [], "page_title": _("Home")},
    )
