"""Pages name what they show in Surrogate-Key; a change bans exactly those tags, retried."""

import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.urls import reverse

from newsroom.core import httpcache
from newsroom.core.publishing import Status
from tests.newsroom.news.factories import ArticleFactory
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db(transaction=True)


class Recorder(BaseHTTPRequestHandler):
    """A stand-in for Varnish's ban endpoint: notes each BAN's tags, answers ``status``."""

    def do_BAN(self):  # the method http.server calls for BAN
        self.server.bans.append(set(self.headers["Surrogate-Key"].split()))
        self.send_response(self.server.status)
        self.send_header("Content-Length", "0")
        self.end_headers()
        self.server.received.set()

    def log_message(self, *args):
        pass


@pytest.fixture
def cache_in_front(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    server.bans, server.status, server.received = [], 200, threading.Event()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.PAGE_CACHE_SECONDS = 300
    settings.HTTP_CACHE_PURGE_URLS = [f"http://127.0.0.1:{server.server_address[1]}/"]
    yield server
    server.shutdown()
    server.server_close()


def banned(server):
    assert server.received.wait(10), "no ban arrived"
    server.received.clear()
    return server.bans[-1]


def tags(response):
    return set(response["Surrogate-Key"].split())


def test_a_page_names_the_objects_it_shows_and_their_models(client, cache_in_front):
    shown = ArticleFactory(title_sv="Stormen")
    other = ArticleFactory(title_sv="Annat")
    page = tags(client.get(shown.get_absolute_url()))
    listing = tags(client.get(reverse("home")))

    assert {"newsroom_article", f"newsroom_article-{shown.pk}"} <= page
    assert f"organisations_organisation-{shown.organisation_id}" in page
    assert f"newsroom_article-{other.pk}" not in page
    assert {f"newsroom_article-{shown.pk}", f"newsroom_article-{other.pk}"} <= listing


def test_editing_bans_the_pages_showing_it_and_publishing_bans_the_lists(cache_in_front):
    article = ArticleFactory(title_sv="Stormen")
    banned(cache_in_front)  # new: every page listing articles

    article.title_sv = "Stormen drar in"
    article.save()
    edited = banned(cache_in_front)
    assert f"newsroom_article-{article.pk}" in edited
    assert f"organisations_organisation-{article.organisation_id}" in edited
    assert "newsroom_article" not in edited  # still published: the lists need not change

    article.status = Status.DRAFT
    article.save()
    assert "newsroom_article" in banned(cache_in_front)


def test_a_change_to_a_model_without_a_publishing_rule_bans_its_lists(cache_in_front):
    organisation = OrganisationFactory()
    banned(cache_in_front)
    organisation.name_sv = "Nytt namn"
    organisation.save()

    assert {"organisations_organisation", f"organisations_organisation-{organisation.pk}"} <= (
        banned(cache_in_front)
    )


def test_a_refused_ban_is_retried_and_logged(cache_in_front, caplog):
    cache_in_front.status = 503
    with caplog.at_level(logging.WARNING, logger="newsroom.core.httpcache"):
        assert not httpcache.purge({"newsroom_article-1"}, delays=(0, 0))
    assert len(cache_in_front.bans) == 3
    messages = [record.getMessage() for record in caplog.records]
    assert sum("Could not purge the HTTP cache" in m for m in messages) == 2
    assert "Gave up purging newsroom_article-1" in messages[-1]
    assert "max-age" in messages[-1]


def test_an_unreachable_cache_is_logged_not_raised(settings, caplog):
    settings.HTTP_CACHE_PURGE_URLS = ["http://127.0.0.1:9/"]
    with caplog.at_level(logging.ERROR, logger="newsroom.core.httpcache"):
        assert not httpcache.purge({"pages_page-1"}, delays=())
    assert "Gave up purging pages_page-1" in caplog.text


def test_without_purge_urls_pages_carry_no_tags(client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.HTTP_CACHE_PURGE_URLS = []
    article = ArticleFactory()
    assert "Surrogate-Key" not in client.get(article.get_absolute_url())


def test_a_page_showing_very_many_objects_names_their_models_only():
    value = httpcache.header_value({f"newsroom_article-{n}" for n in range(1000)})
    assert value == "newsroom_article newsroom_article-any"


def test_a_remembered_value_keeps_its_tags_for_every_page_that_uses_it():
    with httpcache.tagging() as page:
        with httpcache.tagging() as computed:
            httpcache.note({"pages_sitesettings-1"})
        assert computed == {"pages_sitesettings-1"}
        httpcache.note({"pages_page-4"})
    assert page == {"pages_sitesettings-1", "pages_page-4"}
    httpcache.note({"outside-1"})  # outside a page: nothing to tag, no error
