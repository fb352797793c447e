"""Sitemap entries for events in the languages they are written in, and the event lists."""

from django.urls import reverse

from newsroom.sitemaps import TranslatedSitemap

from .models import Event


class EventSitemap(TranslatedSitemap):
    changefreq = "weekly"

    def items(self):
        return Event.objects.published().order_by("pk")

    def lastmod(self, item):
        return item.updated_at or item.modified


class EventListSitemap(TranslatedSitemap):
    changefreq = "daily"

    def items(self):
        return ["events:list", "events:past"]

    def location(self, item):
        return reverse(item)
