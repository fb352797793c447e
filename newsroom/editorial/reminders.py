"""Review reminders ("bäst före"): one digest per person of the pages due for review.

A page's owner is the staff user whose e-mail address is its page owner's (contact person's); a
page without one, or whose owner has no account, goes to the members of its organisation. A
person gets a digest when a page of theirs has become due since their last one, and again a
week after the last while any stays due. The job runs from ``send_notifications``; its key (the
person and the day) keeps a second run on the same day from mailing again.
"""

import datetime

from django.db.models import Prefetch
from django.db.models.functions import Lower
from django.utils import timezone

from newsroom.notifications.models import Notification
from newsroom.notifications.services import notify, preference_for

from . import notices, registry
from .workflow import due_for_review

KIND = "review"
REPEAT = datetime.timedelta(days=7)


def due_items(today):
    items = []
    for model in registry.workflow_models():
        queryset = model._default_manager.select_related("page_owner").order_by("review_by", "pk")
        items += due_for_review(queryset, today)
    return items


def owners(items):
    """``{user: [items]}``: each item under its page owner's account, or its organisation's."""
    emails = {item.page_owner.email.lower() for item in items if item.page_owner_id}
    emails.discard("")
    by_email = {
        user.lower_email: user
        for user in notices.staff()
        .annotate(lower_email=Lower("email"))
        .filter(lower_email__in=emails)
    }
    orphans = {
        item.organisation_id
        for item in items
        if not (item.page_owner_id and item.page_owner.email.lower() in by_email)
    }
    members = {
        organisation.pk: organisation.reminded_members
        for organisation in registry.organisation_model()
        .objects.filter(pk__in=orphans)
        .prefetch_related(Prefetch("members", notices.staff(), to_attr="reminded_members"))
    }
    result = {}
    for item in items:
        owner = by_email.get(item.page_owner.email.lower()) if item.page_owner_id else None
        for user in [owner] if owner else members.get(item.organisation_id, []):
            result.setdefault(user.pk, (user, []))[1].append(item)
    return result.values()


def key(user, day):
    return f"{KIND}:{user.pk}:{day.isoformat()}"


def last_reminded(users):
    """``{user id: the day of their last digest}``, read from the digests' keys."""
    last = {}
    for user_id, digest_key in Notification.objects.filter(kind=KIND, user__in=users).values_list(
        "user", "key"
    ):
        day = datetime.date.fromisoformat(digest_key.rsplit(":", 1)[1])
        last[user_id] = max(day, last.get(user_id, day))
    return last


def is_due(last, items, today):
    """Whether to remind now: never reminded, a week since, or a page newly due since then."""
    if last is None:
        return True
    return today - last >= REPEAT or any(item.review_by > last for item in items)


def review_reminders(today=None):
    """Record today's review digests; how many."""
    today = today or timezone.localdate()
    users_items = [
        (user, items)
        for user, items in owners(due_items(today))
        if preference_for(user).review_reminders
    ]
    last = last_reminded([user for user, _items in users_items])
    recorded = 0
    for user, items in users_items:
        if not is_due(last.get(user.pk), items, today):
            continue
        language = preference_for(user).language
        entries = [
            {
                "title": notices.title_in(item, language),
                "review_by": item.review_by,
                "change_url": notices.admin_url(item),
                "review_url": notices.admin_url(item, "still_correct"),
            }
            for item in items
        ]
        notification = notify(
            user,
            key=key(user, today),
            kind=KIND,
            template="notifications/mail/review_reminder",
            context={"items": entries, "preferences_url": notices.preferences_url()},
        )
        recorded += notification is not None
    return recorded
