"""The site's own pages in a real browser: axe in every language, footer links, no JavaScript."""

import pytest
from django.urls import reverse
from django.utils import translation

from newsroom.pages import demo
from newsroom.pages.models import Page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ["sv", "nb", "nn", "en"]


@pytest.fixture
def pages():
    demo.create()
    return list(Page.objects.all())


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_are_accessible(page, live_server, assert_accessible, pages, language):
    with translation.override(language):
        index = reverse("pages:index")
        addresses = [index] + [site_page.get_absolute_url() for site_page in pages]
    for address in addresses:
        page.goto(live_server.url + address)
        assert page.locator(".breadcrumb").count() == 1
        assert_accessible(page)


def test_footer_leads_to_the_accessibility_statement_without_javascript(
    browser, live_server, pages
):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/en/")
    page.click(".site-footer__links a >> text=Accessibility statement")
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Accessibility statement"
    assert page.locator("main h2", has_text="Enforcement procedure").count() == 1
    context.close()
