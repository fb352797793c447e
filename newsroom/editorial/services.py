"""Publishing workflow: the rules that run when content is saved, published or restored.

Called from the admin (form saves, bulk actions, revision views), never from signals, so a
data migration or a test that saves a model does exactly what it says.
"""

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from newsroom.core.publishing import Status

from . import notices
from .models import AuditEntry
from .scoping import can_publish

PUBLISHING_FIELDS = ("status", "publish_at", "unpublish_at")
# Statuses only a publisher may set: they change what readers see.
PUBLISHER_STATUSES = {Status.PUBLISHED, Status.UNPUBLISHED}


def stored_state(obj):
    """The publishing fields as they are in the database, or None for a new object."""
    if obj.pk is None:
        return None
    return type(obj)._default_manager.filter(pk=obj.pk).values(*PUBLISHING_FIELDS).first()


def state_of(obj):
    """The publishing fields of an object in memory, or None."""
    if obj is None:
        return None
    return {name: getattr(obj, name) for name in PUBLISHING_FIELDS}


def check_publish_right(obj, *, user, before):
    """Refuse a save that would publish, schedule or unpublish without the publish right."""
    if can_publish(user):
        return
    before = before or {"status": Status.DRAFT, "publish_at": None, "unpublish_at": None}
    # Taking down what is published is unpublishing; an unpublished page may go back to draft.
    status_changed = obj.status != before["status"] and (
        obj.status in PUBLISHER_STATUSES or before["status"] == Status.PUBLISHED
    )
    dates_changed = (obj.publish_at, obj.unpublish_at) != (
        before["publish_at"],
        before["unpublish_at"],
    )
    if status_changed or dates_changed:
        raise PermissionDenied("Publishing needs the publish right.")


def default_review_date(published_at):
    return published_at.date() + datetime.timedelta(days=settings.REVIEW_PERIOD_DAYS)


def prepare_for_save(obj):
    """Fill in what publishing implies: the publish time and a review date."""
    if obj.status == Status.PUBLISHED:
        obj.publish_at = obj.publish_at or timezone.now()
        if obj.review_by is None:
            obj.review_by = default_review_date(timezone.localtime(obj.publish_at))


def record(obj, *, user, action):
    return AuditEntry.objects.create(
        user=user,
        username=user.get_username(),
        action=action,
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=str(obj.pk),
        object_repr=str(obj)[:200],
    )


def record_status_change(obj, *, user, before):
    """Audit a change that published, unpublished, submitted or sent back ``obj``."""
    was = before["status"] if before else None
    if obj.status == Status.PUBLISHED and was != Status.PUBLISHED:
        published(obj, user=user)
    elif was == Status.PUBLISHED and obj.status != Status.PUBLISHED:
        record(obj, user=user, action=AuditEntry.Action.UNPUBLISHED)
    elif obj.status == Status.REVIEW and was != Status.REVIEW:
        submitted_for_review(obj, user=user)
    elif was == Status.REVIEW and obj.status == Status.DRAFT and can_publish(user):
        sent_back(obj, user=user)  # an editor taking back their own submission is no event


# The workflow's events: each is audited and mailed to whom it concerns (notices.py).
def submitted_for_review(obj, *, user):
    notices.notify_submitted(obj, entry=record(obj, user=user, action=AuditEntry.Action.SUBMITTED))


def published(obj, *, user):
    notices.notify_published(obj, entry=record(obj, user=user, action=AuditEntry.Action.PUBLISHED))


def sent_back(obj, *, user, comment=""):
    entry = record(obj, user=user, action=AuditEntry.Action.SENT_BACK)
    notices.notify_sent_back(obj, entry=entry, comment=comment)


def save_with_workflow(obj, *, user, save, before):
    """Save ``obj`` through ``save()`` with the publish right checked, defaults and audit.

    ``before`` is the publishing state to compare with (``stored_state`` or ``state_of``; None
    for an object that is new to the site, including a recovered one).
    """
    check_publish_right(obj, user=user, before=before)
    prepare_for_save(obj)
    save()
    record_status_change(obj, user=user, before=before)


def set_status(objects, *, user, status):
    """Publish or unpublish several objects (the admin's bulk actions); return how many changed."""
    if not can_publish(user):
        raise PermissionDenied("Publishing needs the publish right.")
    changed = 0
    for obj in objects:
        if obj.status == status:
            continue
        before = state_of(obj)
        obj.status = status
        save_with_workflow(obj, user=user, save=obj.save, before=before)
        changed += 1
    return changed


def mark_reviewed(obj, *, user, today=None):
    """ "Still correct": the next review date a review period from today, and audited.

    Only the date is written (no new version, no signal): readers' pages do not change.
    """
    obj.review_by = (today or timezone.localdate()) + datetime.timedelta(
        days=settings.REVIEW_PERIOD_DAYS
    )
    type(obj)._default_manager.filter(pk=obj.pk).update(review_by=obj.review_by)
    return record(obj, user=user, action=AuditEntry.Action.REVIEWED)
