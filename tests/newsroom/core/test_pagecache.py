import datetime
import re
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from newsroom.core.publishing import Status
from newsroom.feedback.tokens import read_form_token
from newsroom.pages.models import SiteSettings
from tests.events.factories import EventFactory
from tests.newsroom.news.factories import ArticleFactory, TopicFactory
from tests.organisations.factories import ContactPersonFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


def get(client, url, **headers):
    return client.get(url, headers=headers)


def is_hit(response):
    return response.get("X-Page-Cache") == "hit"


def test_a_readers_second_request_is_served_whole_without_the_database(client):
    article = ArticleFactory(title_sv="Cachad nyhet")
    first = get(client, article.get_absolute_url())
    assert first.status_code == 200
    assert not is_hit(first)
    with CaptureQueriesContext(connection) as queries:
        second = get(client, article.get_absolute_url())
    assert is_hit(second)
    assert len(queries) == 0
    assert second.content.count(b"Cachad nyhet") == first.content.count(b"Cachad nyhet") > 0
    assert not second.cookies


def test_head_is_answered_from_the_stored_get(client):
    url = ArticleFactory().get_absolute_url()
    get(client, url)
    assert is_hit(client.head(url))


@pytest.mark.parametrize(
    "change",
    [
        "edit the article",
        "unpublish the article",
        "delete the article",
        "rename its organisation",
        "change a contact person on it",
        "add a topic to it",
        "change the site settings",
    ],
)
def test_every_change_an_editor_makes_reaches_the_next_reader(client, change):
    person = ContactPersonFactory(name="Kim Kontakt")
    article = ArticleFactory(title_sv="Före", contacts=[person])
    url = article.get_absolute_url()
    get(client, url)
    assert is_hit(get(client, url))
    if change == "edit the article":
        article.title_sv = "Efter"
        article.save()
    elif change == "unpublish the article":
        article.status = Status.UNPUBLISHED
        article.save()
    elif change == "delete the article":
        article.delete()
    elif change == "rename its organisation":
        article.organisation.name_sv = "Omdöpt myndighet"
        article.organisation.save()
    elif change == "change a contact person on it":
        person.name = "Kim Nyman"
        person.save()
    elif change == "add a topic to it":
        article.topics.add(TopicFactory(name_sv="Nytt ämne"))
    else:
        settings_row = SiteSettings.objects.first() or SiteSettings()
        settings_row.site_name_sv = "Ny webbplats"
        settings_row.save()
    after = get(client, url)
    assert not is_hit(after)
    expected = {
        "edit the article": b"Efter",
        "rename its organisation": "Omdöpt myndighet".encode(),
        "change a contact person on it": b"Kim Nyman",
        "add a topic to it": "Nytt ämne".encode(),
        "change the site settings": b"Ny webbplats",
    }
    if change in ("unpublish the article", "delete the article"):
        assert after.status_code == 404
    else:
        assert expected[change] in after.content


def test_unrelated_writes_leave_pages_cached(client):
    from newsroom.feedback.services import feedback_create

    url = ArticleFactory().get_absolute_url()
    get(client, url)
    feedback_create(path=url, language="sv", helpful=True)
    assert is_hit(get(client, url))


def test_a_scheduled_article_appears_at_its_time_through_the_cache(client):
    now = timezone.now()
    ArticleFactory(title_sv="Redan ute")
    ArticleFactory(title_sv="Kommer klockan åtta", publish_at=now + datetime.timedelta(hours=2))
    url = reverse("news:list")
    before = get(client, url)
    assert "Kommer klockan åtta".encode() not in before.content
    max_age = int(re.search(r"max-age=(\d+)", before["Cache-Control"]).group(1))
    assert 0 < max_age <= 300
    assert is_hit(get(client, url))
    later = now + datetime.timedelta(hours=2, seconds=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        after = get(client, url)
    assert not is_hit(after)
    assert "Kommer klockan åtta".encode() in after.content


def test_max_age_is_bounded_by_the_next_scheduled_time(client):
    now = timezone.now()
    ArticleFactory(publish_at=now + datetime.timedelta(seconds=90))
    with mock.patch("django.utils.timezone.now", return_value=now):
        response = get(client, reverse("news:list"))
    control = response["Cache-Control"]
    assert "public" in control
    max_age = int(re.search(r"max-age=(\d+)", control).group(1))
    assert 80 <= max_age <= 90
    assert f"s-maxage={max_age}" in control


def test_an_unpublish_time_ends_the_copy_too(client):
    now = timezone.now()
    article = ArticleFactory(unpublish_at=now + datetime.timedelta(minutes=1))
    url = article.get_absolute_url()
    assert get(client, url).status_code == 200
    with mock.patch("django.utils.timezone.now", return_value=now + datetime.timedelta(minutes=2)):
        assert get(client, url).status_code == 404


def test_conditional_request_gets_304(client):
    url = ArticleFactory().get_absolute_url()
    first = get(client, url)
    etag = first["ETag"]
    again = get(client, url, if_none_match=etag)
    assert again.status_code == 304
    assert get(client, url, if_none_match='"something-else"').status_code == 200


def test_pages_vary_on_nothing_the_url_does_not_fix(client):
    url = ArticleFactory().get_absolute_url()
    for response in (get(client, url), get(client, url, accept_language="en")):
        assert "accept-language" not in response.get("Vary", "").lower()
        assert "cookie" not in response.get("Vary", "").lower()


def test_each_reader_gets_a_fresh_feedback_token(client):
    url = ArticleFactory().get_absolute_url()
    token_input = re.compile(rb'name="token" value="([^"]+)"')
    first = token_input.search(get(client, url).content).group(1).decode()
    second = token_input.search(get(client, url).content).group(1).decode()
    assert first != second
    old, new = read_form_token(first), read_form_token(second)
    assert old.page == new.page
    assert new.nonce != old.nonce
    assert new.rendered_at >= old.rendered_at


def test_preview_admin_and_logged_in_editors_are_never_served_from_the_cache(client, admin_client):
    from newsroom.core.preview import preview_url

    draft = ArticleFactory(status=Status.DRAFT)
    link = preview_url(draft)
    get(client, link)
    assert not is_hit(get(client, link))
    assert get(client, link)["Cache-Control"] == "no-store, private"
    url = ArticleFactory().get_absolute_url()
    get(admin_client, url)
    assert not is_hit(get(admin_client, url))
    get(admin_client, "/admin/")
    assert not is_hit(get(admin_client, "/admin/"))


def test_a_readers_own_feedback_step_is_not_cached(client):
    url = ArticleFactory().get_absolute_url() + "?feedback=x"
    get(client, url)
    assert not is_hit(get(client, url))


def test_event_and_organisation_pages_are_cached_and_invalidated(client):
    organisation = OrganisationFactory(name_sv="Förbundet")
    event = EventFactory(organisation=organisation, title_sv="Träff")
    for url in (event.get_absolute_url(), organisation.get_absolute_url()):
        get(client, url)
        assert is_hit(get(client, url))
    event.title_sv = "Ny träff"
    event.save()
    assert "Ny träff".encode() in get(client, event.get_absolute_url()).content
    assert not is_hit(get(client, organisation.get_absolute_url()))


def test_off_when_page_cache_seconds_is_zero(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    url = ArticleFactory().get_absolute_url()
    get(client, url)
    response = get(client, url)
    assert not is_hit(response)
    assert "public" not in response.get("Cache-Control", "")


def test_an_event_leaves_the_upcoming_list_when_it_ends_though_its_page_is_cached(client):
    soon = timezone.now() + datetime.timedelta(minutes=2)
    EventFactory(title_sv="Slutar snart", start=soon - datetime.timedelta(hours=1), end=soon)
    now = timezone.now()  # after the event's publication
    url = reverse("events:list")
    with mock.patch("django.utils.timezone.now", return_value=now):
        before = get(client, url)
    assert b"Slutar snart" in before.content
    assert int(re.search(r"max-age=(\d+)", before["Cache-Control"]).group(1)) <= 120
    with mock.patch("django.utils.timezone.now", return_value=now + datetime.timedelta(minutes=3)):
        after = get(client, url)
    assert not is_hit(after)
    assert b"Slutar snart" not in after.content
