"""Writes with side effects: storing answers and comments, purging old comment text."""

import uuid

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from . import antispam, redaction
from .models import Feedback


def _prepared_comment(comment):
    """The comment as stored: redacted, with its link count and whether it looks like spam."""
    redacted = redaction.redact(comment.strip())
    links = antispam.count_links(comment)
    return {
        "comment": redacted.text,
        "contained_personal_data": redacted.contained_personal_data,
        "link_count": min(links, 32767),
        "spam": links >= settings.FEEDBACK_SPAM_LINKS,
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
        values.update(_prepared_comment(comment), commented_at=timezone.now())
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
        for field, value in _prepared_comment(comment).items():
            setattr(feedback, field, value)
        feedback.commented_at = timezone.now()
        feedback.save(
            update_fields=[
                "comment",
                "contained_personal_data",
                "link_count",
                "spam",
                "commented_at",
            ]
        )
    return feedback


def feedback_purge_comments(*, days=None):
    """Delete comment text older than ``days`` (FEEDBACK_RETENTION_DAYS); yes/no stays."""
    days = settings.FEEDBACK_RETENTION_DAYS if days is None else days
    return Feedback.objects.with_expired_comments(days).update(comment="")


def feedback_mark(queryset, **flags):
    """Bulk flags from the admin: ``handled`` and ``spam``."""
    return queryset.update(**flags)
