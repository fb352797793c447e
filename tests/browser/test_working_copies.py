"""A published article is corrected without taking it down: an editor changes it and submits
the changes, a publisher compares and publishes them, and the reader sees the old version until
then; a scheduled change appears at its time (the clock moved, no sleeping); two people saving
the same item do not overwrite each other."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from newsroom.editorial.roles import EDITOR, PUBLISHER
from tests.newsroom.news.factories import ArticleFactory
from tests.organisations.factories import OrganisationFactory

from .helpers import address
from .test_editorial import log_in, staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def newsroom(live_server):
    organisation = OrganisationFactory(name_sv="Exempelverket")
    staff("redaktor", EDITOR, organisation)
    staff("publicist", PUBLISHER, organisation)
    return ArticleFactory(organisation=organisation, title_sv="Bidraget söks i maj")


def assert_parts_accessible(axe, page, problems, *selectors):
    """axe-core on what this feature adds to Django's change form (its own widgets, such as
    select2 and the rich-text editor, are checked where they are made). The console errors
    axe causes itself (its injected code against the admin's CSP) are not the page's."""
    before = len(problems)
    results = axe.run(page, context={"include": [[selector] for selector in selectors]})
    page.wait_for_timeout(200)
    del problems[before:]
    assert results.violations_count == 0, results.generate_report()


def reader_sees(browser, url):
    page = browser.new_context(locale="sv-SE").new_page()
    page.goto(url)
    title = page.locator("h1").first.inner_text()
    page.context.close()
    return title


def test_editor_corrects_publisher_publishes(browser, live_server, newsroom, axe):
    article, problems = newsroom, []
    public = address(live_server, article, "sv")
    change = live_server.url + reverse("admin:newsroom_article_change", args=[article.pk])

    editor = log_in(browser, live_server, "redaktor", problems)
    editor.goto(change)
    assert editor.locator(".editorial-notice").is_visible()  # it is published: a working copy
    assert_parts_accessible(axe, editor, problems, ".editorial-notice", ".editorial-submit")
    editor.fill("#id_title_sv", "Bidraget söks i juni")
    editor.click("input[name=_submit_working_copy]")
    editor.wait_for_selector(".messagelist")
    assert editor.input_value("#id_title_sv") == "Bidraget söks i juni"
    assert reader_sees(browser, public) == "Bidraget söks i maj"

    publisher = log_in(browser, live_server, "publicist", problems)
    publisher.goto(change)
    publisher.locator(".editorial-notice a").click()
    row = publisher.locator(".editorial-diff tr", has_text="juni")
    assert row.locator("del").inner_text() == "maj"
    assert row.locator("ins").inner_text() == "juni"
    assert_parts_accessible(axe, publisher, problems, "#content")
    publisher.click("button[value=publish]")
    publisher.wait_for_selector(".messagelist")
    assert reader_sees(browser, public) == "Bidraget söks i juni"
    # The browser asks for /favicon.ico by itself; the site has none.
    assert [m.text for m in problems if "favicon.ico" not in m.location["url"]] == []


def test_scheduled_changes_appear_at_their_time(browser, live_server, newsroom):
    article, problems = newsroom, []
    public = address(live_server, article, "sv")
    change = live_server.url + reverse("admin:newsroom_article_change", args=[article.pk])
    publisher = log_in(browser, live_server, "publicist", problems)
    publisher.goto(change)
    publisher.fill("#id_title_sv", "Nya regler från i morgon")
    publisher.click("input[name=_working_copy]")
    publisher.wait_for_selector(".messagelist")
    publisher.locator(".editorial-notice a").click()
    tomorrow = timezone.localtime() + datetime.timedelta(days=1)
    publisher.fill("#id_publish_at_0", tomorrow.strftime("%Y-%m-%d"))
    publisher.fill("#id_publish_at_1", "08:00")
    publisher.click("button[value=schedule]")
    publisher.wait_for_selector(".messagelist")
    assert reader_sees(browser, public) == "Bidraget söks i maj"

    at_eight = tomorrow.replace(hour=8, minute=0, second=30, microsecond=0)
    with time_machine.travel(at_eight - datetime.timedelta(minutes=1), tick=True):
        assert reader_sees(browser, public) == "Bidraget söks i maj"
    with time_machine.travel(at_eight, tick=True):
        assert reader_sees(browser, public) == "Nya regler från i morgon"


def test_a_second_save_is_shown_the_first_and_keeps_its_text(browser, live_server, newsroom, axe):
    article, problems = newsroom, []
    change = live_server.url + reverse("admin:newsroom_article_change", args=[article.pk])
    editor = log_in(browser, live_server, "redaktor", problems)
    publisher = log_in(browser, live_server, "publicist", problems)
    editor.goto(change)
    publisher.goto(change)
    editor.fill("#id_title_sv", "Redaktörens version")
    editor.click("input[name=_working_copy]")
    editor.wait_for_selector(".messagelist")

    publisher.fill("#id_title_sv", "Publicistens version")
    publisher.click("input[name=_working_copy]")
    publisher.wait_for_selector(".errornote")
    assert "redaktor" in publisher.locator(".errorlist.nonfield").inner_text()
    assert publisher.input_value("#id_title_sv") == "Publicistens version"
    assert publisher.locator(".editorial-conflict ins", has_text="Publicistens").is_visible()
    assert_parts_accessible(
        axe, publisher, problems, ".editorial-conflict", ".errornote", ".errorlist"
    )
    publisher.click("input[name=_working_copy]")  # seen the difference, saves again
    publisher.wait_for_selector(".messagelist")
    assert publisher.input_value("#id_title_sv") == "Publicistens version"
