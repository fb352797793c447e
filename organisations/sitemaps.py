"""Sitemap entries for the directory and each active organisation, in the languages they exist in.

Organisations sit below the news app, so this does not reuse its sitemap base class.
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Organisation


class OrganisationSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"

    def items(self):
        return Organisation.objects.active().order_by("pk")

    def get_languages_for_item(self, item):
        return item.available_languages


class DirectorySitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "weekly"

    def items(self):
        return ["organisations:list"]

    def location(self, item):
        return reverse(item)
