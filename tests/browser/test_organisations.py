"""The organisation directory and organisation pages in a real browser: axe, no JS, keyboard."""

import pytest
from django.urls import reverse
from django.utils import translation

from organisations import demo
from organisations.models import Organisation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ["sv", "nb", "nn", "en"]


@pytest.fixture
def organisations():
    with translation.override("sv"):
        return demo.create()


def address(live_server, name, language, **kwargs):
    with translation.override(language):
        return live_server.url + reverse(f"organisations:{name}", kwargs=kwargs or None)


def organisation_address(live_server, organisation, language):
    with translation.override(language):
        return live_server.url + organisation.get_absolute_url()


@pytest.mark.parametrize("language", LANGUAGES)
def test_directory_is_accessible(page, live_server, assert_accessible, organisations, language):
    page.goto(address(live_server, "list", language))
    assert page.locator(".organisation-directory__item").count() >= 5
    assert_accessible(page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_organisation_pages_are_accessible(
    page, live_server, assert_accessible, organisations, language
):
    for key in ["samverkansmyndigheten", "analysavdelningen", "nordfjell-kommune"]:
        page.goto(organisation_address(live_server, organisations[key], language))
        assert page.locator(".contact-card").count() >= 1
        assert_accessible(page)


def test_directory_with_an_invalid_filter_is_accessible(page, live_server, assert_accessible):
    page.goto(address(live_server, "list", "sv") + "?kind=pirate&country=%3Cb%3E")
    assert page.locator("[role=alert]").count() == 1
    assert_accessible(page)


def test_directory_and_organisation_page_work_without_javascript(
    browser, live_server, organisations
):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(address(live_server, "list", "sv"))
    page.select_option("#id_country", "NO")
    page.get_by_role("button", name="Visa").or_(page.get_by_role("button", name="Show")).click()
    page.wait_for_load_state()
    assert "country=NO" in page.url
    names = page.locator(".organisation-directory__name").all_inner_texts()
    assert names
    assert all(
        Organisation.objects.get(name_sv=name.split(" (")[0]).country == "NO" for name in names
    )
    page.locator(".organisation-directory__name a").first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text()
    context.close()


def test_filter_form_is_usable_by_keyboard(page, live_server, organisations):
    page.goto(address(live_server, "list", "en"))
    page.locator("#id_kind").focus()
    page.keyboard.press("ArrowDown")  # first kind after "All kinds"
    assert page.locator("#id_kind").input_value() == Organisation.Kind.choices[0][0]
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_country"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "submit"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert f"kind={Organisation.Kind.choices[0][0]}" in page.url
    assert page.locator(".organisation-directory__item").count() >= 1
