"""News pages in a real browser: axe in every language, no JavaScript, keyboard, video on demand."""

import datetime

import pytest

from newsroom.news.models import Article
from tests.browser.helpers import address, tab_until
from tests.newsroom.core.images.factories import ImageFactory
from tests.newsroom.news.factories import (
    ArticleFactory,
    ContactPersonFactory,
    OrganisationFactory,
    TopicFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ["sv", "nb", "nn", "en"]
VIDEO = "https://www.youtube-nocookie.com/embed/test123"


@pytest.fixture
def news():
    organisation = OrganisationFactory()
    topic = TopicFactory()
    full = ArticleFactory(
        organisation=organisation,
        topics=[topic],
        image=ImageFactory(caption_sv="Bildtext", caption_en="Caption"),
        contacts=ContactPersonFactory.create_batch(2, organisation=organisation),
        page_owner=ContactPersonFactory(organisation=organisation),
        fact_box_heading_sv="Fakta",
        fact_box_sv="<ul><li><p>Tre år</p></li></ul>",
        body_sv='<p>Text med <a href="https://example.org/" target="_blank">länk</a>.</p>'
        "<h2>Bakgrund</h2><p>Mer text.</p>",
        video_url=VIDEO,
        video_title_sv="Filmen",
        video_duration=datetime.timedelta(minutes=4, seconds=10),
        video_transcript_sv="Det här sägs i filmen.",
        updated_at=None,
    )
    ArticleFactory(kind=Article.Kind.BLOG, topics=[topic], image=ImageFactory())
    swedish_only = ArticleFactory(title_en="", lead_en="", body_en="", slug_en="", topics=[topic])
    return {"full": full, "swedish_only": swedish_only, "topic": topic}


@pytest.mark.parametrize("language", LANGUAGES)
def test_list_is_accessible(page, live_server, assert_accessible, news, language):
    page.goto(address(live_server, "news:list", language))
    assert page.locator(".article-card").count() == 3
    assert_accessible(page)


# The language each article's text is shown in, per page language. "full" is written in Swedish
# and English; nb and nn fall back to Swedish (nb → nn → sv, nn → nb → sv), en to Swedish.
SHOWN_IN = {
    "full": {"sv": "sv", "nb": "sv", "nn": "sv", "en": "en"},
    "swedish_only": {"sv": "sv", "nb": "sv", "nn": "sv", "en": "sv"},
}
# The notice each page language shows for an article in Swedish, as a reader reads it: language
# names in the page's language, in lower case inside a Nordic sentence.
FALLBACK_NOTICE = {
    "nb": "Denne artikkelen finnes ikke på norsk (bokmål). Den vises på svensk.",
    "nn": "Denne artikkelen finst ikkje på norsk (nynorsk). Han blir vist på svensk.",
    "en": "This article is not available in English. It is shown in Swedish.",
}


def fallback_notice(page_language, shown):
    assert shown == "sv"
    return FALLBACK_NOTICE[page_language]


@pytest.mark.parametrize("language", LANGUAGES)
def test_article_pages_are_accessible(page, live_server, assert_accessible, news, language):
    for key in ["full", "swedish_only"]:
        article, shown = news[key], SHOWN_IN[key][language]
        page.goto(address(live_server, article, language))
        assert page.locator("html").get_attribute("lang") == language
        assert page.locator("h1").inner_text() == getattr(article, f"title_{shown}"), key
        body = page.locator("article.article")
        if shown == language:
            assert page.locator(".notice").count() == 0, key
            assert body.get_attribute("lang") in {None, language}, key
        else:
            # Shown in a fallback language: the page says so, in its own language, and marks
            # the text with the language it is really in.
            notice = page.locator(".notice")
            assert notice.count() == 1, key
            assert notice.inner_text() == fallback_notice(language, shown), key
            assert notice.get_attribute("lang") in {None, language}, key
            assert body.get_attribute("lang") == shown, key
        assert_accessible(page)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_topic_page_is_accessible(page, live_server, assert_accessible, news, language):
    page.goto(address(live_server, news["topic"], language))
    assert page.locator(".article-card").count() == 3
    assert_accessible(page)


def test_list_and_article_work_without_javascript(browser, live_server, news):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(address(live_server, "news:list", "en"))
    page.select_option("#id_kind", "blog")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_load_state()
    assert "kind=blog" in page.url
    assert page.locator(".article-card").count() == 1
    page.goto(address(live_server, news["full"], "sv"))
    # Without JavaScript the video is a plain link and the play button stays hidden.
    assert page.locator(".video__link").get_attribute("href") == VIDEO
    assert not page.locator(".video__load").is_visible()
    page.locator(".video__transcript summary").click()
    assert page.get_by_text("Det här sägs i filmen.").is_visible()
    context.close()


def test_video_loads_only_when_asked(page, live_server, news):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.route("https://www.youtube-nocookie.com/**", lambda route: route.fulfill(body="player"))
    page.goto(address(live_server, news["full"], "sv"))
    page.wait_for_load_state("networkidle")
    assert not [url for url in requests if "youtube" in url]
    assert page.locator("iframe").count() == 0
    button = page.locator(".video__load")
    assert button.is_visible()
    button.focus()
    page.keyboard.press("Enter")
    frame = page.locator("iframe.video__frame")
    frame.wait_for()
    assert frame.get_attribute("src") == VIDEO
    assert frame.get_attribute("title") == "Filmen"


def test_list_and_article_are_keyboard_reachable(page, live_server, news):
    page.goto(address(live_server, "news:list", "sv"))
    assert tab_until(page, "document.activeElement.id === 'id_kind'")
    assert tab_until(page, "document.activeElement.closest('.article-card') !== null")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("article.article h1").count() == 1
    page.goto(address(live_server, news["full"], "sv"))
    assert tab_until(page, "document.activeElement.classList.contains('video__load')")
    assert tab_until(page, "document.activeElement.closest('.share') !== null")
