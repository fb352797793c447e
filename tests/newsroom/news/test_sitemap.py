from xml.etree import ElementTree

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from tests.newsroom.news.factories import ArticleFactory, TopicFactory, draft, expired, scheduled

pytestmark = pytest.mark.django_db

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert not response.cookies
    return ElementTree.fromstring(response.content)


def locations(root):
    return [loc.text for loc in root.findall("sm:url/sm:loc", NS)]


def absolute(article_or_topic, language):
    with translation.override(language):
        return "http://testserver" + article_or_topic.get_absolute_url()


def test_sitemap_lists_published_articles_in_their_languages_with_alternates(client):
    topic = TopicFactory()
    both = ArticleFactory(topics=[topic])  # sv and en
    swedish_only = ArticleFactory(title_en="", slug_en="")
    hidden = [draft(), scheduled(), expired()]
    root = sitemap(client)
    locs = locations(root)
    assert absolute(both, "sv") in locs
    assert absolute(both, "en") in locs
    assert absolute(swedish_only, "sv") in locs
    assert absolute(swedish_only, "en") not in locs
    for article in hidden:
        assert all(article.slug_sv not in loc for loc in locs)
    assert absolute(topic, "sv") in locs

    entry = next(
        url
        for url in root.findall("sm:url", NS)
        if url.find("sm:loc", NS).text == absolute(both, "sv")
    )
    links = {link.get("hreflang"): link.get("href") for link in entry.findall("xhtml:link", NS)}
    assert links["sv"] == absolute(both, "sv")
    assert links["en"] == absolute(both, "en")
    assert "nb" not in links
    assert links["x-default"] == absolute(both, "sv")


def test_news_list_is_in_the_sitemap_in_every_language(client):
    locs = locations(sitemap(client))
    for language in ["sv", "nb", "nn", "en"]:
        with translation.override(language):
            assert "http://testserver" + reverse("news:list") in locs


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /admin/" in text
    assert "Disallow: /en/preview/" in text


def sitemap_queries(client):
    client.get("/sitemap.xml")
    with CaptureQueriesContext(connection) as captured:
        client.get("/sitemap.xml")
    return len(captured)


def test_sitemap_query_count_is_constant(client):
    topic = TopicFactory()
    ArticleFactory.create_batch(2, topics=[topic])
    few = sitemap_queries(client)
    ArticleFactory.create_batch(8, topics=[topic, TopicFactory()])
    assert sitemap_queries(client) == few
