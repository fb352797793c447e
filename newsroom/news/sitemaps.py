"""Sitemaps of the news pages: the list, each published article and each topic in use."""

from newsroom.core.sitemaps import ListSitemap, TranslatedSitemap

from .models import Article, Topic


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


class NewsListSitemap(ListSitemap):
    url_names = ["news:list"]
