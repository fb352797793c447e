import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from newsroom.core.publishing import Status
from newsroom.news.models import Article
from newsroom.search.engine import MAX_QUERY_LENGTH
from newsroom.search.models import SearchDocument
from newsroom.search.results import search
from newsroom.search.services import fill_empty_index, index
from tests.events.factories import EventFactory
from tests.newsroom.news.factories import ArticleFactory, draft, expired, scheduled
from tests.newsroom.pages.factories import PageFactory
from tests.organisations.factories import ContactPersonFactory, OrganisationFactory

pytestmark = pytest.mark.django_db
postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="stemming needs PostgreSQL full-text search"
)
PREFIX = {"sv": "", "nb": "/nb", "nn": "/nn", "en": "/en"}
# One distinctive word per language (not a stop word, not in the factories' texts).
WORDS = {
    "sv": "klimatanpassning",
    "nb": "klimatutvalget",
    "nn": "kommunereforma",
    "en": "watershed",
}


def search_url(language):
    with translation.override(language):
        return reverse("search")


def found(query, language="sv", type_key=None):
    page, _counts = search(query, language, type_key)
    return [result.object for result in page.object_list]


def article_in(language, **fields):
    """An article written in ``language`` (and Swedish, the default)."""
    values = {f"title_{language}": "Rubrik", f"lead_{language}": "Ingress", **fields}
    return ArticleFactory(**values)


@pytest.mark.parametrize("language", ["sv", "nb", "nn", "en"])
def test_a_word_in_a_title_ranks_above_the_same_word_in_a_body(language):
    word = WORDS[language]
    in_body = article_in(language, **{f"body_{language}": f"<p>Om {word} i dag.</p>"})
    in_title = article_in(language, **{f"title_{language}": f"Ny plan för {word}"})
    assert found(word, language) == [in_title, in_body]


@pytest.mark.parametrize("language", ["sv", "nb", "nn", "en"])
def test_every_type_is_found_in_every_language(language):
    word = WORDS[language]
    organisation = OrganisationFactory(**{f"name_{language}": f"Rådet för {word}"})
    contact = ContactPersonFactory(**{f"title_{language}": f"Expert på {word}"})
    article = article_in(language, **{f"lead_{language}": f"Om {word}."})
    event = EventFactory(**{f"title_{language}": f"Seminarium om {word}"})
    page = PageFactory(**{f"body_{language}": f"<p>Sidan om {word}.</p>"})
    results = found(word, language)
    assert set(results) == {organisation, contact, article, event, page}


@postgresql_only
@pytest.mark.parametrize(
    ("language", "written", "typed"),
    [
        ("sv", "Årets viktigaste nyhet", "nyheter"),
        ("sv", "Kommunerna samarbetar", "kommun"),
        ("nb", "Fylkene samarbeider om digitalisering", "fylke"),
        ("nn", "Kommunane samarbeider", "kommune"),
        ("en", "The councils are cooperating", "council"),
    ],
)
def test_stemming_finds_inflected_forms(language, written, typed):
    article = article_in(language, **{f"title_{language}": written})
    assert found(typed, language) == [article]


def test_what_the_public_may_not_see_is_never_found():
    word = "hemlighetsmakeri"
    visible = ArticleFactory(title_sv=f"Om {word}")
    draft(title_sv=f"Utkast om {word}")
    scheduled(title_sv=f"Kommande om {word}")
    expired(title_sv=f"Gammalt om {word}")
    EventFactory(title_sv=f"Utkast om {word}", status=Status.DRAFT)
    PageFactory(title_sv=f"Utkast om {word}", status=Status.DRAFT)
    ContactPersonFactory(name=f"Intern {word}", is_public=False)
    OrganisationFactory(name_sv=f"Nedlagd {word}", is_active=False)
    ContactPersonFactory(name=f"Kontakt {word}", organisation=OrganisationFactory(is_active=False))
    assert found(word) == [visible]


def test_the_search_uses_the_text_shown_in_the_language_fallbacks_included():
    swedish_only = ArticleFactory(title_sv="Vattenförsörjning", title_en="")
    assert found("Vattenförsörjning", "en") == [swedish_only]
    assert found("Vattenförsörjning", "sv") == [swedish_only]
    english = ArticleFactory(title_sv="Avlopp", title_en="Sewerage")
    assert found("Sewerage", "sv") == []
    assert found("Sewerage", "en") == [english]


def test_type_filter_limits_results_and_counts_every_type():
    ArticleFactory(title_sv="Skogsbruk i länet")
    event = EventFactory(title_sv="Skogsbruk i praktiken")
    page, counts = search("skogsbruk", "sv", "events")
    assert [result.object for result in page.object_list] == [event]
    assert {source.key: count for source, count in counts}["articles"] == 1


def test_page_shows_results_with_marked_words_and_dates(client):
    ArticleFactory(title_sv="Havsmiljön mår bättre", lead_sv="Rapporten om havsmiljön visar…")
    response = client.get(search_url("sv"), {"q": "havsmiljön"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "<mark>" in content
    assert "</mark>" in content
    assert "<time datetime=" in content
    assert 'aria-current="true"' in content  # the "All" filter


@pytest.mark.parametrize("language", ["sv", "nb", "nn", "en"])
def test_search_page_renders_in_every_language(client, language):
    ArticleFactory(**{f"title_{language}": WORDS[language]})
    url = search_url(language)
    assert url.startswith(PREFIX[language] + "/")
    empty = client.get(url)
    assert empty.status_code == 200
    assert 'class="breadcrumb"' in empty.content.decode()
    response = client.get(url, {"q": WORDS[language]})
    assert response.status_code == 200
    assert 'class="search-result"' in response.content.decode()
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")


def test_no_results_gives_suggestions(client):
    response = client.get(search_url("en"), {"q": "zzxqv"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "No results" in content
    assert "Check the spelling" in content


def test_every_page_has_a_search_form_in_its_header(client):
    content = client.get("/en/").content.decode()
    assert 'role="search"' in content
    assert f'action="{search_url("en")}"' in content


def test_pagination_keeps_the_query_and_the_type(client):
    for number in range(23):
        ArticleFactory(title_sv=f"Bredband etapp {number}")
    response = client.get(search_url("sv"), {"q": "bredband", "type": "articles"})
    content = response.content.decode()
    assert content.count('class="search-result"') == 20
    assert "?q=bredband&amp;type=articles&amp;page=2" in content
    second = client.get(search_url("sv"), {"q": "bredband", "type": "articles", "page": 2})
    assert second.content.decode().count('class="search-result"') == 3


def test_query_count_is_constant_in_the_number_of_results(client, django_assert_num_queries):
    numbers = itertools.count()

    def create(number):
        for _ in range(number):
            ArticleFactory(title_sv=f"Trafiksäkerhet {next(numbers)}")
            EventFactory(title_sv="Trafiksäkerhet")
            ContactPersonFactory(title_sv="Trafiksäkerhet")
            OrganisationFactory(name_sv="Trafiksäkerhet")
            PageFactory(title_sv="Trafiksäkerhet")

    create(1)
    client.get(search_url("sv"), {"q": "trafiksäkerhet"})  # warm up
    with CaptureQueriesContext(connection) as few:
        client.get(search_url("sv"), {"q": "trafiksäkerhet"})
    expected = len(few)  # now: the query log is a bounded deque
    create(3)
    client.get(search_url("sv"), {"q": "trafiksäkerhet"})  # what the new content changed
    with django_assert_num_queries(expected):
        response = client.get(search_url("sv"), {"q": "trafiksäkerhet"})
    assert response.content.decode().count('class="search-result"') == 20


HOSTILE = [
    "a & b | !c",
    "nyhet:*",
    "!!!",
    "& | ! : * ( ) < >",
    '"unbalanced quote',
    "'single' \"double\"",
    "' OR 1=1; DROP TABLE newsroom_article; --",
    "%_\\%",
    "<script>alert(1)</script>",
    "<b>fet</b> &amp; &lt;",
    "nyhet\x00bomb",
    "\x00",
    "-",
    "or",
    "och",  # a Swedish stop word only
    "😀 emoji ✓",
    "ä" * MAX_QUERY_LENGTH,
    "word " * 50,
]


@pytest.mark.parametrize("query", HOSTILE)
@pytest.mark.parametrize("language", ["sv", "en"])
def test_hostile_queries_give_results_or_a_clear_message(client, query, language):
    ArticleFactory(title_sv="Nyhet om bomb", title_en="News about a bomb")
    response = client.get(search_url(language), {"q": query, "type": query, "page": query})
    content = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert" not in content
    assert "<b>fet</b>" not in content


def test_markup_in_the_query_is_shown_as_text(client):
    response = client.get(search_url("en"), {"q": "<script>alert(1)</script>"})
    content = response.content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content
    assert "<script>alert(1)" not in content


def test_markup_in_content_is_escaped_and_matches_marked(client):
    ArticleFactory(title_sv="Ordet <em>Fiskodling</em> & annat", lead_sv="Om <b>fiskodling</b>.")
    content = client.get(search_url("sv"), {"q": "fiskodling"}).content.decode()
    assert "&lt;em&gt;<mark>Fiskodling</mark>&lt;/em&gt; &amp; annat" in content
    assert "<b>" not in content


def test_a_too_long_query_is_refused_with_a_clear_message(client):
    response = client.get(search_url("en"), {"q": "x" * (MAX_QUERY_LENGTH + 1)})
    content = response.content.decode()
    assert response.status_code == 200
    assert "too long" in content
    assert 'aria-invalid="true"' in content


def test_nul_bytes_are_dropped_and_the_rest_searched():
    article = ArticleFactory(title_sv="Solenergi i länet")
    assert found("solenergi") == [article]
    from newsroom.search.forms import SearchForm

    form = SearchForm({"q": "sol\x00energi \x00"})
    assert form.is_valid()
    assert form.cleaned_data["q"] == "sol energi"


def test_an_empty_query_shows_help_not_results(client):
    for params in [{}, {"q": ""}, {"q": "   "}, {"type": "articles"}]:
        response = client.get(search_url("sv"), params)
        assert response.status_code == 200
        assert 'class="empty-state search-help"' in response.content.decode()


def test_a_stale_document_never_shows_what_is_no_longer_public():
    article = ArticleFactory(title_sv="Vägunderhåll")
    assert found("vägunderhåll") == [article]
    # update() sends no signal, so the stored document is stale
    Article.objects.filter(pk=article.pk).update(status=Status.DRAFT)
    page, _counts = search("vägunderhåll", "sv")
    assert page.object_list == []


def test_index_rewrites_the_documents_of_one_object():
    article = ArticleFactory(title_sv="Cykelvägar")
    Article.objects.filter(pk=article.pk).update(title_sv="Gångvägar")
    index(article)
    assert search("gångvägar", "sv")[0].object_list[0].object == article
    assert search("cykelvägar", "sv")[0].object_list == []


def test_saving_and_deleting_content_keeps_the_search_up_to_date():
    article = ArticleFactory(title_sv="Solpaneler på taket", status=Status.PUBLISHED)
    assert found("solpaneler") == [article]
    article.title_sv = "Vindkraft till havs"
    article.save()
    assert found("solpaneler") == []
    assert found("vindkraft") == [article]
    article.delete()
    assert found("vindkraft") == []


sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 index")


@sqlite_only
def test_the_start_of_a_word_finds_the_word():
    article = ArticleFactory(title_sv="Kommunerna samarbetar om trafiksäkerhet")
    assert found("kommun trafik") == [article]
    assert found("samarbete") == []  # every word must match


def test_an_upgraded_site_gets_its_content_indexed_after_migrate():
    article = ArticleFactory(title_sv="Bredbandsutbyggnad")
    SearchDocument.objects.all().delete()  # as before the upgrade (texts without documents)
    assert found("Bredbandsutbyggnad") == []
    fill_empty_index()
    assert found("Bredbandsutbyggnad") == [article]


def test_a_word_in_more_pages_than_are_ranked_says_so(client, monkeypatch):
    monkeypatch.setattr("newsroom.search.engine.MAX_MATCHES", 3)
    monkeypatch.setattr("newsroom.search.views.MAX_MATCHES", 3)
    # The factory dates each article a minute before the one made before it.
    *newest, _older, _oldest = [
        ArticleFactory(title_sv=f"Vägarbete {n}", title_en=f"Roadworks {n}") for n in range(5)
    ]
    page, _counts = search("vägarbete", "sv")
    assert {result.object for result in page.object_list} == set(newest)
    content = client.get(search_url("en"), {"q": "roadworks"}).content.decode()
    assert "(3+)" in content
    assert "the newest 3 of each kind are ranked" in content
