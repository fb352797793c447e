"""Writes with side effects: storing answers and comments, purging old comment text and counts."""

import uuid

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from . import antispam, duplicates, ratelimit, redaction
from .models import Feedback

COMMENT_FIELDS = [
    "comment",
    "contained_personal_data",
    "link_count",
    "spam",
    "comment_digest",
    "commented_at",
    "duplicate_of",
]


def _prepared_comment(comment, *, path, exclude_pk=None):
    """The comment as stored: redacted, with its link count, whether it looks like spam, and the
    kept answer it repeats (``duplicates.py``), if any."""
    redacted = redaction.redact(comment.strip())
    links = antispam.count_links(comment)
    digest = duplicates.digest(redacted.text)
    commented_at = timezone.now()
    others = Feedback.objects.exclude(pk=exclude_pk) if exclude_pk else Feedback.objects.all()
    original = others.original_of(
        path=path,
        comment_digest=digest,
        commented_at=commented_at,
        seconds=settings.FEEDBACK_DUPLICATE_SECONDS,
    )
    return {
        "comment": redacted.text,
        "contained_personal_data": redacted.contained_personal_data,
        "link_count": min(links, 32767),
        "spam": links >= settings.FEEDBACK_SPAM_LINKS,
        "comment_digest": digest,
        "commented_at": commented_at,
        "duplicate_of": original,
    }


def feedback_create(
    *,
    path,
    language,
    helpful,
    comment="",
    submission_id=None,
    page_type="",
    content_type_id=None,
    object_id=None,
    owner_content_type_id=None,
    owner_object_id=None,
):
    """Store an answer once per ``submission_id``; returns ``(feedback, created)``.

    A retry with the same id returns the stored answer (a changed yes/no replaces the old one).
    ``get_or_create`` recovers from the unique constraint when two retries race.
    """
    values = {
        "path": path,
        "language": language,
        "helpful": helpful,
        "page_type": page_type,
        "content_type_id": content_type_id,
        "object_id": object_id,
        "owner_content_type_id": owner_content_type_id,
        "owner_object_id": owner_object_id,
    }
    if comment:
        values.update(_prepared_comment(comment, path=path))
    feedback, created = Feedback.objects.get_or_create(
        submission_id=submission_id or uuid.uuid4(), defaults=values
    )
    if not created and feedback.helpful != helpful:
        Feedback.objects.filter(pk=feedback.pk).update(helpful=helpful)
        feedback.helpful = helpful
    return feedback, created


def feedback_add_comment(*, feedback_id, submission_id, comment):
    """Attach a comment to its answer, once: a retried comment changes nothing.

    Returns the answer, or ``None`` when it no longer exists.
    """
    with transaction.atomic():
        feedback = (
            Feedback.objects.select_for_update()
            .filter(pk=feedback_id, submission_id=submission_id)
            .first()
        )
        if feedback is None or feedback.commented_at is not None or not comment.strip():
            return feedback
        prepared = _prepared_comment(comment, path=feedback.path, exclude_pk=feedback.pk)
        for field, value in prepared.items():
            setattr(feedback, field, value)
        feedback.save(update_fields=COMMENT_FIELDS)
    return feedback


def feedback_purge_comments(*, days=None):
    """Delete comment text older than ``days`` (FEEDBACK_RETENTION_DAYS); yes/no stays."""
    days = settings.FEEDBACK_RETENTION_DAYS if days is None else days
    return Feedback.objects.with_expired_comments(days).update(comment="", comment_digest="")


def feedback_purge_rate_counts():
    """Delete the rate limit's counts of ended windows; returns how many."""
    return ratelimit.purge_ended_windows()


def feedback_mark(queryset, **flags):
    """Bulk flags from the admin: ``handled`` and ``spam``."""
    return queryset.update(**flags)
