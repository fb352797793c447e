"""News pages, mounted at the translated word for "news/" inside ``i18n_patterns``."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import feeds, views

app_name = "news"

urlpatterns = [
    path("", views.article_list, name="list"),
    path(_("feed/rss/"), feeds.ArticlesFeed(), name="rss"),
    path(_("feed/atom/"), feeds.ArticlesAtomFeed(), name="atom"),
    path(_("topics/<slug:slug>/"), views.topic_detail, name="topic"),
    path(_("topics/<slug:slug>/feed/rss/"), feeds.TopicFeed(), name="topic_rss"),
    path(_("topics/<slug:slug>/feed/atom/"), feeds.TopicAtomFeed(), name="topic_atom"),
    path(
        _("organisations/<slug:slug>/feed/rss/"),
        feeds.OrganisationFeed(),
        name="organisation_rss",
    ),
    path(
        _("organisations/<slug:slug>/feed/atom/"),
        feeds.OrganisationAtomFeed(),
        name="organisation_atom",
    ),
    path("<slug:slug>/", views.article_detail, name="detail"),
]
