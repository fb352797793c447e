"""Defences for a form that cannot use a CSRF cookie: origin, rate limit, timing, links.

What counts towards the rate limit: only posts that passed every check - origin, honeypot, signed
token, page, minimum time, the comment's length and characters - counted just before the answer
or comment is stored. A post refused by validation does not use up a reader's allowance, so a
reader whose form expired, or who was too quick, can still answer. Refused posts are not counted
against a second, higher ceiling either: they are refused before anything touches the database,
at the cost of a signature check, so counting them would cost more (a write each) than refusing
them does.

Where and how it is counted, exactly across workers and instances: ``ratelimit.py``. Its key is a
keyed hash of the client's address and the window, never the address; the daily ``client_hash``
below, which makes an answer's submission id, is never stored either.
"""

import re
import time
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from django.utils.crypto import salted_hmac

from newsroom.core.clients import client_address

from . import ratelimit

LINK = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|net|org|info|biz|ru|xyz|top)\b", re.I)


def client_hash(request):
    day = timezone.now().date().isoformat()
    return salted_hmac("newsroom.feedback.client", f"{day}|{client_address(request)}").hexdigest()


def allowed_origins(request):
    origins = {f"{request.scheme}://{request.get_host()}"}
    origins.update(settings.CSRF_TRUSTED_ORIGINS)
    return origins


def is_same_origin(request):
    """A post from one of our pages: its Origin is ours or, without Origin, the browser says so."""
    origin = request.headers.get("Origin")
    if origin is not None:
        parts = urlsplit(origin)
        return bool(parts.scheme and parts.netloc) and origin in allowed_origins(request)
    return request.headers.get("Sec-Fetch-Site") == "same-origin"


def is_rate_limited(request):
    """Count this valid post against the client's window; true once it is over the limit.

    Call it after validation, just before storing: exactly FEEDBACK_RATE_LIMIT posts per client
    and window get false, however many workers serve them.
    """
    return ratelimit.count_post(client_address(request)) > settings.FEEDBACK_RATE_LIMIT


def is_too_fast(rendered_at):
    return time.time() - rendered_at < settings.FEEDBACK_MIN_SECONDS


def count_links(text):
    return len(LINK.findall(text))


def is_link_heavy(text):
    return count_links(text) >= settings.FEEDBACK_SPAM_LINKS
