"""RSS 2.0 and Atom feeds of published articles: all, per topic and per organisation.

The feeds live under the language prefix, so each language has its own (``/en/news/feed/rss/``).
"""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from newsroom.core.i18n import get_by_translated_slug
from organisations.models import Organisation

from .models import Article, Topic

FEED_SIZE = 20


class ArticlesFeed(Feed):
    # Every method takes ``obj``: Feed passes it to methods with two arguments (topic feeds).
    def title(self, obj=None):
        return _("News")

    def description(self, obj=None):
        return _("The latest published news, blog posts, press releases and reports.")

    def link(self, obj=None):
        return reverse("news:list")

    def feed_url(self, obj=None):
        return reverse("news:rss")

    def items(self, obj=None):
        return Article.objects.published().for_feed()[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.description

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.publish_at

    def item_updateddate(self, item):
        return item.last_updated or item.publish_at

    def item_author_name(self, item):
        return item.guest_author_name or item.organisation.name

    def item_categories(self, item):
        return [item.get_kind_display()]


class AtomMixin:
    feed_type = Atom1Feed

    def subtitle(self, obj=None):
        return self.description(obj)


class ArticlesAtomFeed(AtomMixin, ArticlesFeed):
    def feed_url(self, obj=None):
        return reverse("news:atom")


class TopicFeed(ArticlesFeed):
    def get_object(self, request, slug):
        return get_by_translated_slug(Topic.objects.all(), slug)

    def title(self, topic):
        return _("News about %(topic)s") % {"topic": topic.name}

    def description(self, topic):
        return topic.description or self.title(topic)

    def link(self, topic):
        return topic.get_absolute_url()

    def feed_url(self, topic):
        return reverse("news:topic_rss", kwargs={"slug": topic.slug})

    def items(self, topic):
        return Article.objects.published().filter(topics=topic).for_feed()[:FEED_SIZE]


class TopicAtomFeed(AtomMixin, TopicFeed):
    def feed_url(self, topic):
        return reverse("news:topic_atom", kwargs={"slug": topic.slug})


class OrganisationFeed(ArticlesFeed):
    def get_object(self, request, slug):
        return get_by_translated_slug(Organisation.objects.all(), slug)

    def title(self, organisation):
        return _("News from %(organisation)s") % {"organisation": organisation.name}

    def description(self, organisation):
        return self.title(organisation)

    def link(self, organisation):
        return organisation.get_absolute_url()

    def feed_url(self, organisation):
        return reverse("news:organisation_rss", kwargs={"slug": organisation.slug})

    def items(self, organisation):
        return Article.objects.published().filter(organisation=organisation).for_feed()[:FEED_SIZE]


class OrganisationAtomFeed(AtomMixin, OrganisationFeed):
    def feed_url(self, organisation):
        return reverse("news:organisation_atom", kwargs={"slug": organisation.slug})
