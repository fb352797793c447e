"""Review reminders ("bäst före") and the one-click "still correct" review."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from newsroom.editorial.models import AuditEntry
from newsroom.editorial.reminders import review_reminders
from newsroom.notifications.models import Preference
from tests.newsroom.news.factories import ArticleFactory
from tests.organisations.factories import ContactPersonFactory

from .conftest import admin_url, logged_in, reload

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


@pytest.fixture
def owner(orgs, editor):
    """The editor, who is the page owner (contact person) of pages through their address."""
    editor.email = "Owner@Example.org"
    editor.first_name, editor.last_name = "Olle", "Ägare"
    editor.save()
    Preference.objects.create(user=editor, language="sv")
    return editor


@pytest.fixture
def contact(orgs):
    return ContactPersonFactory(organisation=orgs.own, email="owner@example.org")


def due(orgs, contact=None, days_ago=0, **kwargs):
    return ArticleFactory(
        organisation=orgs.own, page_owner=contact, review_by=TODAY - days_ago * DAY, **kwargs
    )


def run(day):
    call_command("send_notifications")  # what is already recorded
    review_reminders(day)
    call_command("send_notifications")


def test_the_owner_gets_one_digest_then_weekly_until_reviewed(
    client, orgs, owner, contact, smtp_server
):
    first = due(orgs, contact, title_sv="Taxor 2026")
    second = due(orgs, contact, days_ago=3, title_sv="Öppettider")
    ArticleFactory(organisation=orgs.own, page_owner=contact, review_by=TODAY + 30 * DAY)  # later
    run(TODAY)
    run(TODAY)
    [digest] = smtp_server.received
    assert digest.recipients == ["Owner@Example.org"]
    assert digest.message["Subject"] == "2 sidor att granska"
    assert digest.message["Auto-Submitted"] == "auto-generated"
    text, html = digest.text, digest.html
    assert text.index("Öppettider") < text.index("Taxor 2026")  # longest due first
    assert f"/admin/newsroom/article/{first.pk}/still-correct/" in text
    assert f'href="https://www.example.org/admin/newsroom/article/{second.pk}/change/"' in html

    for day in range(1, 7):
        run(TODAY + day * DAY)
    assert len(smtp_server.received) == 1  # no more within the week
    run(TODAY + 7 * DAY)
    assert len(smtp_server.received) == 2  # a week on, both still due

    as_owner = logged_in(client, owner)
    for article in (first, second):
        as_owner.post(admin_url("article", "still_correct", article.pk))
    run(TODAY + 14 * DAY)
    assert len(smtp_server.received) == 2


def test_a_page_newly_due_is_told_without_waiting_for_the_week(orgs, owner, contact, smtp_server):
    due(orgs, contact)
    run(TODAY)
    due(orgs, contact, days_ago=-2, title_sv="Ny på listan")
    run(TODAY + 2 * DAY)
    assert len(smtp_server.received) == 2
    assert "Ny på listan" in smtp_server.received[1].text


def test_without_an_owner_account_the_organisations_staff_are_reminded(
    orgs, editor, publisher, smtp_server
):
    editor.email, publisher.email = "editor@example.org", "publisher@example.org"
    editor.save()
    publisher.save()
    stranger = ContactPersonFactory(organisation=orgs.own, email="nobody@example.org")
    due(orgs, stranger, title_sv="Utan konto")
    due(orgs, None, title_sv="Utan ägare")
    ArticleFactory(organisation=orgs.other, review_by=TODAY)  # another organisation's
    run(TODAY)
    assert sorted(mail.recipients[0] for mail in smtp_server.received) == [
        "editor@example.org",
        "publisher@example.org",
    ]
    for mail in smtp_server.received:
        assert "Utan konto" in mail.text
        assert "Utan ägare" in mail.text


def test_reminders_can_be_turned_off(orgs, owner, contact, smtp_server):
    Preference.objects.filter(user=owner).update(review_reminders=False)
    due(orgs, contact)
    run(TODAY)
    assert smtp_server.received == []


def test_the_digest_costs_the_same_queries_for_one_page_or_many(orgs, owner, contact):
    other = User.objects.create_user("other", email="other@example.org", is_staff=True)
    orgs.own.members.add(other)

    def queries(count, day):
        for _index in range(count):
            due(orgs, contact)
            due(orgs, None)
        with CaptureQueriesContext(connection) as captured:
            assert review_reminders(day) == 2  # the owner (also a member) and the other member
        return len(captured)

    assert queries(1, TODAY) == queries(6, TODAY + 7 * DAY)


def test_still_correct_asks_first_then_moves_the_date_on_and_is_audited(
    client, orgs, owner, contact, settings
):
    settings.REVIEW_PERIOD_DAYS = 180
    article = due(orgs, contact, days_ago=10)
    as_owner = logged_in(client, owner)
    url = admin_url("article", "still_correct", article.pk)
    response = as_owner.get(url)
    assert response.status_code == 200
    assert "Stämmer fortfarande" in response.content.decode()
    assert reload(article).review_by == TODAY - 10 * DAY  # a link alone changes nothing
    response = as_owner.post(url)
    assert response.status_code == 302
    assert reload(article).review_by == TODAY + 180 * DAY
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.user, entry.object_id) == ("reviewed", owner, str(article.pk))


def test_still_correct_refuses_another_organisations_page_and_hostile_ids(client, orgs, owner):
    theirs = ArticleFactory(organisation=orgs.other, review_by=TODAY)
    as_owner = logged_in(client, owner)
    for object_id in (theirs.pk, "abc", "1%00", "9" * 40, "<b>"):
        url = f"/admin/newsroom/article/{object_id}/still-correct/"
        assert as_owner.post(url).status_code in (302, 404)
    assert reload(theirs).review_by == TODAY
    assert not AuditEntry.objects.exists()


def test_still_correct_needs_the_csrf_token(orgs, owner, contact):
    from django.test import Client

    article = due(orgs, contact)
    client = Client(enforce_csrf_checks=True)
    client.force_login(owner)
    assert client.post(admin_url("article", "still_correct", article.pk)).status_code == 403
    assert reload(article).review_by == TODAY
