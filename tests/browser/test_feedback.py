"""The feedback form in Chromium: without and with JavaScript, by keyboard, axe-clean throughout."""

import pytest
from playwright.sync_api import expect

from newsroom.feedback.models import Feedback

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _no_waiting(settings):
    settings.FEEDBACK_MIN_SECONDS = 0


def test_steps_without_javascript(browser, page, live_server, assert_accessible):
    """Ordinary posts and redirects. axe needs JavaScript, so each state's URL is checked in a
    second page with scripts on (our script changes nothing on load but the counter text)."""
    context = browser.new_context(java_script_enabled=False)
    plain = context.new_page()
    plain.goto(f"{live_server.url}/en/")
    expect(plain.get_by_role("heading", name="Was this page helpful?")).to_be_visible()
    page.goto(plain.url)
    assert_accessible(page)

    plain.get_by_role("button", name="No").click()
    plain.wait_for_url("**/en/?feedback=*")
    comment = plain.get_by_label("What could we improve? (optional)")
    expect(comment).to_be_visible()
    assert Feedback.objects.get().helpful is False
    page.goto(plain.url)
    assert_accessible(page)

    comment.fill("The dates were hard to find.")
    plain.get_by_role("button", name="Send comment").click()
    expect(plain.get_by_role("heading", name="Thank you for helping us!")).to_be_visible()
    page.goto(plain.url)
    assert_accessible(page)
    plain.reload()  # post/redirect/get: a reload sends nothing again
    answer = Feedback.objects.get()
    assert answer.comment == "The dates were hard to find."
    context.close()


def test_steps_in_place_with_javascript_by_keyboard(page, live_server, assert_accessible):
    page.goto(f"{live_server.url}/en/")
    url = page.url
    status = page.locator("[data-feedback-status]")
    assert_accessible(page)

    page.get_by_role("button", name="Yes").focus()
    page.keyboard.press("Enter")
    comment = page.get_by_label("What helped you? (optional)")
    expect(comment).to_be_focused()
    expect(status).to_have_text(
        "Thank you for your answer! You can also tell us more, if you like."
    )
    assert page.url == url
    assert Feedback.objects.get().helpful is True
    assert_accessible(page)

    page.keyboard.type("Clear text")
    expect(page.locator("[data-feedback-counter]")).to_have_text("990 characters left")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Send comment")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Thank you for helping us!")).to_be_focused()
    expect(status).to_have_text("Your feedback helps us make our pages better.")
    assert_accessible(page)
    assert page.url == url
    answer = Feedback.objects.get()
    assert answer.comment == "Clear text"


def test_error_is_shown_in_place(page, live_server, settings):
    settings.FEEDBACK_MIN_SECONDS = 3600
    page.goto(f"{live_server.url}/en/")
    page.get_by_role("button", name="No").click()
    error = page.locator("[data-feedback-error]")
    expect(error).to_be_visible()
    expect(error).to_be_focused()
    assert not Feedback.objects.exists()


@pytest.mark.parametrize("prefix", ["", "/nb", "/nn", "/en"])
def test_form_is_accessible_in_every_language(page, live_server, assert_accessible, prefix):
    page.goto(f"{live_server.url}{prefix}/")
    expect(page.locator("#feedback")).to_be_visible()
    assert_accessible(page)


def test_honeypot_is_not_reachable_by_keyboard(page, live_server):
    page.goto(f"{live_server.url}/en/")
    page.get_by_role("button", name="No").focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    focused = page.evaluate("document.activeElement.name || ''")
    assert focused != "fb_leave_empty"


def test_answers_from_a_cached_page_with_and_without_javascript(browser, live_server, settings):
    """Readers served the same stored page each answer once, with and without scripts."""
    settings.PAGE_CACHE_SECONDS = 300
    url = f"{live_server.url}/en/"
    warm = browser.new_context()
    assert warm.new_page().goto(url).headers.get("x-page-cache") is None  # stored now
    warm.close()
    for scripts in (False, True):
        context = browser.new_context(java_script_enabled=scripts)
        reader = context.new_page()
        assert reader.goto(url).headers.get("x-page-cache") == "hit"
        reader.get_by_role("button", name="Yes").click()
        expect(reader.get_by_label("What helped you? (optional)")).to_be_visible()
        context.close()
    assert Feedback.objects.filter(helpful=True).count() == 2
