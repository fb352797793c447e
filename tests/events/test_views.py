import datetime
import json
import re
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from events.models import AttendanceMode, EventStatus
from newsroom.core.preview import preview_url
from newsroom.core.publishing import Status
from tests.events.factories import EventFactory, ProgrammeItemFactory, in_days
from tests.newsroom.news.factories import ArticleFactory
from tests.organisations.factories import ContactPersonFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

OSLO = ZoneInfo("Europe/Oslo")


def html(response):
    assert response.status_code == 200
    return response.content.decode()


def json_ld(response):
    match = re.search(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    return json.loads(match.group(1))


def test_upcoming_list_soonest_first_with_ongoing_marked(client):
    later = EventFactory(title_sv="Senare", start=in_days(5), end=in_days(5, 12))
    ongoing = EventFactory(
        title_sv="Pågår",
        start=timezone.now() - datetime.timedelta(hours=1),
        end=timezone.now() + datetime.timedelta(hours=1),
    )
    EventFactory(title_sv="Förbi", start=in_days(-5), end=in_days(-5, 12))
    EventFactory(title_sv="Utkast", status=Status.DRAFT)
    page = html(client.get(reverse("events:list")))
    assert page.index(ongoing.title_sv) < page.index(later.title_sv)
    assert "Förbi" not in page
    assert "Utkast" not in page
    assert page.count("event-badge--ongoing") == 1


def test_past_list_newest_first(client):
    EventFactory(title_sv="Sommarfesten")
    older = EventFactory(title_sv="Äldre", start=in_days(-9), end=in_days(-9, 12))
    newer = EventFactory(title_sv="Nyare", start=in_days(-2), end=in_days(-2, 12))
    page = html(client.get(reverse("events:past")))
    assert page.index(newer.title_sv) < page.index(older.title_sv)
    assert "Sommarfesten" not in page


def test_filters(client):
    first = OrganisationFactory()
    second = OrganisationFactory()
    EventFactory(title_sv="Första", organisation=first, start=in_days(3), end=in_days(3, 12))
    online = EventFactory(
        title_sv="Andra",
        organisation=second,
        attendance_mode=AttendanceMode.ONLINE,
        stream_url="https://example.org/s",
    )
    co_organised = EventFactory(title_sv="Tredje", organisation=second)
    co_organised.organisers.add(first)
    url = reverse("events:list")

    page = html(client.get(url, {"organisation": first.pk}))
    assert "Första" in page
    assert "Tredje" in page
    assert "Andra" not in page
    page = html(client.get(url, {"mode": "online"}))
    assert "Andra" in page
    assert "Första" not in page
    month = online.local_start.strftime("%Y-%m")
    page = html(client.get(url, {"month": month}))
    assert "Andra" in page
    next_year = (online.local_start + datetime.timedelta(days=400)).strftime("%Y-%m")
    assert "Andra" not in html(client.get(url, {"month": next_year}))


@pytest.mark.parametrize(
    "params",
    [
        {"month": "2026-13"},
        {"month": "2026-00"},
        {"month": "<script>alert(1)</script>"},
        {"month": "2026-09\x00"},
        {"month": "9" * 5000},
        {"month": ["2026-09", "2026-10"]},
        {"organisation": "abc"},
        {"organisation": "999999999"},
        {"organisation": "99999999999999999999999999"},
        {"organisation": "-1"},
        {"organisation": "1\x00"},
        {"organisation": "<b>1</b>"},
        {"mode": "teleport"},
        {"mode": "\x00"},
        {"page": "abc"},
        {"page": "-1"},
        {"page": "99999999999999999999"},
        {"page": "\x00"},
        {"page": "1e3"},
        {"unknown": "x"},
    ],
)
@pytest.mark.parametrize("name", ["events:list", "events:past"])
def test_hostile_filter_input_never_fails(client, name, params):
    EventFactory(title_sv="Alltid")
    EventFactory(title_sv="Tidigare", start=in_days(-3), end=in_days(-3, 12))
    page = html(client.get(reverse(name), params))
    assert "<script>alert" not in page
    assert "<b>1</b>" not in page


def test_invalid_filter_is_reported_and_ignored(client):
    EventFactory(title_sv="Alltid")
    page = html(client.get(reverse("events:list"), {"month": "2026-13", "organisation": "abc"}))
    assert "Alltid" in page
    assert page.count('class="errorlist"') == 2


def test_another_organisations_id_without_events_is_refused(client):
    EventFactory(title_sv="Alltid")
    lonely = OrganisationFactory()
    page = html(client.get(reverse("events:list"), {"organisation": lonely.pk}))
    assert 'class="errorlist"' in page
    assert "Alltid" in page


def test_pagination_keeps_filters(client):
    organisation = OrganisationFactory()
    for day in range(25):
        EventFactory(organisation=organisation, start=in_days(day + 1), end=in_days(day + 1, 12))
    page = html(client.get(reverse("events:list"), {"organisation": organisation.pk}))
    older = re.search(r'href="([^"]*)" rel="next"', page)[1].replace("&amp;", "&")
    assert older.startswith(f"?organisation={organisation.pk}&")
    page_two = html(client.get(reverse("events:list") + older))
    assert page_two.count('<article class="event-card') == 5


def test_event_page_shows_time_in_its_zone(client):
    event = EventFactory(
        time_zone="Europe/Oslo",
        start=datetime.datetime(2026, 9, 1, 13, 30, tzinfo=OSLO),
        end=datetime.datetime(2026, 9, 1, 15, 0, tzinfo=OSLO),
    )
    # A zone far from the site's makes a mistake visible: the page must still say 13:30.
    event.time_zone = "Europe/London"
    event.save()
    page = html(client.get(event.get_absolute_url()))
    assert "12:30" in page  # 13:30 in Oslo is 12:30 in London
    assert "Europe/London" in page

    event.time_zone = "Europe/Oslo"
    event.save()
    page = html(client.get(event.get_absolute_url()))
    assert ">1 september 2026, 13:30</time>" in page
    assert 'datetime="2026-09-01T13:30:00+0200"' in page
    assert "Europe/Oslo" in page  # named: differs from the site's zone


def test_zone_is_not_named_when_it_is_the_sites(client):
    event = EventFactory(time_zone="Europe/Stockholm")
    assert "Europe/Stockholm" not in html(client.get(event.get_absolute_url()))


@pytest.mark.parametrize(
    ("utc", "shown"),
    [
        # Last Sunday of March 2026: 01:30 UTC is 03:30 summer time in Oslo.
        (datetime.datetime(2026, 3, 29, 1, 30, tzinfo=datetime.UTC), "29 mars 2026, 03:30"),
        (datetime.datetime(2026, 3, 29, 0, 30, tzinfo=datetime.UTC), "29 mars 2026, 01:30"),
        # Last Sunday of October 2026: 02:30 happens twice.
        (datetime.datetime(2026, 10, 25, 0, 30, tzinfo=datetime.UTC), "25 oktober 2026, 02:30"),
        (datetime.datetime(2026, 10, 25, 1, 30, tzinfo=datetime.UTC), "25 oktober 2026, 02:30"),
        (datetime.datetime(2026, 10, 25, 2, 30, tzinfo=datetime.UTC), "25 oktober 2026, 03:30"),
    ],
)
def test_dst_boundaries_on_the_page(client, utc, shown):
    event = EventFactory(time_zone="Europe/Oslo", start=utc, end=utc + datetime.timedelta(hours=3))
    assert shown in html(client.get(event.get_absolute_url()))


def test_all_day_event_shows_dates_only(client):
    zone = ZoneInfo("Europe/Stockholm")
    event = EventFactory(
        all_day=True,
        start=datetime.datetime(2026, 10, 24, tzinfo=zone),
        end=datetime.datetime(2026, 10, 26, tzinfo=zone),
    )
    page = html(client.get(event.get_absolute_url()))
    assert ">24 oktober 2026</time> \u2013 <time" in page
    assert '<time datetime="2026-10-25">25 oktober 2026</time>' in page
    assert "00:00" not in page


def test_event_page_content(client):
    owner = ContactPersonFactory(name="Sidägare Person")
    contact = ContactPersonFactory(name="Synlig Kontakt")
    hidden = ContactPersonFactory(name="Dold Kontakt", is_public=False)
    organiser = OrganisationFactory(name_sv="Medarrangören")
    event = EventFactory(
        page_owner=owner,
        attendance_mode=AttendanceMode.HYBRID,
        stream_url="https://video.example/live",
        player_url="https://www.youtube-nocookie.com/embed/abc",
        stream_note_sv="Sändningen öppnar 13.15.",
        registration_url="https://example.org/anmal",
        publish_at=timezone.now() - datetime.timedelta(days=30),
        updated_at=timezone.now() - datetime.timedelta(days=10),
    )
    event.organisers.add(organiser)
    event.contacts.add(contact, hidden)
    ProgrammeItemFactory(event=event, title_sv="Inledning", speakers_sv="Kari Nordmann, ordförande")
    response = client.get(event.get_absolute_url())
    page = html(response)
    assert '<nav class="breadcrumb"' in page
    assert reverse("events:list") in page
    for text in [
        "Stadshuset",
        "Medarrangören",
        "Synlig Kontakt",
        "Sidägare Person",
        "Inledning",
        "Kari Nordmann, ordförande",
        "Sändningen öppnar 13.15.",
        "https://video.example/live",
        "https://example.org/anmal",
        date_format(timezone.localtime(event.updated_at), "j F Y"),
        reverse("events:ics", kwargs={"slug": event.slug}),
    ]:
        assert text in page, text
    assert "Dold Kontakt" not in page
    # The player loads only when asked for: no third-party frame on page load.
    assert "<iframe" not in page
    assert "?player=1#stream" in page
    assert "<iframe" in html(client.get(event.get_absolute_url(), {"player": "1"}))
    # Public pages set no cookie and do not vary on it.
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")


def test_player_from_a_host_no_longer_allowed_is_not_embedded(client, settings):
    event = EventFactory(
        attendance_mode=AttendanceMode.ONLINE,
        stream_url="https://video.example/live",
        player_url="https://www.youtube-nocookie.com/embed/abc",
    )
    settings.EMBED_HOSTS = ["player.vimeo.com"]
    page = html(client.get(event.get_absolute_url(), {"player": "1"}))
    assert "<iframe" not in page
    assert "https://video.example/live" in page


def test_cancelled_status_is_prominent(client):
    event = EventFactory(
        event_status=EventStatus.CANCELLED, status_note_sv="Inställt p.g.a. sjukdom"
    )
    page = html(client.get(event.get_absolute_url()))
    assert "event-status--cancelled" in page
    assert "Inställt p.g.a. sjukdom" in page
    assert page.index("event-status--cancelled") < page.index("event-facts")


def test_json_ld(client):
    organiser = OrganisationFactory()
    event = EventFactory(
        time_zone="Europe/Oslo",
        start=datetime.datetime(2026, 9, 1, 13, 30, tzinfo=OSLO),
        end=datetime.datetime(2026, 9, 1, 15, 0, tzinfo=OSLO),
        attendance_mode=AttendanceMode.HYBRID,
        stream_url="https://video.example/live",
        event_status=EventStatus.MOVED_ONLINE,
        title_sv="</script><script>alert(1)</script>",
    )
    event.organisers.add(organiser)
    response = client.get(event.get_absolute_url())
    assert "<script>alert(1)" not in response.content.decode()
    data = json_ld(response)
    assert data["@type"] == "Event"
    assert data["name"] == "</script><script>alert(1)</script>"
    assert data["startDate"] == "2026-09-01T13:30:00+02:00"
    assert data["eventStatus"] == "https://schema.org/EventMovedOnline"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert [place["@type"] for place in data["location"]] == ["Place", "VirtualLocation"]
    assert data["organizer"][0]["name"] == organiser.name


def test_online_event_json_ld_and_where(client):
    event = EventFactory(
        attendance_mode=AttendanceMode.ONLINE, venue_name="", stream_url="https://video.example/l"
    )
    response = client.get(event.get_absolute_url())
    data = json_ld(response)
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://video.example/l"}
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert "Online" in html(response)


def test_drafts_404_but_preview_works(client):
    draft = EventFactory(status=Status.DRAFT, title_sv="Hemligt utkast")
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(reverse("events:ics", kwargs={"slug": draft.slug})).status_code == 404
    response = client.get(preview_url(draft))
    assert "Hemligt utkast" in html(response)
    assert "no-store" in response["Cache-Control"]


def test_unknown_slug_404(client):
    assert client.get(reverse("events:detail", kwargs={"slug": "finns-inte"})).status_code == 404


def test_every_language(client):
    event = EventFactory(title_sv="Svensk titel", title_en="English title", slug_en="english")
    for code in ["sv", "nb", "nn", "en"]:
        with translation.override(code):
            list_url, url = reverse("events:list"), event.get_absolute_url()
        assert html(client.get(list_url))
        page = html(client.get(url))
        assert ("English title" if code == "en" else "Svensk titel") in page
    with translation.override("nb"):
        page = html(client.get(event.get_absolute_url()))
    assert 'class="notice"' in page  # shown in Swedish: the page says so
    assert '<article class="event" lang="sv">' in page


def warm_query_count(client, url):
    """The queries one request to ``url`` makes once the process is warm.

    A first request fills what is cached per process (content types, site settings, translated
    URL words, …) and is not counted: comparing it with a warm request would hide as many
    queries per item as it had extra. The second, counted, request is the one to compare."""
    html(client.get(url))
    with CaptureQueriesContext(connection) as queries:
        html(client.get(url))
    return len(queries)


def assert_same_queries_with_more_items(client, url, make, django_assert_num_queries, few, many):
    """Exactly as many queries for ``many`` items as for ``few``: no query per item."""
    make(few)
    expected = warm_query_count(client, url)
    make(many - few)
    html(client.get(url))  # warm again: saving content may have emptied a cache
    with django_assert_num_queries(expected):
        page = html(client.get(url))
    return page


def test_list_query_count_is_constant(client, django_assert_num_queries):
    def make(count):
        for _ in range(count):
            event = EventFactory()
            event.organisers.add(OrganisationFactory())

    url = reverse("events:list")
    page = assert_same_queries_with_more_items(client, url, make, django_assert_num_queries, 2, 12)
    assert page.count('<article class="event-card') == 12  # all on one page, all rendered


def test_past_list_query_count_is_constant(client, django_assert_num_queries):
    def make(count):
        for _ in range(count):
            event = EventFactory(start=in_days(-3), end=in_days(-3, 12))
            event.organisers.add(OrganisationFactory())

    url = reverse("events:past")
    page = assert_same_queries_with_more_items(client, url, make, django_assert_num_queries, 2, 12)
    assert page.count('<article class="event-card') == 12


def test_detail_query_count_is_constant(client, django_assert_num_queries):
    event = EventFactory()

    def make(count):
        for _ in range(count):
            ProgrammeItemFactory(event=event, contact=ContactPersonFactory())
            event.contacts.add(ContactPersonFactory())
            event.organisers.add(OrganisationFactory())
            event.related_articles.add(ArticleFactory())

    url = event.get_absolute_url()
    page = assert_same_queries_with_more_items(client, url, make, django_assert_num_queries, 1, 6)
    # Every relation grew by five, and all of it is on the page.
    assert page.count("Programpunkt ") == 6
    assert page.count('<li><a href="/nyheter/') == 6  # related articles
    assert page.count('<div class="contact-card"') == 6  # the event's contacts


def test_home_page_shows_next_events(client):
    EventFactory(title_sv="Nästa händelse")
    EventFactory(title_sv="Gammal händelse", start=in_days(-3), end=in_days(-3, 12))
    page = html(client.get(reverse("home")))
    assert "Nästa händelse" in page
    assert "Gammal händelse" not in page


def test_home_page_next_events_query_count_is_constant(client, django_assert_num_queries):
    def make(count):
        for _ in range(count):
            EventFactory(title_sv="Kommande händelse")

    url = reverse("home")
    page = assert_same_queries_with_more_items(client, url, make, django_assert_num_queries, 1, 3)
    assert page.count("Kommande händelse") == 3  # the section shows three


def test_sitemap_lists_published_events(client):
    event = EventFactory(slug_sv="synlig")
    EventFactory(slug_sv="osynlig", status=Status.DRAFT)
    page = html(client.get(reverse("sitemap")))
    assert event.get_absolute_url() in page
    assert "osynlig" not in page


def test_organisation_page_lists_its_events(client):
    organisation = OrganisationFactory()
    EventFactory(title_sv="Eget evenemang", organisation=organisation)
    co_organised = EventFactory(title_sv="Samarrangemang")
    co_organised.organisers.add(organisation)
    EventFactory(title_sv="Annans evenemang")
    EventFactory(title_sv="Eget utkast", organisation=organisation, status=Status.DRAFT)
    page = html(client.get(organisation.get_absolute_url()))
    assert "Eget evenemang" in page
    assert "Samarrangemang" in page
    assert "Annans evenemang" not in page
    assert "Eget utkast" not in page
    assert f"{reverse('events:list')}?organisation={organisation.pk}" in page


def test_organisation_page_event_query_count_is_constant(client, django_assert_num_queries):
    organisation = OrganisationFactory()

    def make(count):
        for number in range(count):
            if number % 2:
                EventFactory(title_sv="Evenemanget", organisation=organisation)
            else:
                EventFactory(title_sv="Evenemanget").organisers.add(organisation)

    url = organisation.get_absolute_url()
    page = assert_same_queries_with_more_items(client, url, make, django_assert_num_queries, 1, 5)
    assert page.count("Evenemanget") == 5  # the section shows five


def test_article_page_lists_related_published_events(client):
    article = ArticleFactory()
    EventFactory(title_sv="Relaterat evenemang").related_articles.add(article)
    EventFactory(title_sv="Relaterat utkast", status=Status.DRAFT).related_articles.add(article)
    page = html(client.get(article.get_absolute_url()))
    assert "Relaterat evenemang" in page
    assert "Relaterat utkast" not in page
