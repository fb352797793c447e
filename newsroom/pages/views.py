"""The site's own pages: accessibility statement, privacy notice, about, contact."""

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from newsroom.core.i18n import get_by_translated_slug

from .models import Page


def index(request):
    return render(
        request,
        "pages/index.html",
        {
            "page_title": _("About this website"),
            "breadcrumbs": [],
            "pages": Page.objects.published(),
        },
    )


def detail(request, slug):
    page = get_by_translated_slug(Page.objects.published(), slug)
    return render(
        request,
        "pages/detail.html",
        {
            "object": page,
            "page_title": page.title,
            "breadcrumbs": [(_("About this website"), reverse("pages:index"))],
        },
    )
