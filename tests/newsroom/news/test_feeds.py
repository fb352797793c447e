import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from tests.newsroom.news.factories import (
    ArticleFactory,
    OrganisationFactory,
    TopicFactory,
    draft,
    expired,
    scheduled,
)

pytestmark = pytest.mark.django_db


def feed_urls(topic, organisation, language="sv"):
    with translation.override(language):
        return [
            reverse("news:rss"),
            reverse("news:atom"),
            reverse("news:topic_rss", kwargs={"slug": topic.slug}),
            reverse("news:topic_atom", kwargs={"slug": topic.slug}),
            reverse("news:organisation_rss", kwargs={"slug": organisation.slug}),
            reverse("news:organisation_atom", kwargs={"slug": organisation.slug}),
        ]


@pytest.mark.parametrize("language", ["sv", "nb", "nn", "en"])
def test_feeds_are_valid_and_show_only_published_articles(client, language):
    topic = TopicFactory()
    organisation = OrganisationFactory()
    visible = ArticleFactory(topics=[topic], organisation=organisation, title_en="Visible")
    hidden = [
        maker(topics=[topic], organisation=organisation) for maker in (draft, scheduled, expired)
    ]
    for url in feed_urls(topic, organisation, language):
        response = client.get(url)
        assert response.status_code == 200, url
        assert not response.cookies
        feed = feedparser.parse(response.content)
        assert feed.bozo == 0, (url, feed.get("bozo_exception"))
        assert feed.version in {"rss20", "atom10"}
        titles = [entry.title for entry in feed.entries]
        with translation.override(language):
            assert titles == [visible.title], url
        assert all(article.title_sv not in titles for article in hidden)
        assert feed.entries[0].link.endswith(visible_url(visible, language))


def visible_url(article, language):
    with translation.override(language):
        return article.get_absolute_url()


def test_topic_and_organisation_feeds_are_filtered(client):
    topic = TopicFactory()
    organisation = OrganisationFactory()
    ArticleFactory(title_sv="Utan ämne")
    on_topic = ArticleFactory(topics=[topic])
    from_org = ArticleFactory(organisation=organisation)
    urls = feed_urls(topic, organisation)
    assert [e.title for e in feedparser.parse(client.get(urls[2]).content).entries] == [
        on_topic.title_sv
    ]
    assert [e.title for e in feedparser.parse(client.get(urls[5]).content).entries] == [
        from_org.title_sv
    ]


def test_list_and_article_link_their_feeds(client):
    article = ArticleFactory()
    for url in [reverse("news:list"), article.get_absolute_url(), "/"]:
        content = client.get(url).content.decode()
        assert '<link rel="alternate" type="application/rss+xml"' in content
        assert f'href="{reverse("news:rss")}"' in content
        assert '<link rel="alternate" type="application/atom+xml"' in content


def queries(client, url):
    client.get(url)  # warm per-process caches so only the feed is counted
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_feed_query_count_is_constant(client):
    topic = TopicFactory()
    organisation = OrganisationFactory()
    ArticleFactory.create_batch(2, topics=[topic], organisation=organisation)
    urls = feed_urls(topic, organisation)
    few = [queries(client, url) for url in urls]
    ArticleFactory.create_batch(8, topics=[topic], organisation=organisation)
    assert [queries(client, url) for url in urls] == few


@pytest.mark.parametrize("slug", ["nope", "x" * 300])
def test_unknown_feed_objects_are_404(client, slug):
    assert client.get(reverse("news:topic_rss", kwargs={"slug": slug})).status_code == 404
    assert client.get(reverse("news:organisation_rss", kwargs={"slug": slug})).status_code == 404


def test_organisation_page_links_its_feeds_and_lists_its_articles(client):
    organisation = OrganisationFactory()
    article = ArticleFactory(organisation=organisation)
    draft(organisation=organisation, title_sv="Ej publicerad")
    content = client.get(organisation.get_absolute_url()).content.decode()
    rss = reverse("news:organisation_rss", kwargs={"slug": organisation.slug})
    assert '<link rel="alternate" type="application/rss+xml"' in content
    assert f'href="{rss}"' in content
    assert article.title_sv in content
    assert "Ej publicerad" not in content
