"""The whole site in its own language (SITE_LANGUAGE): unprefixed, the others prefixed, the
switcher between them, axe-clean. `make test` runs it with sv and again with nb."""

import re

import pytest
from django.conf import settings

from tests.browser.helpers import address
from tests.events.factories import EventFactory
from tests.newsroom.news.factories import ArticleFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.site_language,
    pytest.mark.django_db(transaction=True),
]

SITE = settings.LANGUAGE_CODE


def test_the_site_in_its_own_language(page, live_server, assert_accessible):
    article = ArticleFactory(
        original_language=SITE,
        **{f"title_{SITE}": "Nyhet på sidens språk", f"slug_{SITE}": "nyhet-pa-sidens-sprak"},
    )
    event = EventFactory(original_language=SITE, **{f"title_{SITE}": "Møte på sidens språk"})
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == SITE
    assert_accessible(page)
    for obj in (article, event):
        page.goto(address(live_server, obj, SITE))
        assert not re.search(rf"/{SITE}/", page.url)
        assert page.locator("html").get_attribute("lang") == SITE
        assert_accessible(page)
        # The switcher leads to the same page in every other language, prefixed.
        for code, _name in settings.LANGUAGES:
            if code == SITE:
                continue
            link = page.locator(f".language-switcher a[hreflang='{code}']")
            assert link.get_attribute("href").startswith(f"/{code}/")
        other = next(code for code, _name in settings.LANGUAGES if code != SITE)
        page.locator(f".language-switcher a[hreflang='{other}']").click()
        assert page.locator("html").get_attribute("lang") == other
        shown = getattr(obj, f"title_{other}") or getattr(obj, f"title_{SITE}")
        assert page.locator("h1").inner_text() == shown
