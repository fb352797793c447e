"""News by e-mail: subscribe, confirm, receive, change and unsubscribe, against a real SMTP
server; the form's defences; counts and erasure in the admin."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from newsroom.editorial.roles import PUBLISHER, SITE_ADMINISTRATOR
from newsroom.feedback.forms import HONEYPOT_FIELD
from newsroom.notifications.models import Notification
from newsroom.subscriptions import links
from newsroom.subscriptions.models import Subscription
from newsroom.subscriptions.services import news_to_subscribers
from tests.newsroom.news.factories import ArticleFactory, TopicFactory
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

ORIGIN = {"HTTP_ORIGIN": "http://testserver"}
SITE = "https://www.example.org"


@pytest.fixture(autouse=True)
def _quick(settings):
    settings.FEEDBACK_MIN_SECONDS = 0


def form_token(client, path="/nyheter/"):
    html = client.get(path).content.decode()
    form = html[html.index('class="subscribe__form"') :]
    return re.search(r'name="token" value="([^"]+)"', form).group(1)


def subscribe(client, email="reader@example.org", path="/nyheter/", **extra):
    data = {"token": form_token(client, path), "email": email, "frequency": "immediate", **extra}
    return client.post(reverse("subscriptions:subscribe"), data, **ORIGIN)


def subscribed(client, smtp_server, email="reader@example.org", **extra):
    assert subscribe(client, email, **extra).status_code == 303
    call_command("send_notifications")
    mail = smtp_server.to(email)[-1]
    path = re.search(re.escape(SITE) + r"(/\S+)", mail.text).group(1)
    assert client.post(path, **ORIGIN).status_code == 303
    return Subscription.objects.get(email=email)


def test_double_opt_in_then_news_at_once_with_one_click_unsubscribe(client, smtp_server):
    topic = TopicFactory(name_sv="Trafik")
    assert subscribe(client, path=topic.get_absolute_url(), topic=topic.pk).status_code == 303
    assert not Subscription.objects.exists()  # nothing stored before the reader confirms
    call_command("send_notifications")
    [confirmation] = smtp_server.received
    assert confirmation.recipients == ["reader@example.org"]
    assert "Bekräfta" in confirmation.message["Subject"]
    assert confirmation.message["List-Unsubscribe"] is None
    path = re.search(re.escape(SITE) + r"(/\S+)", confirmation.text).group(1)
    assert f'href="{SITE}{path}"' in confirmation.html

    assert client.get(path).status_code == 200  # a mail scanner following the link
    assert not Subscription.objects.exists()
    response = client.post(path, **ORIGIN)
    assert response.status_code == 303
    subscription = Subscription.objects.get()
    assert list(subscription.topics.all()) == [topic]
    assert not subscription.all_news
    assert subscription.language == "sv"

    ArticleFactory(topics=[topic], title_sv="Ny busslinje", publish_at=timezone.now())
    ArticleFactory(title_sv="Annat ämne", publish_at=timezone.now())
    call_command("send_notifications")
    call_command("send_notifications")
    [news] = smtp_server.received[1:]
    assert news.message["Subject"] == "Ny busslinje"
    unsubscribe_url = str(news.message["List-Unsubscribe"]).strip().strip("<>")
    assert unsubscribe_url.startswith(SITE)
    assert news.message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe_url in news.text
    assert "Ny busslinje" in news.html

    # RFC 8058: the mail client posts, from no page of ours.
    response = client.post(unsubscribe_url.removeprefix(SITE), {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Subscription.objects.exists()
    assert not Notification.objects.filter(recipient="reader@example.org").exists()
    ArticleFactory(topics=[topic], publish_at=timezone.now())
    call_command("send_notifications")
    assert len(smtp_server.received) == 2


def test_a_daily_digest_in_the_readers_language(client, smtp_server):
    organisation = OrganisationFactory()
    response = client.get("/en/news/")
    token = re.search(r'name="token" value="([^"]+)"', response.content.decode()).group(1)
    client.post(
        "/en/subscribe/",
        {
            "token": token,
            "email": "emma@example.org",
            "frequency": "daily",
            "organisation": organisation.pk,
        },
        **ORIGIN,
    )
    call_command("send_notifications")
    [confirmation] = smtp_server.received
    assert confirmation.message["Subject"].startswith("Confirm your subscription")
    path = re.search(re.escape(SITE) + r"(/\S+)", confirmation.text).group(1)
    client.post(path, **ORIGIN)
    yesterday = timezone.now() - datetime.timedelta(days=1)
    Subscription.objects.update(confirmed_at=yesterday - datetime.timedelta(days=1))
    for title in ("First", "Second"):
        ArticleFactory(
            organisation=organisation,
            title_en=title,
            publish_at=timezone.make_aware(
                datetime.datetime.combine(timezone.localdate(yesterday), datetime.time(12))
            ),
        )
    call_command("send_notifications")
    call_command("send_notifications")
    [digest] = smtp_server.received[1:]
    assert digest.message["Subject"] == "2 new articles from Newsroom"
    assert digest.message["Content-Language"] == "en"
    assert digest.text.index("First") < digest.text.index("Second")
    assert "/en/news/" in digest.text


def test_changing_the_choices_from_the_link_in_a_mail(client, smtp_server):
    topic = TopicFactory()
    subscription = subscribed(client, smtp_server)
    url = links.absolute("change", links.make_subscriber(subscription), "sv").removeprefix(SITE)
    assert client.get(url).status_code == 200
    response = client.post(url, {"frequency": "daily", "topics": [topic.pk]}, **ORIGIN)
    assert response.status_code == 303
    subscription.refresh_from_db()
    assert (subscription.frequency, subscription.all_news) == ("daily", False)
    assert list(subscription.topics.all()) == [topic]
    assert client.post(url, {"frequency": "daily"}, **ORIGIN).status_code == 400  # nothing
    assert client.post(url, {"frequency": "x", "all_news": "on"}, **ORIGIN).status_code == 400
    assert client.post(url, {"frequency": "daily", "all_news": "on"}).status_code == 403


def test_another_addresss_token_cannot_unsubscribe_or_read_it(client, smtp_server):
    mine = subscribed(client, smtp_server, "me@example.org")
    theirs = subscribed(client, smtp_server, "them@example.org")
    forged = links.make_subscriber(mine).replace(str(mine.pk), str(theirs.pk), 1)
    crafted = __import__("django.core.signing", fromlist=["dumps"]).dumps(
        {"i": theirs.pk, "e": "me@example.org"}, salt=links.SUBSCRIBER_SALT
    )
    for token in (forged, crafted, "x", "a" * 5000, "%00"):
        for name in ("unsubscribe", "change"):
            url = reverse(f"subscriptions:{name}", args=["T"]).replace("/T/", f"/{token}/")
            response = client.post(url, **ORIGIN)
            assert response.status_code in (200, 404)
            assert "them@example.org" not in response.content.decode()
    assert Subscription.objects.filter(email="them@example.org").exists()


def test_subscribing_twice_keeps_one_address_and_adds_the_choice(client, smtp_server):
    topic = TopicFactory()
    subscribed(client, smtp_server)
    subscribed(client, smtp_server, path=topic.get_absolute_url(), topic=topic.pk)
    subscription = Subscription.objects.get()
    assert subscription.all_news
    assert list(subscription.topics.all()) == [topic]


def test_an_expired_confirmation_link_stores_nothing(client, smtp_server):
    subscribe(client)
    call_command("send_notifications")
    path = re.search(re.escape(SITE) + r"(/\S+)", smtp_server.received[0].text).group(1)
    later = timezone.now() + datetime.timedelta(days=8)
    from unittest import mock

    with mock.patch("time.time", return_value=later.timestamp()):
        response = client.post(path, **ORIGIN)
    assert response.status_code == 404
    assert not Subscription.objects.exists()


def test_the_confirmation_mail_is_forgotten_after_7_days(client, smtp_server, settings):
    subscribe(client)
    call_command("send_notifications")
    Notification.objects.update(created=timezone.now() - datetime.timedelta(days=8))
    call_command("send_notifications")
    assert not Notification.objects.filter(recipient="reader@example.org").exists()


@pytest.mark.parametrize(
    ("data", "status"),
    [
        ({"email": "a@example.org\r\nBcc: victim@example.com"}, 400),
        ({"email": "Reader <a@example.org>, b@example.org"}, 400),
        ({"email": "a@example.org\x00"}, 400),
        ({"email": "a" * 300 + "@example.org"}, 400),
        ({"email": "<script>alert(1)</script>"}, 400),
        ({"email": ["a@example.org", "b@example.org"]}, 303),  # the last one counts, once
        ({"frequency": "hourly"}, 400),
        ({"topic": "abc"}, 400),
        ({"topic": 10**12}, 400),
        ({"organisation": 999999}, 400),
        ({"token": "forged"}, 400),
        ({"token": ""}, 400),
        ({HONEYPOT_FIELD: "http://spam.example"}, 400),
    ],
)
def test_hostile_subscriptions_are_refused_without_a_500(client, smtp_server, data, status):
    base = {"token": form_token(client), "email": "reader@example.org", "frequency": "daily"}
    response = client.post(reverse("subscriptions:subscribe"), {**base, **data}, **ORIGIN)
    assert response.status_code == status
    call_command("send_notifications")
    assert len(smtp_server.received) == (1 if status == 303 else 0)
    for mail in smtp_server.received:
        assert len(mail.recipients) == 1
        assert mail.message["Bcc"] is None


def test_a_post_from_another_site_is_refused(client, smtp_server):
    data = {"token": form_token(client), "email": "reader@example.org", "frequency": "daily"}
    url = reverse("subscriptions:subscribe")
    assert client.post(url, data, HTTP_ORIGIN="https://evil.example").status_code == 403
    assert client.post(url, data).status_code == 403  # no Origin, not same-origin
    assert not Notification.objects.exists()


def test_subscriptions_share_the_feedback_rate_limit(client, settings, smtp_server):
    settings.FEEDBACK_RATE_LIMIT = 2
    statuses = [subscribe(client, f"r{n}@example.org").status_code for n in range(3)]
    assert statuses == [303, 303, 429]


def test_public_pages_with_the_form_set_no_cookie(client):
    topic = TopicFactory()
    article = ArticleFactory(topics=[topic])
    for path in (
        "/nyheter/",
        topic.get_absolute_url(),
        article.organisation.get_absolute_url(),
        "/evenemang/",
    ):
        response = client.get(path)
        assert 'class="subscribe__form"' in response.content.decode()
        assert not response.cookies
        assert "Cookie" not in response.get("Vary", "")


def test_the_page_cache_gives_each_reader_a_fresh_form_token(client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    first, second = form_token(client), form_token(client)
    assert first != second
    assert subscribe_with(client, second).status_code == 303


def subscribe_with(client, token):
    data = {"token": token, "email": "reader@example.org", "frequency": "daily"}
    return client.post(reverse("subscriptions:subscribe"), data, **ORIGIN)


def test_news_job_queries_do_not_grow_with_subscribers_and_articles(client):
    topic = TopicFactory()

    def queries(count):
        for n in range(count):
            Subscription.objects.create(
                email=f"s{count}-{n}@example.org",
                language="sv",
                frequency="immediate",
                all_news=True,
                confirmed_at=timezone.now() - datetime.timedelta(hours=2),
            )
            ArticleFactory(topics=[topic], publish_at=timezone.now() - datetime.timedelta(hours=1))
        Notification.objects.all().delete()
        Subscription.objects.exclude(email__startswith=f"s{count}-").delete()
        with CaptureQueriesContext(connection) as captured:
            recorded = news_to_subscribers()
        return len(captured) - 4 * recorded  # each mail recorded: a check, a savepoint pair, insert

    assert queries(1) == queries(4)


def test_publishers_see_counts_and_only_site_administrators_the_addresses(client, smtp_server):
    topic = TopicFactory(name_sv="Trafik")
    subscribed(client, smtp_server, "a@example.org", path=topic.get_absolute_url(), topic=topic.pk)
    subscribed(client, smtp_server, "b@example.org")
    publisher = User.objects.create_user("pub", is_staff=True)
    publisher.groups.add(Group.objects.get(name=PUBLISHER))
    admin_user = User.objects.create_user("admin", is_staff=True)
    admin_user.groups.add(Group.objects.get(name=SITE_ADMINISTRATOR))

    client.force_login(publisher)
    counts = client.get("/admin/subscriptions/subscription/counts/")
    html = counts.content.decode()
    assert counts.status_code == 200
    assert "Trafik" in html
    assert "a@example.org" not in html
    listing = client.get("/admin/subscriptions/subscription/")
    assert listing.status_code == 302
    assert "a@example.org" not in client.get(listing["Location"]).content.decode()

    client.force_login(admin_user)
    listing = client.get("/admin/subscriptions/subscription/")
    assert "a@example.org" in listing.content.decode()
    pk = Subscription.objects.get(email="a@example.org").pk
    response = client.post(
        "/admin/subscriptions/subscription/",
        {"action": "erase", "_selected_action": [pk], "index": 0},
    )
    assert response.status_code == 302
    assert not Subscription.objects.filter(email="a@example.org").exists()
    assert not Notification.objects.filter(recipient="a@example.org").exists()
