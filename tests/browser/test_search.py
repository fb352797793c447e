"""The search page in a real browser: axe in every language, keyboard, no JavaScript."""

import pytest
from django.urls import reverse
from django.utils import translation

from newsroom.search.services import reindex
from tests.browser.helpers import tab_until
from tests.events.factories import EventFactory
from tests.newsroom.news.factories import ArticleFactory
from tests.newsroom.pages.factories import PageFactory
from tests.organisations.factories import ContactPersonFactory, OrganisationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ["sv", "nb", "nn", "en"]
WORD = "Vindkraft"


@pytest.fixture
def content():
    organisation = OrganisationFactory(name_sv=f"Rådet för {WORD}", name_en=f"{WORD} council")
    ContactPersonFactory(organisation=organisation, title_sv=f"Expert på {WORD}", title_en=WORD)
    for number in range(22):
        ArticleFactory(
            title_sv=f"{WORD} i länet, del {number}",
            title_en=f"{WORD} in the county, part {number}",
            lead_sv=f"Om <{WORD.lower()}> & annat.",
            lead_en=f"About {WORD.lower()}.",
        )
    EventFactory(title_sv=f"Seminarium om {WORD}", title_en=f"{WORD} seminar")
    PageFactory(title_sv=f"Om {WORD}", title_en=f"About {WORD}")
    reindex()


def search_address(live_server, language, query=""):
    with translation.override(language):
        url = live_server.url + reverse("search")
    return f"{url}?q={query}" if query else url


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_page_is_accessible(page, live_server, assert_accessible, content, language):
    page.goto(search_address(live_server, language))
    assert_accessible(page)
    page.goto(search_address(live_server, language, WORD))
    assert page.locator(".search-result").count() == 20
    assert page.locator(".search-result mark").count() > 0
    assert_accessible(page)
    page.goto(search_address(live_server, language, "zzxqv"))
    assert_accessible(page)


def test_a_search_from_the_header_by_keyboard_reaches_the_results(page, live_server, content):
    page.goto(live_server.url + "/en/")
    assert tab_until(page, "document.activeElement.id === 'site-search-q'")
    page.keyboard.type(WORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator(".search-result").count() == 20
    assert tab_until(page, "document.activeElement.classList.contains('search-filter__link')")
    assert tab_until(page, "document.activeElement.classList.contains('search-result__link')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").count() == 1
    assert "/search/" not in page.url


def test_search_works_without_javascript(browser, live_server, content):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(search_address(live_server, "sv"))
    page.fill("#id_q", WORD)
    page.click(".search-form__button")
    page.wait_for_load_state()
    assert page.locator(".search-result").count() == 20
    page.click("a[rel=next]")
    page.wait_for_load_state()
    assert page.locator(".search-result").count() == 6
    page.click(".search-filter__link >> nth=1")
    page.wait_for_load_state()
    assert "type=" in page.url
    assert page.locator(".search-result").count() >= 1
    context.close()


def test_markup_in_a_query_is_shown_as_text(page, live_server, content):
    page.goto(search_address(live_server, "en", "%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E"))
    assert page.locator(".search-form__input").input_value() == "<img src=x onerror=alert(1)>"
    assert page.locator("main img").count() == 0
