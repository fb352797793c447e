"""The public front end in a real browser: every page type under axe in light, dark and forced
colours, in every language, at 320, 375 and 1280 px; the phone header and its menu; the card
grid; print.

One page walks the matrix so CI pays for one demo load and one browser session: each page type
is opened once per language and checked in two of the three colour schemes, at two widths,
rotating, so every page type meets every scheme and every width, and every language every
scheme and width, without paying for the whole product.
"""

import secrets

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

from events.models import Event
from newsroom.management.commands import demo
from newsroom.news.models import Article, Topic
from newsroom.pages import demo_identities
from newsroom.pages.models import Page, SiteSettings
from organisations.models import Organisation
from tests.browser.helpers import address, tab_until
from tests.newsroom.core.images.factories import ImageFactory
from tests.newsroom.news.factories import ArticleFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ["sv", "nb", "nn", "en"]
WIDTHS = [320, 375, 1280]
SCHEMES = [
    {"color_scheme": "light", "forced_colors": "none"},
    {"color_scheme": "dark", "forced_colors": "none"},
    {"color_scheme": "light", "forced_colors": "active"},
]
HEADER_HEIGHT = "document.querySelector('.site-header').getBoundingClientRect().height"


def load_demo():
    with translation.override("sv"):
        for step in demo.STEPS:
            step()


def page_types():
    """A named URL or an object per public page type."""
    return {
        "home": "home",
        "news list": "news:list",
        "article": Article.objects.published().filter(image__isnull=False).first(),
        "topic": Topic.objects.first(),
        "event list": "events:list",
        "event": Event.objects.published().first(),
        "directory": "organisations:list",
        "organisation": Organisation.objects.filter(is_active=True).first(),
        "site pages": "pages:index",
        "site page": Page.objects.published().first(),
        "search": "search",
    }


def test_every_page_type_is_accessible_in_every_scheme_language_and_width(page, live_server, axe):
    load_demo()
    failures = []
    for index, (kind, target) in enumerate(page_types().items()):
        assert target is not None, kind
        for offset, language in enumerate(LANGUAGES):
            url = address(live_server, target, language)
            if kind == "search":
                url += "?q=digital"
            page.set_viewport_size({"width": 1280, "height": 900})
            page.goto(url)
            for turn in range(2):
                scheme = SCHEMES[(index + offset + turn) % len(SCHEMES)]
                width = WIDTHS[(index + 2 * offset + turn) % len(WIDTHS)]
                page.set_viewport_size({"width": width, "height": 900})
                page.emulate_media(**scheme)
                results = axe.run(page)
                if results.violations_count:
                    failures.append(f"{kind} {language} {width}px {scheme}\n")
                    failures.append(results.generate_report())
                if width < 400:
                    assert page.evaluate("document.scrollingElement.scrollWidth") <= width, url
            page.emulate_media(color_scheme="light", forced_colors="none")
    assert not failures, "".join(failures)


@pytest.mark.parametrize("identity", sorted(demo_identities.IDENTITIES))
def test_phone_header_is_at_most_72_px_closed_and_its_menu_holds_nav_and_languages(
    browser, live_server, identity
):
    demo_identities.apply(identity)
    context = browser.new_context(viewport={"width": 375, "height": 700})
    page = context.new_page()
    for language in LANGUAGES:
        page.goto(address(live_server, "news:list", language))

        assert page.evaluate(HEADER_HEIGHT) <= 72, language
        assert not page.locator(".site-nav").is_visible()
        assert not page.locator(".language-switcher").is_visible()
        assert page.locator(".site-header__search-link").is_visible()  # one tap to search
        logo = page.locator(".site-brand__logo")
        assert logo.is_visible()
        assert logo.evaluate("img => img.naturalWidth") > 0

        page.locator(".site-menu__button").click()
        assert page.locator(".site-nav").is_visible()
        assert page.locator(".language-switcher").is_visible()
    context.close()


def test_wide_header_shows_navigation_search_and_languages_without_a_menu_button(page, live_server):
    demo_identities.apply("municipality")
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(address(live_server, "home", "nb"))

    assert not page.locator(".site-menu__button").is_visible()
    assert not page.locator(".site-header__search-link").is_visible()
    assert page.locator(".site-nav").is_visible()
    assert page.locator(".site-search__input").is_visible()
    assert page.locator(".language-switcher").is_visible()
    name = page.get_by_role("link", name="Eksempel kommune, til forsiden")
    assert name.count() == 1


def test_menu_opens_by_keyboard(page, live_server):
    page.set_viewport_size({"width": 375, "height": 700})
    page.goto(address(live_server, "home", "en"))

    assert tab_until(page, "document.activeElement.classList.contains('site-menu__button')")
    page.keyboard.press("Enter")
    assert page.locator(".site-menu").get_attribute("open") is not None
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('site-nav__link')")
    assert page.locator(".site-nav").is_visible()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Space")
    assert not page.locator(".site-nav").is_visible()


def test_menu_works_without_javascript(browser, live_server):
    context = browser.new_context(viewport={"width": 375, "height": 700}, java_script_enabled=False)
    page = context.new_page()
    page.goto(address(live_server, "home", "en"))

    page.get_by_text("Menu", exact=True).click()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="News").click()

    assert page.url == address(live_server, "news:list", "en")
    context.close()


def test_cards_with_and_without_images_line_up(page, live_server):
    for number in range(6):
        ArticleFactory(image=ImageFactory() if number % 2 else None)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(address(live_server, "news:list", "en"))

    boxes = page.evaluate(
        """Array.from(document.querySelectorAll('.news-list .article-card')).map(card => ({
            top: card.getBoundingClientRect().top,
            height: card.getBoundingClientRect().height,
            title: card.querySelector('.article-card__title').getBoundingClientRect().top,
            image: !!card.querySelector('img'),
        }))"""
    )
    rows = {}
    for box in boxes:
        rows.setdefault(round(box["top"]), []).append(box)
    assert len(rows) == 2
    assert all(len(row) == 3 for row in rows.values())
    for row in rows.values():
        assert {box["image"] for box in row} == {True, False}  # the row mixes both kinds
        assert max(b["title"] for b in row) - min(b["title"] for b in row) < 1
        assert max(b["height"] for b in row) - min(b["height"] for b in row) < 1


def test_print_hides_navigation_and_prints_link_addresses(page, live_server):
    load_demo()
    page.goto(address(live_server, Page.objects.get(kind=Page.Kind.ACCESSIBILITY), "sv"))
    page.emulate_media(media="print")

    for hidden in [".site-menu", ".site-header__search-link", ".feedback", ".breadcrumb"]:
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.locator("main h1").is_visible()
    after = page.evaluate(
        """getComputedStyle(document.querySelector("main a[href^='https://www.digg.se']"),
        '::after').content"""
    )
    assert "https://www.digg.se/tdosanmalan" in after


def test_dark_scheme_darkens_the_page_and_external_links_are_marked(page, live_server):
    load_demo()
    page.emulate_media(color_scheme="dark")
    page.goto(address(live_server, Page.objects.get(kind=Page.Kind.ACCESSIBILITY), "en"))

    background = page.evaluate("getComputedStyle(document.documentElement).backgroundColor")
    assert background == "rgb(21, 23, 28)"
    # Rich text marks its own links (an icon and words); the style sheet adds no second mark.
    link = page.locator("main a[href^='https://www.digg.se']")
    assert link.locator("svg.link-external").count() == 1
    assert link.evaluate("a => getComputedStyle(a, '::after').content") == "none"
    name = "report a lack of accessibility to Digg (another website)"
    assert page.get_by_role("link", name=name).count() == 1


def test_admin_refuses_a_pale_primary_colour_naming_the_pair(page, live_server, axe):
    password = secrets.token_urlsafe(16)
    get_user_model().objects.create_superuser("admin", "admin@example.org", password)
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", password)
    page.click("input[type=submit]")
    page.wait_for_url(live_server.url + "/admin/")
    page.goto(live_server.url + reverse("admin:pages_sitesettings_add"))

    page.fill("#id_primary_colour", "#8ab4e0")
    page.locator("input[name=_save]").click()

    error = page.locator(".field-primary_colour .errorlist")
    assert "white text on the primary colour (#ffffff on #8ab4e0)" in error.inner_text()
    # The identity fields, ours; the admin's breadcrumbs and the jQuery UI translation tabs
    # (django-modeltranslation, on every translated form) have axe findings of their own.
    results = axe.run(page, context="fieldset:has(#id_primary_colour)")
    assert results.violations_count == 0, results.generate_report()
    assert not SiteSettings.objects.exists()
