"""News pages in a real browser: axe in every language, no JavaScript, keyboard, video on demand."""

import datetime

import pytest

from newsroom.models import Article
from tests.browser.helpers import address, tab_until
from tests.newsroom.factories import (
    ArticleFactory,
    ContactPersonFactory,
    OrganisationFactory,
    TopicFactory,
)
from tests.newsroom.images.factories import ImageFactory

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


@pytest.mark.parametrize("language", LANGUAGES)
def test_article_pages_are_accessible(page, live_server, assert_accessible, news, language):
    for article in [news["full"], news["swedish_only"]]:
        page.goto(address(live_server, article, language))
        assert page.locator("h1").inner_text() == article.title_sv or language != "sv"
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
