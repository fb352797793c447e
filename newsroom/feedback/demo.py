"""Demo answers and comments on a few demo pages. Idempotent: stable submission ids."""

import uuid
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import override

from .models import Feedback
from .services import feedback_create

NAMESPACE = uuid.UUID("5d1f3c2e-7a0b-4f51-9a43-3c1f0e2b6d10")

# (answer, comment) pairs, repeated over the pages and the last weeks.
ANSWERS = [
    (True, "Tydlig och bra information, tack!"),
    (True, ""),
    (False, "Jag hittade inte när anmälan stänger."),
    (True, ""),
    (False, "Texten var svår att förstå, använd enklare ord."),
    (True, "Bra med kontaktuppgifter direkt på sidan."),
    (False, ""),
    (True, ""),
]


def _url(name, language):
    try:
        with override(language):
            return reverse(name)
    except NoReverseMatch:
        return None


def _demo_pages(content):
    """``(path, language, page_type, object)`` for the home page, lists and ``content``."""
    pages = []
    for name in ["home", "news:list", "events:list", "organisations:list"]:
        for language in ["sv", "en"]:
            if path := _url(name, language):
                pages.append((path, language, name, None))
    for obj in content:
        with override("sv"):
            pages.append((obj.get_absolute_url(), "sv", obj._meta.label_lower, obj))
    return pages


def _ref(obj):
    if obj is None:
        return None, None
    return ContentType.objects.get_for_model(obj).pk, obj.pk


def create(content=()):
    """Answers on the home page, the lists and the pages of ``content`` objects."""
    now = timezone.now()
    for page_index, (path, language, page_type, obj) in enumerate(_demo_pages(content)):
        content_type_id, object_id = _ref(obj)
        owner_content_type_id, owner_object_id = _ref(getattr(obj, "feedback_owner", None))
        for answer_index, (helpful, comment) in enumerate(ANSWERS[page_index % 3 :]):
            submission_id = uuid.uuid5(NAMESPACE, f"{path}:{answer_index}")
            if Feedback.objects.filter(submission_id=submission_id).exists():
                continue
            feedback, _created = feedback_create(
                submission_id=submission_id,
                path=path,
                language=language,
                helpful=helpful,
                comment=comment if language == "sv" else "",
                page_type=page_type,
                content_type_id=content_type_id,
                object_id=object_id,
                owner_content_type_id=owner_content_type_id,
                owner_object_id=owner_object_id,
            )
            created = now - timedelta(days=(page_index * 5 + answer_index * 7) % 60, hours=3)
            Feedback.objects.filter(pk=feedback.pk).update(created=created)
