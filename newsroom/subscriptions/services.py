"""Subscribing, confirming, unsubscribing, and recording the news mails that are due.

Mails go through ``newsroom.notifications`` (recorded, then sent by ``send_notifications``).
An address is stored only once its owner confirms; unsubscribing or erasure deletes it, and
with it every recorded mail to it.
"""

import datetime
import hashlib
import json

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation

from newsroom.notifications.models import Notification
from newsroom.notifications.services import one_line, record

from . import links, registry
from .models import Subscription

KINDS = ("subscription.confirm", "news.item", "news.digest")
RECENT = datetime.timedelta(hours=24)  # how far back a run looks for news to send at once


def request_subscription(choices):
    """Record the confirmation mail (once a day for the same address and choices)."""
    digest = hashlib.sha256(
        json.dumps([choices, timezone.localdate().isoformat()], sort_keys=True).encode()
    ).hexdigest()
    return record(
        key=f"subscription.confirm:{digest}",
        kind="subscription.confirm",
        recipient=choices["email"],
        language=choices["language"],
        template="subscriptions/mail/subscription_confirm",
        context={
            "confirm_url": links.absolute(
                "confirm", links.make_confirmation(choices), choices["language"]
            )
        },
        headers={"Auto-Submitted": "auto-generated"},
    )


@transaction.atomic
def confirm(choices):
    """Store the confirmed subscription, adding to one the address has already."""
    subscription = Subscription.objects.filter(email__iexact=choices["email"]).first()
    subscription = subscription or Subscription(email=choices["email"])
    subscription.language = choices["language"]
    subscription.frequency = choices["frequency"]
    subscription.all_news = subscription.all_news or bool(choices["all"])
    subscription.confirmed_at = timezone.now()
    subscription.save()
    subscription.topics.add(*registry.model("topic").objects.filter(pk__in=choices["topics"]))
    subscription.organisations.add(
        *registry.model("organisation").objects.filter(pk__in=choices["organisations"])
    )
    return subscription


@transaction.atomic
def erase(email):
    """Delete the address: its subscription and every mail to it recorded here (GDPR erasure)."""
    Notification.objects.filter(recipient__iexact=email, kind__in=KINDS).delete()
    deleted, _by_model = Subscription.objects.filter(email__iexact=email).delete()
    return bool(deleted)


def subscriber(token):
    """The subscription a subscriber link names, or None once it is gone."""
    pk, email = links.read_subscriber(token)
    subscription = Subscription.objects.filter(pk=pk).first()
    if subscription is None or subscription.email.lower() != email:
        return None
    return subscription


def _headers(unsubscribe_url):
    # RFC 8058: a mail client may unsubscribe with one POST to this address, without a page.
    return {
        "List-Unsubscribe": f"<{unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "Auto-Submitted": "auto-generated",
    }


def _wants(subscription, article):
    if subscription.all_news or article.organisation_id in subscription.organisation_ids:
        return True
    return bool(subscription.topic_ids & {topic.pk for topic in article.topics.all()})


def _entry(article, language):
    with translation.override(language):
        return {
            "title": one_line(article.title),
            "lead": article.lead,
            "url": settings.SITE_URL + article.get_absolute_url(),
        }


def _record_news(subscription, articles, key, kind):
    token = links.make_subscriber(subscription)
    language = subscription.language
    unsubscribe_url = links.absolute("unsubscribe", token, language)
    return record(
        key=key,
        kind=f"news.{kind}",
        recipient=subscription.email,
        language=language,
        template=f"subscriptions/mail/news_{kind}",
        context={
            "items": [_entry(article, language) for article in articles],
            "unsubscribe_url": unsubscribe_url,
            "change_url": links.absolute("change", token, language),
        },
        headers=_headers(unsubscribe_url),
    )


def _subscriptions(frequency):
    subscriptions = list(
        Subscription.objects.filter(frequency=frequency).prefetch_related("topics", "organisations")
    )
    for subscription in subscriptions:
        subscription.topic_ids = {topic.pk for topic in subscription.topics.all()}
        subscription.organisation_ids = {org.pk for org in subscription.organisations.all()}
    return subscriptions


def _published(start, end):
    return list(
        registry.model("article")
        .objects.published()
        .filter(publish_at__gte=start, publish_at__lt=end)
        .select_related("organisation")
        .prefetch_related("topics")
        .order_by("publish_at", "pk")
    )


def news_to_subscribers(today=None):
    """Record the news mails that are due: each new article at once, yesterday's once a day."""
    now = timezone.now()
    recorded = 0
    recent = _published(now - RECENT, now)
    # Each run looks at the whole RECENT window: read the mails recorded for it in one query,
    # not one per subscriber and article (a mail is recorded after its article is published).
    known = set()
    if recent:
        items = Notification.objects.filter(kind="news.item", created__gte=now - RECENT)
        known = set(items.values_list("key", flat=True))
    for subscription in _subscriptions(Subscription.Frequency.IMMEDIATE) if recent else []:
        for article in recent:
            key = f"news.item:{subscription.pk}:{article.pk}"
            if (
                key not in known
                and article.publish_at >= subscription.confirmed_at
                and _wants(subscription, article)
            ):
                recorded += bool(_record_news(subscription, [article], key, "item"))
    day = (today or timezone.localdate()) - datetime.timedelta(days=1)
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time()))
    yesterday = _published(start, start + datetime.timedelta(days=1))
    for subscription in _subscriptions(Subscription.Frequency.DAILY) if yesterday else []:
        articles = [
            article
            for article in yesterday
            if article.publish_at >= subscription.confirmed_at and _wants(subscription, article)
        ]
        if articles:
            key = f"news.digest:{subscription.pk}:{day.isoformat()}"
            recorded += bool(_record_news(subscription, articles, key, "digest"))
    return recorded


def forget_confirmation_mails(today=None):
    """Delete the confirmation mails older than a confirmation link lives: an address nobody
    confirmed is then gone from the site. How many."""
    before = timezone.now() - datetime.timedelta(seconds=links.CONFIRM_MAX_AGE)
    deleted, _by_model = Notification.objects.filter(
        kind="subscription.confirm", created__lt=before
    ).delete()
    return deleted
