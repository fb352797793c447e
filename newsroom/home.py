"""The home page: the latest published content of every kind."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from .news.models import Article
from .news.views import feed_links

LATEST_ARTICLES = 6


def home(request):
    return render(
        request,
        "home.html",
        {
            "breadcrumbs": [],
            "page_title": _("Home"),
            "latest_articles": Article.objects.published().for_list()[:LATEST_ARTICLES],
            "feeds": feed_links(),
        },
    )
