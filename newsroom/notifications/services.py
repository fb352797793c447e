"""Recording mails: each is rendered in its recipient's language and stored before it is sent.

``notify(...)`` is the one way to send a mail to staff: it records it under a key that names
what it is about, so calling it again for the same thing records nothing new. ``send_pending``
(``sending.py``, run by ``manage.py send_notifications``) delivers what is recorded.
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import translation

from .models import Notification, Preference

# Staff notices are machine-made: no out-of-office replies or auto-responders back (RFC 3834).
STAFF_HEADERS = {"Auto-Submitted": "auto-generated", "X-Auto-Response-Suppress": "All"}
BLANKS = re.compile(r"\s+")


def preference_for(user):
    """The user's choices, or the defaults (unsaved) when they have made none."""
    try:
        return user.notification_preference
    except Preference.DoesNotExist:
        return Preference(user=user)


def is_deliverable(address):
    """An address a mail can be sent to: valid, and nothing that could become another header."""
    if not address or len(address) > 254 or any(c in address for c in "\r\n\x00"):
        return False
    try:
        validate_email(address)
    except ValidationError:
        return False
    return True


def one_line(text, limit=200):
    """A title fit for a subject line: blanks and line breaks collapsed, not too long."""
    text = BLANKS.sub(" ", str(text).replace("\x00", "")).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render_mail(template, context, language):
    """``(subject, text, html)`` from ``<template>.subject.txt``, ``.txt`` and ``.html``."""
    with translation.override(language):
        context = {"site_name": settings.SITE_NAME, "language": language, **context}
        subject = one_line(render_to_string(f"{template}.subject.txt", context))
        # A NUL cannot be stored (PostgreSQL refuses it) nor belongs in a mail.
        text = render_to_string(f"{template}.txt", context).replace("\x00", "")
        html = render_to_string(f"{template}.html", context).replace("\x00", "")
    return subject, text, html


def record(*, key, kind, recipient, language, template, context, user=None, headers=None):
    """Record one mail unless the same ``key`` is recorded already; the new Notification or None."""
    if not is_deliverable(recipient) or Notification.objects.filter(key=key).exists():
        return None
    subject, text, html = render_mail(template, context, language)
    try:
        with transaction.atomic():
            return Notification.objects.create(
                key=key,
                kind=kind,
                user=user,
                recipient=recipient,
                language=language,
                subject=subject,
                text=text,
                html=html,
                headers=headers or {},
            )
    except IntegrityError:  # recorded by a job running at the same time
        return None


def notify(user, *, key, kind, template, context):
    """Record a staff mail to ``user`` in their language (no check of their preferences)."""
    return record(
        key=key,
        kind=kind,
        user=user,
        recipient=user.email,
        language=preference_for(user).language,
        template=template,
        context={"recipient": user, **context},
        headers=STAFF_HEADERS,
    )
