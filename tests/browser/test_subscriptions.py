"""News by e-mail in Chromium without JavaScript: subscribe, confirm from the mail, receive,
unsubscribe from the mail; each page axe-clean (checked in a second page, as axe needs scripts).
Also the new admin pages of our own templates: still correct, invitation, subscriber counts,
password reset (the settings form and the address list are Django's stock admin pages).
"""

import re

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from newsroom.editorial.roles import SITE_ADMINISTRATOR
from newsroom.subscriptions.models import Subscription
from tests.newsroom.news.factories import ArticleFactory, TopicFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Blue-kettle 7 orchard Spruce"


@pytest.fixture(autouse=True)
def _setup(settings, live_server):
    settings.FEEDBACK_MIN_SECONDS = 0


def first_link(mail, live_server):
    return re.search(re.escape(live_server.url) + r"/\S+", mail.text).group(0)


def test_subscribe_confirm_and_unsubscribe_without_javascript(
    browser, page, live_server, smtp_server, settings, assert_accessible
):
    settings.SITE_URL = live_server.url
    topic = TopicFactory(name_sv="Trafik")
    plain = browser.new_context(java_script_enabled=False).new_page()
    plain.goto(live_server.url + topic.get_absolute_url())
    page.goto(plain.url)
    assert_accessible(page)

    plain.get_by_label("Din e-postadress").fill("reader@example.org")
    plain.get_by_label("Direkt").check()
    plain.get_by_role("button", name="Prenumerera").click()
    expect(plain.get_by_role("heading", name="Titta i din inkorg")).to_be_visible()
    page.goto(plain.url)
    assert_accessible(page)

    call_command("send_notifications")
    plain.goto(first_link(smtp_server.received[0], live_server))
    page.goto(plain.url)
    assert_accessible(page)
    plain.get_by_role("button", name="Ja, bekräfta min prenumeration").click()
    expect(plain.get_by_text("Tack! Din prenumeration är bekräftad.")).to_be_visible()
    page.goto(plain.url)
    assert_accessible(page)
    assert list(Subscription.objects.get().topics.all()) == [topic]

    ArticleFactory(topics=[topic], title_sv="Ny busslinje", publish_at=timezone.now())
    call_command("send_notifications")
    news = smtp_server.received[1]
    unsubscribe = str(news.message["List-Unsubscribe"]).strip().strip("<>")
    plain.goto(unsubscribe)
    page.goto(plain.url)
    assert_accessible(page)
    plain.get_by_role("button", name="Avsluta prenumerationen").click()
    expect(plain.get_by_role("heading", name="Din prenumeration är avslutad")).to_be_visible()
    assert not Subscription.objects.exists()


def test_new_admin_pages_are_accessible(browser, live_server, smtp_server, assert_accessible):
    page = browser.new_context(locale="sv-SE").new_page()  # a Swedish site administrator
    admin_user = User.objects.create_user(
        "webbadmin", email="admin@example.org", password=PASSWORD, is_staff=True
    )
    admin_user.groups.add(Group.objects.get(name=SITE_ADMINISTRATOR))
    article = ArticleFactory(review_by=timezone.localdate())
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "webbadmin")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(live_server.url + "/admin/")
    for path in (
        f"/admin/newsroom/article/{article.pk}/still-correct/",
        "/admin/invite/",
        "/admin/subscriptions/subscription/counts/",
        "/admin/subscriptions/subscription/",  # the addresses, for site administrators
        "/admin/notifications/preference/",  # one's own e-mail settings
    ):
        page.goto(live_server.url + path)
        assert_accessible(page)
    page.goto(live_server.url + "/admin/invite/")
    page.get_by_role("button", name="Skicka inbjudan").click()  # empty: the errors, accessible
    assert_accessible(page)
    page.goto(live_server.url + f"/admin/newsroom/article/{article.pk}/still-correct/")
    page.get_by_role("button", name="Stämmer fortfarande").click()
    page.wait_for_url(f"**/admin/newsroom/article/{article.pk}/change/")
    article.refresh_from_db()
    assert article.review_by > timezone.localdate()


def test_password_reset_page_is_accessible(browser, live_server, assert_accessible):
    page = browser.new_context(locale="sv-SE").new_page()
    page.goto(live_server.url + "/admin/login/")
    page.locator('a[href="/admin/password_reset/"]').click()  # the login page's link
    expect(page.locator("#id_email")).to_be_visible()
    assert_accessible(page)
