"""Event pages in a browser: axe in every language, no JavaScript, keyboard, player on demand."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from events.models import AttendanceMode, EventStatus
from tests.browser.helpers import address, tab_until
from tests.events.factories import EventFactory, ProgrammeItemFactory, in_days
from tests.newsroom.core.images.factories import ImageFactory
from tests.organisations.factories import ContactPersonFactory, OrganisationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ["sv", "nb", "nn", "en"]
PLAYER = "https://www.youtube-nocookie.com/embed/live_stream?channel=test"
OSLO = ZoneInfo("Europe/Oslo")


@pytest.fixture
def events():
    organisation = OrganisationFactory()
    hybrid = EventFactory(
        organisation=organisation,
        title_nn="Digital samling",
        title_nb="Digital samling (bokmål)",
        time_zone="Europe/Oslo",
        start=in_days(5, 13, 30, zone=OSLO),
        end=in_days(5, 15, 0, zone=OSLO),
        attendance_mode=AttendanceMode.HYBRID,
        stream_url="https://video.example/live",
        player_url=PLAYER,
        stream_note_sv="Sändningen öppnar 13.20.",
        registration_url="https://example.org/anmal",
        registration_deadline=in_days(3, 12, 0, zone=OSLO),
        image=ImageFactory(caption_sv="Bildtext"),
        page_owner=ContactPersonFactory(organisation=organisation),
        body_sv="<p>Mer om samlingen.</p>",
        updated_at=timezone.now(),
    )
    hybrid.contacts.add(*ContactPersonFactory.create_batch(2, organisation=organisation))
    hybrid.organisers.add(organisation, OrganisationFactory())
    for position in range(3):
        ProgrammeItemFactory(event=hybrid, position=position)
    cancelled = EventFactory(
        event_status=EventStatus.CANCELLED,
        status_note_sv="Inställt.",
        title_en="",
        slug_en="",
        lead_en="",
    )
    all_day = EventFactory(all_day=True, start=in_days(10, 0), end=in_days(12, 0))
    ongoing = EventFactory(
        start=timezone.now() - datetime.timedelta(hours=1),
        end=timezone.now() + datetime.timedelta(hours=2),
    )
    past = EventFactory(start=in_days(-10), end=in_days(-10, 12))
    return {
        "hybrid": hybrid,
        "cancelled": cancelled,
        "all_day": all_day,
        "ongoing": ongoing,
        "past": past,
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_lists_are_accessible(page, live_server, assert_accessible, events, language):
    page.goto(address(live_server, "events:list", language))
    assert page.locator("article.event-card").count() == 4
    assert page.locator(".event-badge--ongoing").count() == 1
    assert_accessible(page)
    page.goto(address(live_server, "events:past", language))
    assert page.locator("article.event-card").count() == 1
    assert_accessible(page)
    page.goto(address(live_server, "events:list", language) + "?month=2026-13&organisation=abc")
    assert page.locator(".errorlist").count() == 2
    assert_accessible(page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_event_pages_are_accessible(page, live_server, assert_accessible, events, language):
    for key in ["hybrid", "cancelled", "all_day", "ongoing", "past"]:
        page.goto(address(live_server, events[key], language))
        assert page.locator("h1").count() == 1
        assert_accessible(page)


def test_player_page_is_accessible(page, live_server, assert_accessible, events):
    page.route("https://www.youtube-nocookie.com/**", lambda route: route.fulfill(body="player"))
    page.goto(address(live_server, events["hybrid"], "sv") + "?player=1")
    assert page.locator("iframe.event-stream__frame").get_attribute("src") == PLAYER
    assert_accessible(page)


def test_lists_and_event_work_without_javascript(browser, live_server, events):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(address(live_server, "events:list", "sv"))
    page.select_option("#id_mode", "hybrid")
    page.locator(".filters button[type=submit]").click()
    page.wait_for_load_state()
    assert "mode=hybrid" in page.url
    assert page.locator("article.event-card").count() == 1
    page.locator("article.event-card a").first.click()
    page.wait_for_load_state()
    assert page.locator(".event-when").first.inner_text().count("13:30") == 1
    assert page.locator(".event-programme__item").count() == 3
    # No third-party request until the reader asks for the player; the link works without JS.
    assert not [url for url in requests if not url.startswith(live_server.url)]
    page.route("https://www.youtube-nocookie.com/**", lambda route: route.fulfill(body="player"))
    page.locator(".event-stream a.button").click()
    page.wait_for_load_state()
    assert "player=1" in page.url
    assert page.locator("iframe.event-stream__frame").count() == 1
    context.close()


def test_ics_link_downloads_a_calendar(page, live_server, events):
    page.goto(address(live_server, events["hybrid"], "en"))
    with page.expect_download() as download:
        page.get_by_role("link", name="Add to calendar").click()
    path = download.value.path()
    with open(path, "rb") as calendar:
        content = calendar.read().decode()
    assert "BEGIN:VCALENDAR" in content
    assert "DTSTART;TZID=Europe/Oslo:" in content


def test_list_and_event_are_keyboard_reachable(page, live_server, events):
    page.goto(address(live_server, "events:list", "sv"))
    assert tab_until(page, "document.activeElement.id === 'id_organisation'")
    assert tab_until(page, "document.activeElement.closest('.event-card') !== null")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("article.event h1").count() == 1
    page.goto(address(live_server, events["hybrid"], "sv"))
    assert tab_until(page, "document.activeElement.classList.contains('event-registration__link')")
    assert tab_until(page, "document.activeElement.closest('.event-stream') !== null")
