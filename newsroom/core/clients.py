"""Who is asking, and how often: shared by every form that limits its use (feedback, news
subscriptions, staff password resets)."""

from django.conf import settings


def client_address(request):
    """The reader's address: behind a proxy, the header it sets (FEEDBACK_CLIENT_IP_HEADER, named
    for the first form that needed it); otherwise the connection's. Never stored as such."""
    header = settings.FEEDBACK_CLIENT_IP_HEADER
    if header and request.META.get(header):
        # The proxy nearest to us appends the address it saw last.
        return request.META[header].split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def count_in_cache(cache, key, timeout):
    """Add one to ``key``'s count in ``cache`` (atomic in Redis), started with a ``timeout``."""
    for _attempt in range(3):
        if cache.add(key, 1, timeout=timeout):
            return 1
        try:
            return cache.incr(key)
        except ValueError:  # expired between add and incr: start the window's count again
            continue
    raise RuntimeError("the rate count kept expiring")
