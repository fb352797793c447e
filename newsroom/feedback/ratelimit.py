"""The feedback rate limit, exact whatever the number of worker processes or instances.

FEEDBACK_RATE_LIMIT accepted posts per client in each window of FEEDBACK_RATE_WINDOW seconds
(fixed windows, aligned to the clock). Each accepted post gets its own number from one atomic
increment in a place that every process shares, so with any number of workers exactly the limit
is let through:

- **the default cache**, when it is shared between processes and increments atomically: Redis or
  Memcached (``add`` and ``incr``, one key per client and window that expires with the window);
- **the database** otherwise: LocMem is per process, the dummy cache keeps nothing, and the file
  and database caches increment with a read and a write, which two workers can interleave. One
  ``RateCount`` row per client and window, incremented by a single ``INSERT … ON CONFLICT DO
  UPDATE SET count = count + 1 RETURNING count`` (SQLite 3.35 or later, PostgreSQL).

Should a shared cache fail, the count falls back to the database, so a broken cache neither
refuses every reader nor lifts the limit.

The key is a keyed hash (HMAC with a secret derived from SECRET_KEY) of the client's address and
the window's number: it is different in every window, so neither a row nor a cache key names an
address, and two windows' counts cannot be linked to one reader. Rows of ended windows are deleted
by the first count each process makes in a new window, and by ``manage.py purge_feedback``.
"""

import logging
import math
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.memcached import BaseMemcachedCache
from django.core.cache.backends.redis import RedisCache
from django.db import DatabaseError, connections, router
from django.utils import timezone
from django.utils.crypto import salted_hmac

from newsroom.core.clients import count_in_cache

from .models import RateCount

logger = logging.getLogger(__name__)

SHARED_ATOMIC_CACHES = (RedisCache, BaseMemcachedCache)
KEY_SALT = "newsroom.feedback.rate"

# Per process: the start of the newest window whose predecessors' rows this process has deleted.
_purged_before = None


def counts_in_cache():
    """Whether the default cache is shared between processes and increments atomically."""
    return isinstance(caches["default"], SHARED_ATOMIC_CACHES)


def current_window(now=None):
    """``(number, start)`` of the window ``now`` falls in."""
    window = settings.FEEDBACK_RATE_WINDOW
    number = math.floor((now or timezone.now()).timestamp() / window)
    return number, datetime.fromtimestamp(number * window, tz=UTC)


def client_key(address, window_number):
    """The client's key in one window: never the address, and different in every window."""
    value = f"{window_number}|{address}"
    return salted_hmac(KEY_SALT, value, algorithm="sha256").hexdigest()


def count_post(address, now=None):
    """Count one accepted post from ``address``; its number in the current window, from 1."""
    now = now or timezone.now()
    number, start = current_window(now)
    key = client_key(address, number)
    if counts_in_cache():
        remaining = start.timestamp() + settings.FEEDBACK_RATE_WINDOW - now.timestamp()
        try:
            return count_in_cache(
                caches["default"], f"feedback:rate:{key}", timeout=max(1, math.ceil(remaining))
            )
        except Exception:
            logger.exception("The shared cache failed; counting feedback posts in the database.")
    return _count_in_database(key, start)


def _upsert_sql(connection):
    meta = RateCount._meta
    quote = connection.ops.quote_name
    table = quote(meta.db_table)
    window_start, key, count = (
        quote(meta.get_field(name).column) for name in ("window_start", "key", "count")
    )
    return (
        f"INSERT INTO {table} ({window_start}, {key}, {count}) VALUES (%s, %s, 1) "
        f"ON CONFLICT ({window_start}, {key}) DO UPDATE SET {count} = {table}.{count} + 1 "
        f"RETURNING {count}"
    )


def _count_in_database(key, start):
    connection = connections[router.db_for_write(RateCount)]
    window_start = RateCount._meta.get_field("window_start").get_db_prep_value(start, connection)
    with connection.cursor() as cursor:
        cursor.execute(_upsert_sql(connection), [window_start, key])
        count = cursor.fetchone()[0]
    _purge_once_per_window(start)
    return count


def _purge_once_per_window(start):
    """Delete ended windows' rows, once per process and window; a failure only waits for the
    next window (or purge_feedback): the post was counted, the reader is not refused for it."""
    global _purged_before
    if _purged_before is None or start > _purged_before:
        _purged_before = start
        try:
            purge_ended_windows(start)
        except DatabaseError:
            logger.warning("Could not delete the feedback rate counts of ended windows.")


def purge_ended_windows(before=None):
    """Delete the counts of windows that started before ``before`` (the current window's start)."""
    before = before or current_window()[1]
    deleted, _by_model = RateCount.objects.filter(window_start__lt=before).delete()
    return deleted
