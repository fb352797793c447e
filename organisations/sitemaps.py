"""Sitemap entries for the directory and each active organisation, in their languages."""

from newsroom.core.sitemaps import ListSitemap, TranslatedSitemap

from .models import Organisation


class OrganisationSitemap(TranslatedSitemap):
    changefreq = "monthly"

    def items(self):
        return Organisation.objects.active().order_by("pk")


class DirectorySitemap(ListSitemap):
    changefreq = "weekly"
    url_names = ["organisations:list"]
