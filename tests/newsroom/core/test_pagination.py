"""Newer and older pages of long lists: every item once, in order, at a cost that does not grow."""

import datetime
import html
import re
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from newsroom.core.publishing import Status
from tests.events.factories import EventFactory, in_days
from tests.newsroom.news.factories import ArticleFactory, TopicFactory

pytestmark = pytest.mark.django_db

LINK = re.compile(r'<a class="pagination__link" href="([^"]*)"(?: rel="(prev|next)")?>([^<]*)</a>')
CURRENT = re.compile(r'aria-current="page">([^<]*)</span>')


def links(response):
    """``{text or rel: href}`` of the pager's links."""
    found = {}
    for href, rel, text in LINK.findall(response.content.decode()):
        found[rel or text] = html.unescape(href)
    return found


def titles(response):
    return [article.title for article in response.context["page_obj"].object_list]


def walk(client, path, rel):
    """Follow ``rel`` links from ``path`` to the end; the pages' titles and position labels."""
    pages, response = [], client.get(path)
    while True:
        pages.append((titles(response), CURRENT.search(response.content.decode())[1]))
        href = links(response).get(rel)
        if href is None:
            return pages
        response = client.get(path + href)


def test_walking_older_then_newer_shows_every_article_once_in_order(client):
    now = timezone.now()
    # Two share a publish time: the key breaks the tie, so neither is skipped nor repeated.
    for number in range(27):
        minutes = 10 if number in (12, 13) else number
        ArticleFactory(title_sv=f"A{number}", publish_at=now - datetime.timedelta(minutes=minutes))
    path = reverse("news:list")
    older = walk(client, path, "next")
    assert [label for _titles, label in older] == ["Sida 1 av 3", "Sida 2 av 3", "Sida 3 av 3"]
    shown = [title for page, _label in older for title in page]
    assert sorted(shown) == sorted(f"A{number}" for number in range(27))
    assert len(shown) == 27
    expected = [a.title for a in ArticleFactory._meta.model.objects.order_by("-publish_at", "-pk")]
    assert shown == expected

    last = client.get(path + links(client.get(path))["Sista sidan"])
    assert titles(last) == expected[24:]
    back = walk(
        client, path + links(client.get(path + links(client.get(path))["next"]))["next"], "prev"
    )
    assert [page for page, _label in back] == [expected[24:], expected[12:24], expected[:12]]
    assert back[-1][1] == "Sida 1 av 3"


def test_filters_are_kept_on_every_page(client):
    topic = TopicFactory()
    ArticleFactory.create_batch(13, topics=[topic])
    ArticleFactory.create_batch(3)  # not in the topic
    second = client.get(
        reverse("news:list")
        + links(client.get(reverse("news:list"), {"topic": topic.slug}))["next"]
    )
    assert second.context["form"].filters()["topic"] == topic
    assert len(titles(second)) == 1


def test_a_new_article_is_counted_at_once(client):
    ArticleFactory.create_batch(12)
    assert "Sida 1 av 1" not in client.get(reverse("news:list")).content.decode()  # no pager
    ArticleFactory()
    assert "Sida 1 av 2" in client.get(reverse("news:list")).content.decode()


def test_a_scheduled_article_is_counted_when_its_time_comes(client):
    now = timezone.now()
    ArticleFactory.create_batch(12)
    ArticleFactory(publish_at=now + datetime.timedelta(hours=1))
    assert "Sida 1 av 2" not in client.get(reverse("news:list")).content.decode()
    with mock.patch("django.utils.timezone.now", return_value=now + datetime.timedelta(hours=2)):
        assert "Sida 1 av 2" in client.get(reverse("news:list")).content.decode()


def test_an_unpublished_article_leaves_the_count(client):
    articles = ArticleFactory.create_batch(13)
    assert "Sida 1 av 2" in client.get(reverse("news:list")).content.decode()
    articles[0].status = Status.UNPUBLISHED
    articles[0].save()
    assert "Sida 1 av 2" not in client.get(reverse("news:list")).content.decode()


HOSTILE_CURSORS = [
    "",
    "abc",
    "1.2.3",
    "9" * 40 + ".1",
    "99999999999999999.1",  # past the year 9999
    "-99999999999999999.1",
    "1700000000000000.\x00",
    "<script>.1",
    "1700000000000000." + "9" * 30,
    "²",  # a digit to str.isdigit, not to int
]


@pytest.mark.parametrize("value", HOSTILE_CURSORS)
@pytest.mark.parametrize("name", ["before", "after"])
def test_hostile_cursors_give_a_page_never_an_error(client, name, value):
    ArticleFactory.create_batch(13)
    EventFactory()
    for path in (reverse("news:list"), reverse("events:list"), reverse("events:past")):
        response = client.get(path, {name: value, "page": value})
        assert response.status_code == 200
        assert "<script>" not in response.content.decode()


def test_a_deep_page_costs_the_queries_of_the_first(client):
    """Each measured the first time it is asked for (a page seen before is remembered)."""
    ArticleFactory.create_batch(40)
    path = reverse("news:list")
    with CaptureQueriesContext(connection) as first:
        response = client.get(path)
    for _ in range(2):
        response = client.get(path + links(response)["next"])
    with CaptureQueriesContext(connection) as deep:
        client.get(path + links(response)["next"])
    assert len(deep) == len(first) > 0


def test_upcoming_events_walk_soonest_first_and_past_newest_first(client):
    for day in range(25):
        EventFactory(
            title_sv=f"Kommande {day:02}", start=in_days(day + 1), end=in_days(day + 1, 12)
        )
        EventFactory(
            title_sv=f"Tidigare {day:02}", start=in_days(-day - 2), end=in_days(-day - 2, 12)
        )
    upcoming = client.get(reverse("events:list"))
    second = client.get(reverse("events:list") + links(upcoming)["next"])
    shown = [e.title for e in upcoming.context["events"]] + [
        e.title for e in second.context["events"]
    ]
    assert shown == [f"Kommande {day:02}" for day in range(25)]
    past = client.get(reverse("events:past"))
    second = client.get(reverse("events:past") + links(past)["next"])
    shown = [e.title for e in past.context["events"]] + [e.title for e in second.context["events"]]
    assert shown == [f"Tidigare {day:02}" for day in range(25)]
