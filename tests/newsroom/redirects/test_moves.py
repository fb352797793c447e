import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.translation import override

from newsroom.core.publishing import Status
from newsroom.redirects.models import Redirect
from tests.events.factories import EventFactory
from tests.newsroom.news.factories import ArticleFactory, TopicFactory
from tests.newsroom.pages.factories import PageFactory
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def url_in(obj, language):
    obj.refresh_from_db()
    with override(language):
        return obj.get_absolute_url()


def rename(obj, **slugs):
    for field, value in slugs.items():
        setattr(obj, field, value)
    obj.save()


def test_an_articles_old_address_answers_301_to_the_new_one_in_every_language(client):
    article = ArticleFactory(slug_sv="gammal", slug_en="old")
    old_sv, old_en = url_in(article, "sv"), url_in(article, "en")
    rename(article, slug_sv="ny", slug_en="new")

    response = client.get(old_sv)
    assert response.status_code == 301
    assert response["Location"] == url_in(article, "sv") == "/nyheter/ny/"
    response = client.get(old_en)
    assert response.status_code == 301
    assert response["Location"] == url_in(article, "en")
    assert client.get(response["Location"]).status_code == 200


def test_a_language_without_its_own_slug_moves_with_the_one_it_falls_back_to(client):
    article = ArticleFactory(slug_sv="gammal", title_nb="", title_nn="", title_en="")
    old_nn = url_in(article, "nn")
    assert client.get(old_nn).status_code == 200
    rename(article, slug_sv="ny")
    response = client.get(old_nn)
    assert response.status_code == 301
    assert response["Location"] == url_in(article, "nn")


def test_every_earlier_address_leads_straight_to_the_current_one(client):
    event = EventFactory(slug_sv="forsta")
    first = url_in(event, "sv")
    rename(event, slug_sv="andra")
    second = url_in(event, "sv")
    rename(event, slug_sv="tredje")
    current = url_in(event, "sv")

    for old in (first, second):
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, current)


def test_an_address_renamed_back_answers_again_and_the_others_lead_to_it(client):
    article = ArticleFactory(slug_sv="a")
    first = url_in(article, "sv")
    rename(article, slug_sv="b")
    second = url_in(article, "sv")
    rename(article, slug_sv="a")

    assert client.get(first).status_code == 200
    assert not Redirect.objects.filter(old_path=first).exists()
    response = client.get(second)
    assert (response.status_code, response["Location"]) == (301, first)


def test_an_address_taken_by_another_page_shows_that_page():
    first = ArticleFactory(slug_sv="delad")
    old = url_in(first, "sv")
    rename(first, slug_sv="flyttad")
    second = ArticleFactory(slug_sv="delad")
    assert url_in(second, "sv") == old
    assert not Redirect.objects.filter(old_path=old).exists()


@pytest.mark.parametrize(
    "unpublish",
    [
        {"status": Status.UNPUBLISHED},
        {"status": Status.DRAFT},
    ],
)
def test_an_unpublished_pages_old_addresses_answer_404_like_the_page(client, unpublish):
    article = ArticleFactory(slug_sv="gammal")
    old = url_in(article, "sv")
    rename(article, slug_sv="ny")
    assert client.get(old).status_code == 301
    rename(article, **unpublish)
    assert client.get(url_in(article, "sv")).status_code == 404
    assert client.get(old).status_code == 404
    rename(article, status=Status.PUBLISHED)
    assert client.get(old).status_code == 301


def test_a_deleted_pages_old_addresses_are_forgotten(client):
    article = ArticleFactory(slug_sv="gammal")
    old = url_in(article, "sv")
    rename(article, slug_sv="ny")
    article.delete()
    assert client.get(old).status_code == 404
    assert not Redirect.objects.exists()


def test_an_inactive_organisations_old_address_answers_404(client):
    organisation = OrganisationFactory(slug_sv="gamla-namnet")
    old = url_in(organisation, "sv")
    rename(organisation, slug_sv="nya-namnet")
    response = client.get(old)
    assert (response.status_code, response["Location"]) == (301, url_in(organisation, "sv"))
    rename(organisation, is_active=False)
    assert client.get(old).status_code == 404


def test_topics_and_site_pages_keep_their_old_addresses(client):
    topic = TopicFactory(slug_sv="gammalt-amne")
    page = PageFactory(slug_sv="gammal-sida")
    old_topic, old_page = url_in(topic, "sv"), url_in(page, "sv")
    rename(topic, slug_sv="nytt-amne")
    rename(page, slug_sv="ny-sida")
    assert client.get(old_topic)["Location"] == url_in(topic, "sv")
    assert client.get(old_page)["Location"] == url_in(page, "sv")


def test_the_query_string_is_kept(client):
    article = ArticleFactory(slug_sv="gammal")
    old = url_in(article, "sv")
    rename(article, slug_sv="ny")
    assert client.get(old, {"utm": "x"})["Location"] == "/nyheter/ny/?utm=x"


def test_lookup_costs_one_query_and_only_on_a_404(client):
    article = ArticleFactory(slug_sv="gammal")
    old = url_in(article, "sv")
    for number in range(5):
        rename(article, slug_sv=f"namn-{number}")

    def redirect_queries(path):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        return response, [q for q in queries.captured_queries if "redirects_redirect" in q["sql"]]

    response, queries = redirect_queries(old)
    assert response.status_code == 301
    assert len(queries) == 1
    response, queries = redirect_queries(url_in(article, "sv"))
    assert response.status_code == 200
    assert queries == []
    response, queries = redirect_queries("/nyheter/finns-inte/")
    assert response.status_code == 404
    assert len(queries) == 1


def test_posts_and_hostile_paths_get_no_redirect(client):
    article = ArticleFactory(slug_sv="gammal")
    old = url_in(article, "sv")
    rename(article, slug_sv="ny")
    assert client.post(old).status_code in (403, 404, 405)
    assert client.get("/nyheter/" + "x" * 2000 + "/").status_code == 404
    assert client.get("/nyheter/a%00b/").status_code == 404
