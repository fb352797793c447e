"""Sitemaps of the news pages in every language, with hreflang alternates, and robots.txt.

Each article and topic is listed in the languages it is written in (``available_languages``),
not in the fallback languages it can also be read in.
"""

from django.contrib.sitemaps import Sitemap
from django.http import HttpResponse
from django.urls import reverse

from newsroom.i18n import language_codes

from .models import Article, Topic


class TranslatedSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def get_languages_for_item(self, item):
        available = getattr(item, "available_languages", None)
        return available if available is not None else language_codes()


class ArticleSitemap(TranslatedSitemap):
    changefreq = "monthly"

    def items(self):
        return Article.objects.published().order_by("pk")

    def lastmod(self, item):
        return item.last_updated or item.publish_at


class TopicSitemap(TranslatedSitemap):
    changefreq = "weekly"

    def items(self):
        return (
            Topic.objects.filter(articles__in=Article.objects.published()).distinct().order_by("pk")
        )


class NewsListSitemap(TranslatedSitemap):
    changefreq = "daily"

    def items(self):
        return ["news:list"]

    def location(self, item):
        return reverse(item)


def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/"]
    lines += [
        f"Disallow: {prefix}/preview/" for prefix in ["", *(f"/{c}" for c in language_codes()[1:])]
    ]
    lines += [f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
