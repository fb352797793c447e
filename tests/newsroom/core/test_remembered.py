"""``{% remembered %}``: a fragment's HTML is kept until content changes, never for previews."""

from unittest import mock

import pytest
from django.template import Context, Template, TemplateSyntaxError
from django.test import RequestFactory
from django.utils import translation

from newsroom.core import pagecache
from tests.newsroom.news.factories import ArticleFactory

pytestmark = pytest.mark.django_db

FRAGMENT = Template('{% load remembered %}{% remembered "test" pk %}{{ text }}{% endremembered %}')


def render(text, pk=1, **context):
    request = RequestFactory().get("/")
    return FRAGMENT.render(Context({"text": text, "pk": pk, "request": request, **context}))


def test_the_first_rendering_is_kept_until_content_changes():
    assert render("first") == "first"
    assert render("second") == "first"
    pagecache.invalidate()
    assert render("third") == "third"


def test_a_saved_article_renders_the_fragment_afresh():
    render("before")
    ArticleFactory()
    assert render("after") == "after"


def test_the_values_and_the_language_each_keep_their_own_rendering():
    render("one", pk=1)
    assert render("two", pk=2) == "two"
    with translation.override("nb"):
        assert render("norsk", pk=1) == "norsk"
    assert render("again", pk=1) == "one"


def test_a_preview_is_always_rendered_afresh():
    render("published")
    assert render("draft", preview=True) == "draft"
    assert render("next", preview=True) == "next"


def test_a_name_must_be_quoted():
    with pytest.raises(TemplateSyntaxError, match="quoted name"):
        Template("{% load remembered %}{% remembered name %}x{% endremembered %}")


def test_nothing_is_kept_when_content_memo_seconds_is_0(settings):
    settings.CONTENT_MEMO_SECONDS = 0
    assert render("first") == "first"
    assert render("second") == "second"


def test_the_remembered_header_marks_the_section_of_each_page(client):
    article = ArticleFactory()
    pages = {
        "/": 'href="/" aria-current="page"',
        "/nyheter/": 'href="/nyheter/" aria-current="page"',
        article.get_absolute_url(): 'href="/nyheter/" aria-current="true"',
    }
    for _ in range(2):  # the second time from memory
        for path, current in pages.items():
            html = client.get(path).content.decode()
            nav = html[html.index('<nav class="site-nav"') : html.index("</nav>")]
            assert current in nav
            assert nav.count("aria-current") == 1


def test_a_page_asks_the_shared_store_for_the_generation_once(client):
    """However many parts it remembers: with Redis each question is a round trip."""
    url = ArticleFactory().get_absolute_url()
    client.get(url)
    store = pagecache.cache()
    asked = []
    real_get = store.get

    def counting_get(key, *args, **kwargs):
        asked.append(key)
        return real_get(key, *args, **kwargs)

    with mock.patch.object(store, "get", counting_get):
        assert client.get(url).status_code == 200
    assert asked.count(pagecache.GENERATION_KEY) == 1
