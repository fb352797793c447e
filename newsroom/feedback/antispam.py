"""Defences for a form that cannot use a CSRF cookie: origin, rate limit, timing, links.

The rate limit keys on a hash of the client's address, the day and a secret derived from
SECRET_KEY: it rotates daily, lives only in the cache for minutes, and is never stored.
"""

import re
import time
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.crypto import salted_hmac

LINK = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|net|org|info|biz|ru|xyz|top)\b", re.I)


def client_address(request):
    header = settings.FEEDBACK_CLIENT_IP_HEADER
    if header and request.META.get(header):
        # The proxy nearest to us appends the address it saw last.
        return request.META[header].split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


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
    """Count this post against the client's window; true once it is over the limit."""
    window = settings.FEEDBACK_RATE_WINDOW
    key = f"feedback:rate:{client_hash(request)}:{int(time.time() // window)}"
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count > settings.FEEDBACK_RATE_LIMIT


def is_too_fast(rendered_at):
    return time.time() - rendered_at < settings.FEEDBACK_MIN_SECONDS


def count_links(text):
    return len(LINK.findall(text))


def is_link_heavy(text):
    return count_links(text) >= settings.FEEDBACK_SPAM_LINKS
