"""robots.txt: everything but the admin and preview links, and where the sitemap is."""

from django.http import HttpResponse
from django.urls import reverse

from newsroom.core.i18n import language_codes


def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/"]
    lines += [
        f"Disallow: {prefix}/preview/" for prefix in ["", *(f"/{c}" for c in language_codes()[1:])]
    ]
    lines += [f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
