"""A week of a newsroom's life against a real SMTP server: exactly the mails described, once
each, however often send_notifications runs (every few minutes, as from cron)."""

import datetime
import re
import uuid
from collections import Counter

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from newsroom.core.publishing import Status
from newsroom.editorial import services
from newsroom.editorial.reminders import review_reminders
from newsroom.editorial.roles import EDITOR, PUBLISHER
from newsroom.feedback.digest import feedback_digests
from newsroom.feedback.models import Feedback
from newsroom.notifications.models import Preference
from newsroom.subscriptions.models import Subscription
from newsroom.subscriptions.services import news_to_subscribers
from tests.newsroom.news.factories import ArticleFactory, TopicFactory, draft
from tests.organisations.factories import ContactPersonFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

MONDAY = timezone.localdate() - datetime.timedelta(days=timezone.localdate().weekday())
SITE = "https://www.example.org"


def staff(name, role, organisation, **preferences):
    user = User.objects.create_user(name, email=f"{name}@example.org", is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    organisation.members.add(user)
    Preference.objects.create(user=user, **preferences)
    return user


def cron(day, runs=3):
    """send_notifications as cron runs it, several times a day, on the simulated ``day``."""
    for _run in range(runs):
        review_reminders(day)
        feedback_digests(day)
        news_to_subscribers(day)
        call_command("send_notifications")


def test_a_week(client, smtp_server, settings):
    settings.FEEDBACK_MIN_SECONDS = 0
    agency = OrganisationFactory()
    editor = staff("editor", EDITOR, agency, language="en")
    publisher = staff("publisher", PUBLISHER, agency, feedback_digest="weekly")
    owner = ContactPersonFactory(organisation=agency, email="editor@example.org")
    ArticleFactory(organisation=agency, page_owner=owner, review_by=MONDAY)  # due on Monday
    topic = TopicFactory()

    # Monday: a reader subscribes to the topic at once and confirms; feedback comes in.
    html = client.get(topic.get_absolute_url()).content.decode()
    token = re.search(r'name="token" value="([^"]+)"', html[html.index("subscribe__form") :])
    client.post(
        reverse("subscriptions:subscribe"),
        {
            "token": token.group(1),
            "email": "reader@example.org",
            "frequency": "immediate",
            "topic": topic.pk,
        },
        HTTP_ORIGIN="http://testserver",
    )
    cron(MONDAY)
    confirm = re.search(re.escape(SITE) + r"(/\S+)", smtp_server.to("reader@example.org")[0].text)
    client.post(confirm.group(1), HTTP_ORIGIN="http://testserver")
    Feedback.objects.create(
        submission_id=uuid.uuid4(),
        path="/nyheter/x/",
        language="sv",
        helpful=False,
        comment="Svårt att hitta datumet.",
        owner=agency,
        created=timezone.now() - datetime.timedelta(days=1),
    )

    # Tuesday: the editor submits; Wednesday: the publisher publishes it in the topic.
    article = draft(organisation=agency, title_en="New fee")
    article.status = Status.REVIEW
    services.save_with_workflow(article, user=editor, save=article.save, before=None)
    cron(MONDAY + datetime.timedelta(days=1))
    before = services.state_of(article)
    article.status = Status.PUBLISHED
    article.publish_at = timezone.now()  # after the reader confirmed
    services.save_with_workflow(article, user=publisher, save=article.save, before=before)
    article.topics.add(topic)
    for day in range(2, 7):
        cron(MONDAY + datetime.timedelta(days=day))

    # Next Monday: the review reminder again, the weekly feedback digest; the reader leaves.
    cron(MONDAY + datetime.timedelta(days=7))
    news = smtp_server.to("reader@example.org")[-1]
    unsubscribe = str(news.message["List-Unsubscribe"]).strip().strip("<>")
    client.post(unsubscribe.removeprefix(SITE), {"List-Unsubscribe": "One-Click"})
    assert not Subscription.objects.exists()
    ArticleFactory(organisation=agency, topics=[topic], publish_at=timezone.now())
    cron(MONDAY + datetime.timedelta(days=8))

    received = Counter(
        (mail.recipients[0], str(mail.message["Subject"]).strip()) for mail in smtp_server.received
    )
    assert received == {
        ("reader@example.org", "Bekräfta din prenumeration på nyheter från Newsroom"): 1,
        ("editor@example.org", "1 page to review"): 2,  # Monday, and a week later
        ("publisher@example.org", f"Klar för granskning: {article.title_sv}"): 1,
        ("editor@example.org", "Published: New fee"): 1,
        ("reader@example.org", article.title_sv): 1,  # the news at once, in Swedish
        ("publisher@example.org", "Återkoppling på 1 sida"): 1,  # the first Monday's digest
    }
