"""Values derived from published content, worked out once per content generation.

A page shows some things that are the same on every request until an editor changes content:
the site settings, the footer's pages, a list filter's choices, how many items a list has.
``remember(key, compute)`` keeps ``compute()``'s value in this process, under the page cache's
content generation (``pagecache.generation()``, shared by every worker), so a change made
through any worker is seen by all of them on their next request, and a value never outlives
the next scheduled publish or unpublish (``pagecache.next_change()``).

Only the generation is read from the shared store; values stay in process memory, unpickled,
and must be treated as read-only. Translated fields still follow the active language when read.
"""

import threading
from collections import OrderedDict

from django.utils import timezone

from . import pagecache

SECONDS = 300  # at most: some values also follow the clock (an event that ends leaves a list)
SIZE = 512  # entries per process: a few per list and filter combination

_values = OrderedDict()  # (generation, key) -> (expires, value)
_lock = threading.Lock()


def remember(key, compute):
    """``compute()``, or its value from earlier in this content generation."""
    now = timezone.now().timestamp()
    current = pagecache.generation()
    entry = _values.get((current, key))
    if entry is not None and entry[0] > now:
        return entry[1]
    value = compute()
    expires = now + SECONDS
    changes = pagecache.next_change(current, now)
    if changes is not None:
        expires = min(expires, changes)
    with _lock:
        _values[(current, key)] = (expires, value)
        _values.move_to_end((current, key))
        while len(_values) > SIZE:
            _values.popitem(last=False)
    return value
