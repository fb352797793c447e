"""Sitemap bases: every page in each language it exists in, with hreflang alternates."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .i18n import language_codes


class TranslatedSitemap(Sitemap):
    """Objects in the languages they are written in (``available_languages``), not in the
    fallback languages they can also be read in."""

    i18n = True
    alternates = True
    x_default = True

    def get_languages_for_item(self, item):
        available = getattr(item, "available_languages", None)
        return available if available is not None else language_codes()


class ListSitemap(TranslatedSitemap):
    """List pages, named by URL name in ``url_names``; they exist in every language."""

    changefreq = "daily"
    url_names = ()

    def items(self):
        return list(self.url_names)

    def location(self, item):
        return reverse(item)
