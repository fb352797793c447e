"""The site's own pages: accessibility statement, privacy notice, about, contact."""

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from newsroom.core.i18n import get_by_translated_slug
from newsroom.core.images.views import storage_unavailable

from . import identity
from .models import Page, SiteSettings


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


def identity_css(request):
    """The site's colours as custom properties that static/css/site.css uses.

    A style sheet of its own, not an inline style: public pages keep one strict CSP.
    """
    site = SiteSettings.current()
    css = (
        f":root {{ --colour-primary: {site.primary_colour}; "
        f"--colour-accent: {site.accent_colour}; }}\n"
    )
    return HttpResponse(css, content_type="text/css; charset=utf-8")


def icon(request, size):
    """The uploaded app icon at one of the sizes browsers and phones ask for."""
    site = SiteSettings.current()
    if size not in identity.ICON_SIZES or not site.icon:
        raise Http404
    try:
        with site.icon.open("rb") as stored:
            original = stored.read()
    except FileNotFoundError:
        raise Http404 from None
    except Exception:  # the media storage is down: a short outage, not a 500
        return storage_unavailable(site.icon.name)
    data = identity.icon_png(original, size)
    return HttpResponse(data, content_type="image/png")


def manifest(request):
    """The web app manifest: name, colours and icons for a phone's home screen."""
    site = SiteSettings.current()
    icons = []
    if site.icon:
        icons = [
            {
                "src": reverse("site-icon", kwargs={"size": size}) + f"?v={site.identity_version}",
                "sizes": f"{size}x{size}",
                "type": "image/png",
            }
            for size in identity.ICON_SIZES
            if size >= 192
        ]
    data = {
        "name": site.site_name,
        "short_name": site.site_name[:30],
        "start_url": reverse("home"),
        "display": "browser",
        "theme_color": site.primary_colour,
        "background_color": "#ffffff",
        "icons": icons,
    }
    return JsonResponse(data, content_type="application/manifest+json")
