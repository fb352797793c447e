"""Delivering recorded mails, so that a crash or an SMTP outage loses none and doubles none.

Each mail is claimed (one UPDATE that only one process can win), sent, then marked sent. A run
that dies after claiming leaves the claim to expire (NOTIFICATION_CLAIM_SECONDS), and the next
run sends it. A message the server refuses counts as a failed attempt and is tried again by the
next run, up to NOTIFICATION_MAX_ATTEMPTS; a server that cannot be reached ends the run without
counting anything against the mails. A mail keeps one Message-ID across attempts, so in the
rare case of a crash between the server's acceptance and the mark, the receiving side sees the
same message twice, not two messages.
"""

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db.models import F, Q
from django.utils import timezone

from .models import Notification

logger = logging.getLogger(__name__)

# Errors of one message (the server answered and refused it); anything else is the connection's.
REFUSALS = (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused, smtplib.SMTPDataError)


def message_id(notification):
    domain = settings.SITE_URL.split("://", 1)[1].split(":")[0]
    return f"<notification-{notification.pk}-{notification.created:%Y%m%d%H%M%S}@{domain}>"


def message_for(notification, connection):
    message = EmailMultiAlternatives(
        subject=notification.subject,
        body=notification.text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[notification.recipient],
        headers={
            "Message-ID": message_id(notification),
            "Content-Language": notification.language,
            **notification.headers,
        },
        connection=connection,
    )
    message.attach_alternative(notification.html, "text/html")
    return message


def _claim(pk, now):
    stale = now - timedelta(seconds=settings.NOTIFICATION_CLAIM_SECONDS)
    return bool(
        Notification.objects.pending()
        .filter(Q(claimed_at=None) | Q(claimed_at__lt=stale), pk=pk)
        .update(claimed_at=now)
    )


def send_pending():
    """Send every recorded mail not yet sent; ``(sent, refused)``. Raises if the server is down."""
    sent = refused = 0
    ids = list(Notification.objects.pending().values_list("pk", flat=True))
    if not ids:
        return sent, refused
    with get_connection() as connection:
        for pk in ids:
            now = timezone.now()
            if not _claim(pk, now):
                continue  # sent or being sent by another run
            notification = Notification.objects.get(pk=pk)
            try:
                message_for(notification, connection).send()
            except REFUSALS as error:
                refused += 1
                logger.warning("The mail server refused notification %s: %s", pk, error)
                Notification.objects.filter(pk=pk).update(
                    claimed_at=None, attempts=F("attempts") + 1, last_error=str(error)[:500]
                )
            except Exception:
                Notification.objects.filter(pk=pk).update(claimed_at=None)
                raise
            else:
                sent += 1
                Notification.objects.filter(pk=pk).update(sent_at=timezone.now(), last_error="")
    return sent, refused


def purge_sent(days):
    """Delete the record of mails sent more than ``days`` ago; how many."""
    before = timezone.now() - timedelta(days=days)
    deleted, _by_model = Notification.objects.filter(sent_at__lt=before).delete()
    return deleted
