"""Values derived from published content, worked out once per content generation.

A page shows some things that are the same on every request until an editor changes content:
the site settings, the footer's pages, a list filter's choices, how many items a list has, the
article or event it shows and the HTML of its content (``{% remembered %}``).
``remember(key, compute)`` keeps ``compute()``'s value in this process, under the page cache's
content generation (``pagecache.generation()``, shared by every worker), so a change made
through any worker is seen by all of them on their next request, and a value never outlives
the next scheduled publish or unpublish (``pagecache.next_change()``).

Only the generation is read from the shared store; values stay in process memory, unpickled,
and must be treated as read-only. Translated fields still follow the active language when read.
"""

import threading
from collections import OrderedDict

from django.conf import settings
from django.utils import timezone

from . import httpcache, pagecache

# Entries per process, the least recently used dropped first. An article page keeps five (its
# objects, its events, its HTML in three parts), about 85 KB together at 600 words: the 500
# most read pages stay warm in some 45 MB per worker.
SIZE = 2500

_values = OrderedDict()  # (generation, key) -> (expires, value, HTTP cache tags)
_lock = threading.Lock()


def remember(key, compute):
    """``compute()``, or its value from earlier in this content generation.

    The objects in a remembered value are not loaded again, so the tags they gave the page for
    the HTTP cache in front (``httpcache``) are kept with it and given to every page using it.
    When the shared store is down, or ``CONTENT_MEMO_SECONDS`` is 0, the value is computed
    each time. That bound is short (some values also follow the clock: an event that ends
    leaves a list).
    """
    seconds = settings.CONTENT_MEMO_SECONDS
    if not seconds:
        return compute()
    now = timezone.now().timestamp()
    try:
        current = pagecache.generation()
        entry = _values.get((current, key))
        if entry is not None and entry[0] > now:
            httpcache.note(entry[2])
            return entry[1]
        changes = pagecache.next_change(current, now)
    except Exception:
        pagecache.cache_failed()
        return compute()
    with httpcache.tagging() as tags:
        value = compute()
    expires = now + seconds if changes is None else min(now + seconds, changes)
    with _lock:
        _values[(current, key)] = (expires, value, frozenset(tags))
        _values.move_to_end((current, key))
        while len(_values) > SIZE:
            _values.popitem(last=False)
    return value
