"""Sitemap entries for events in the languages they are written in, and the event lists."""

from newsroom.core.sitemaps import ListSitemap, TranslatedSitemap

from .models import Event


class EventSitemap(TranslatedSitemap):
    changefreq = "weekly"

    def items(self):
        return Event.objects.published().order_by("pk")

    def lastmod(self, item):
        return item.updated_at or item.modified


class EventListSitemap(ListSitemap):
    url_names = ["events:list", "events:past"]
