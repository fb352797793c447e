"""Publishing workflow: the rules that run when content is saved, published or restored.

Called from the admin (form saves, bulk actions, revision views), never from signals, so a
data migration or a test that saves a model does exactly what it says.
"""

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from newsroom.core import pagecache
from newsroom.core.publishing import Status

from . import notices
from .models import AuditEntry, WorkingCopy
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
    return _audit(
        user=user,
        action=action,
        content_type_id=ContentType.objects.get_for_model(obj, for_concrete_model=False).pk,
        object_id=str(obj.pk),
        object_repr=str(obj)[:200],
    )


def _audit(*, user, **entry):
    """One audit log entry; the user name is kept should the account be deleted."""
    return AuditEntry.objects.create(
        user=user, username=user.get_username() if user else "", **entry
    )


def record_status_change(obj, *, user, before, comment=""):
    """Audit a change that published, unpublished, submitted or sent back ``obj``; ``comment``
    is a publisher's word to the editor when sending back."""
    was = before["status"] if before else None
    if obj.status == Status.PUBLISHED and was != Status.PUBLISHED:
        published(obj, user=user)
    elif was == Status.PUBLISHED and obj.status != Status.PUBLISHED:
        record(obj, user=user, action=AuditEntry.Action.UNPUBLISHED)
    elif obj.status == Status.REVIEW and was != Status.REVIEW:
        submitted_for_review(obj, user=user)
    elif was == Status.REVIEW and obj.status == Status.DRAFT and can_publish(user):
        # An editor taking back their own submission is no event.
        sent_back(obj, user=user, comment=comment)


# The workflow's events: each is audited and mailed to whom it concerns (notices.py).
def submitted_for_review(obj, *, user):
    notices.notify_submitted(obj, entry=record(obj, user=user, action=AuditEntry.Action.SUBMITTED))


def published(obj, *, user):
    notices.notify_published(obj, entry=record(obj, user=user, action=AuditEntry.Action.PUBLISHED))


def sent_back(obj, *, user, comment=""):
    entry = record(obj, user=user, action=AuditEntry.Action.SENT_BACK)
    notices.notify_sent_back(obj, entry=entry, comment=comment)


def save_with_workflow(obj, *, user, save, before, comment=""):
    """Save ``obj`` through ``save()`` with the publish right checked, defaults and audit.

    ``before`` is the publishing state to compare with (``stored_state`` or ``state_of``; None
    for an object that is new to the site, including a recovered one). ``comment`` goes to the
    editor when a publisher sends ``obj`` back from review.
    """
    check_publish_right(obj, user=user, before=before)
    prepare_for_save(obj)
    save()
    record_status_change(obj, user=user, before=before, comment=comment)


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


def correction_recorded(obj, *, user):
    """Somebody changed what readers see directly: who and when, in the audit log."""
    record(obj, user=user, action=AuditEntry.Action.CORRECTED)


# Working copies: changes to a published item that readers do not see until a publisher
# publishes them. The functions below named after what happened (``changes_submitted``, …)
# run once the change is stored: each is audited, and mailed like the item's own workflow.


def working_copy_of(obj):
    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
    return WorkingCopy.objects.filter(content_type=content_type, object_id=str(obj.pk)).first()


def save_working_copy(obj, *, user, data, organisation_id, submit=False):
    """Store the change form's ``data`` for ``obj`` as its working copy (one per object)."""
    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
    status = WorkingCopy.Status.REVIEW if submit else WorkingCopy.Status.DRAFT
    working_copy, _created = WorkingCopy.objects.update_or_create(
        content_type=content_type,
        object_id=str(obj.pk),
        defaults={
            "object_repr": str(obj)[:200],
            "organisation_id": organisation_id,
            "data": data,
            "author": user,
            "status": status,
            "publish_at": None,
            "scheduled_by": None,
        },
    )
    if submit:
        changes_submitted(working_copy, user=user)
    return working_copy


def _check_publisher(user, working_copy):
    """Publishable content changes for readers only through a publisher; an organisation's
    page through whoever may change it (checked by the admin)."""
    model = working_copy.content_type.model_class()
    has_status = model is not None and any(f.name == "status" for f in model._meta.fields)
    if has_status and not can_publish(user):
        raise PermissionDenied("Publishing needs the publish right.")


def submit_working_copy(working_copy, *, user):
    working_copy.status = WorkingCopy.Status.REVIEW
    working_copy.save(update_fields=["status", "modified"])
    changes_submitted(working_copy, user=user)


def send_back_working_copy(working_copy, *, user, comment):
    _check_publisher(user, working_copy)
    was_scheduled = working_copy.status == WorkingCopy.Status.SCHEDULED
    working_copy.status = WorkingCopy.Status.DRAFT
    working_copy.comment = comment
    working_copy.publish_at = None
    working_copy.scheduled_by = None
    working_copy.save()
    if was_scheduled:
        _schedule_changed()
    changes_sent_back(working_copy, user=user)


def schedule_working_copy(working_copy, *, user, at, substantive):
    _check_publisher(user, working_copy)
    working_copy.status = WorkingCopy.Status.SCHEDULED
    working_copy.publish_at = at
    working_copy.scheduled_by = user
    working_copy.substantive = substantive
    working_copy.save()
    _schedule_changed()
    changes_scheduled(working_copy, user=user)


def discard_working_copy(working_copy, *, user):
    working_copy.delete()
    if working_copy.status == WorkingCopy.Status.SCHEDULED:
        _schedule_changed()
    changes_discarded(working_copy, user=user)


def publish_working_copy(working_copy, obj, *, user, apply, substantive):
    """Replace the live ``obj`` by its working copy in one transaction.

    ``apply()`` saves the working copy's data through the admin's form (a new revision, so the
    history keeps both versions) and returns the form errors, or None when it saved.
    """
    _check_publisher(user, working_copy)
    with transaction.atomic():
        errors = apply(substantive)
        if errors:
            transaction.set_rollback(True)
            return errors
        WorkingCopy.objects.filter(pk=working_copy.pk).delete()
    remember_next_due()
    published(obj, user=user)
    return None


NEXT_DUE_KEY = "editorial:next-working-copy"


def remember_next_due():
    """Look the next due time up again now (after a change to the schedule), so readers'
    requests find it in the cache."""
    pagecache.shared_delete(NEXT_DUE_KEY)
    next_due()


def next_due(look_up=True):
    """The timestamp of the earliest scheduled working copy, 0 when none is, or None when it
    is not known and ``look_up`` is false.

    Kept in the page cache's store, shared by every worker: a request reads the cache, and the
    database only after a change to the schedule.
    """
    stored = pagecache.shared_get(NEXT_DUE_KEY)  # None too while the store is down
    if stored is None and look_up:
        found = first_scheduled()
        stored = found.timestamp() if found else 0
        pagecache.shared_set(NEXT_DUE_KEY, stored)
    return stored


def _schedule_changed():
    # Cached pages must not outlive (or end at) a moment that is no longer the next change.
    remember_next_due()
    pagecache.invalidate()


def due_working_copies(at=None):
    return WorkingCopy.objects.filter(
        status=WorkingCopy.Status.SCHEDULED, publish_at__lte=at or timezone.now()
    )


def first_scheduled(**conditions):
    """When the first scheduled working copy (of those meeting ``conditions``) is due."""
    return (
        WorkingCopy.objects.filter(status=WorkingCopy.Status.SCHEDULED, **conditions)
        .order_by("publish_at")
        .values_list("publish_at", flat=True)
        .first()
    )


def next_scheduled_change(at):
    """When the next scheduled working copy after ``at`` is due (for the page cache)."""
    return first_scheduled(publish_at__gt=at)


def _record_working_copy(working_copy, *, user, action):
    return _audit(
        user=user,
        action=action,
        content_type_id=working_copy.content_type_id,
        object_id=working_copy.object_id,
        object_repr=working_copy.object_repr,
    )


def live_object(working_copy):
    return working_copy.content_type.get_object_for_this_type(pk=working_copy.object_id)


def changes_submitted(working_copy, *, user):
    """An editor submitted changes to a published item for review: its publishers are told."""
    entry = _record_working_copy(working_copy, user=user, action=AuditEntry.Action.SUBMITTED)
    notices.notify_submitted(live_object(working_copy), entry=entry)


def changes_sent_back(working_copy, *, user):
    """A publisher sent changes back with ``working_copy.comment``: the editor is told."""
    entry = _record_working_copy(working_copy, user=user, action=AuditEntry.Action.SENT_BACK)
    notices.notify_sent_back(live_object(working_copy), entry=entry, comment=working_copy.comment)


def changes_scheduled(working_copy, *, user):
    """A publisher scheduled changes for ``working_copy.publish_at``."""
    _record_working_copy(working_copy, user=user, action=AuditEntry.Action.SCHEDULED)


def changes_discarded(working_copy, *, user):
    """Somebody discarded changes (the working copy is deleted; its fields are still readable)."""
    _record_working_copy(working_copy, user=user, action=AuditEntry.Action.DISCARDED)
