"""The page shell in a real browser: axe, language switcher, skip link, 320 px, the admin."""

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.test import RequestFactory
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from newsroom.management.commands import demo
from tests.newsroom.core.images.factories import ImageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HOME_PAGES = {"sv": "/", "nb": "/nb/", "nn": "/nn/", "en": "/en/"}


def url_of(name, language):
    with translation.override(language):
        return reverse(name)


def watch_console(page):
    """Collect console errors (CSP violations among them) and uncaught errors of ``page``."""
    problems = []

    def on_console(message):
        if message.type == "error":
            problems.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append(str(error)))
    return problems


def watch_requests(page, live_server):
    """Collect every request to another origin (no CDN, no third party)."""
    elsewhere = []

    def on_request(request):
        if not request.url.startswith((live_server.url, "data:", "blob:")):
            elsewhere.append(request.url)

    page.on("request", on_request)
    return elsewhere


@pytest.mark.parametrize("language", HOME_PAGES)
def test_home_page_is_accessible_in_every_language(page, live_server, assert_accessible, language):
    problems = watch_console(page)
    elsewhere = watch_requests(page, live_server)

    page.goto(live_server.url + HOME_PAGES[language])

    assert page.locator("html").get_attribute("lang") == language
    assert_accessible(page)
    assert problems == []
    assert elsewhere == []


def test_home_page_with_demo_content_is_accessible_and_its_images_load(
    page, live_server, assert_accessible
):
    with translation.override("sv"):
        for step in demo.STEPS:
            step()
    problems = watch_console(page)

    for language, path in HOME_PAGES.items():
        page.goto(live_server.url + path)
        images = page.locator("main img")
        for index in range(images.count()):
            images.nth(index).scroll_into_view_if_needed()
        page.wait_for_load_state("networkidle")

        assert_accessible(page)
        assert page.evaluate(
            "Array.from(document.querySelectorAll('main img')).every(i => i.naturalWidth > 0)"
        ), language
        page.set_viewport_size({"width": 320, "height": 640})
        assert page.evaluate("document.scrollingElement.scrollWidth") <= 320, language
        page.set_viewport_size({"width": 1280, "height": 720})
    assert problems == []


def test_missing_page_is_accessible(page, live_server, assert_accessible):
    response = page.goto(live_server.url + "/en/no-such-page/")

    assert response.status == 404
    assert_accessible(page)


def test_language_switcher_keeps_the_page(page, live_server):
    page.goto(live_server.url + "/en/")
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Svenska").click()
    page.wait_for_url(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "sv"

    try:
        news_en, news_sv = url_of("news:list", "en"), url_of("news:list", "sv")
    except NoReverseMatch:
        return  # the news pages are not there yet
    page.goto(live_server.url + news_en)
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Svenska").click()
    page.wait_for_url(live_server.url + news_sv)
    assert news_sv != news_en


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(page, live_server):
    page.goto(live_server.url + "/en/")

    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert "skip-link" in focused
    assert page.locator(".skip-link").is_visible()  # visible when focused

    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")  # the next stop is inside main, not back in the header
    assert page.evaluate("document.getElementById('main').contains(document.activeElement)")


@pytest.mark.parametrize("language", HOME_PAGES)
def test_page_fits_320_pixels_without_horizontal_scrolling(browser, live_server, language):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()

    page.goto(live_server.url + HOME_PAGES[language])

    assert page.evaluate("document.scrollingElement.scrollWidth") <= 320
    context.close()


def test_home_page_works_without_javascript(browser, live_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()

    page.goto(live_server.url + "/en/")
    page.get_by_role("link", name="Svenska").click()

    assert page.url == live_server.url + "/"
    assert page.locator("main h1").count() == 1
    context.close()


def test_admin_image_form_tabs_work_without_csp_errors_or_cdn(admin_page, live_server):
    page = admin_page
    problems = watch_console(page)
    elsewhere = watch_requests(page, live_server)

    page.goto(live_server.url + reverse("admin:images_image_add"))

    tabs = page.locator(".ui-tabs-nav a")
    assert tabs.count() >= 4  # one per language, made by jQuery UI served by us
    page.locator("li[aria-controls='tab_id_alt_text_en']").click()
    assert page.locator("#id_alt_text_en").is_visible()
    assert not page.locator("#id_alt_text_sv").is_visible()
    assert problems == []
    assert elsewhere == []


def test_admin_prose_editor_works_inside_translation_tabs(admin_page, live_server):
    page = admin_page
    problems = watch_console(page)
    elsewhere = watch_requests(page, live_server)

    page.goto(live_server.url + reverse("admin:pages_page_add"))

    editors = page.locator(".prose-editor > .ProseMirror")
    assert editors.count() == 4  # a body editor in every language tab
    page.locator("li[aria-controls='tab_id_body_en']").click()
    visible = page.locator(".prose-editor > .ProseMirror:visible")
    assert visible.count() == 1
    visible.click()
    page.keyboard.type("Hello from the English tab")
    assert "Hello from the English tab" in visible.inner_text()
    assert page.locator("#id_body_en").input_value() == "<p>Hello from the English tab</p>"
    assert problems == []
    assert elsewhere == []


def test_every_admin_page_raises_no_csp_violation_and_loads_nothing_from_elsewhere(
    admin_page, live_server
):
    page = admin_page
    problems = watch_console(page)
    elsewhere = watch_requests(page, live_server)
    ImageFactory()
    request = RequestFactory().get("/admin/")
    request.user = get_user_model().objects.get(username="redaktor")
    pages = ["admin:index"]
    for model, model_admin in admin.site._registry.items():
        name = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        pages.append(f"{name}_changelist")
        if model_admin.has_add_permission(request):
            pages.append(f"{name}_add")

    for name in pages:
        page.goto(live_server.url + reverse(name))
        assert problems == [], name
    page.goto(live_server.url + reverse("admin:images_image_changelist"))
    page.locator("#result_list tbody a").first.click()
    preview = page.locator(".field-preview img")
    preview.scroll_into_view_if_needed()
    page.wait_for_function("img => img.complete", arg=preview.element_handle())
    assert preview.evaluate("img => img.naturalWidth") == 320
    assert problems == []
    assert elsewhere == []


def test_server_error_page_is_accessible(page, live_server, settings, assert_accessible):
    settings.ROOT_URLCONF = "tests.newsroom.failing_urls"

    response = page.goto(live_server.url + "/en/fail/")

    assert response.status == 500
    assert page.locator("html").get_attribute("lang") == "en"
    assert_accessible(page)


@pytest.mark.parametrize("language", ["sv", "nn", "en"])
def test_unavailable_page_is_accessible(page, live_server, settings, assert_accessible, language):
    settings.ROOT_URLCONF = "tests.newsroom.error_urls"
    prefix = "" if language == "sv" else f"/{language}"

    response = page.goto(f"{live_server.url}{prefix}/down/")

    assert response.status == 503
    assert response.headers["retry-after"]
    assert page.locator("html").get_attribute("lang") == language
    assert_accessible(page)
