"""Page paths as stored: always a path on our own site, never a foreign URL or a query string."""

from urllib.parse import urlsplit

from django.urls import Resolver404, resolve
from django.utils.translation import override

MAX_PATH_LENGTH = 500


class ForeignPath(ValueError):
    pass


def normalise_path(value, *, host, language):
    """``value`` as a path on this site, or ``ForeignPath``.

    A full URL is accepted only for our own host and reduced to its path; the query string is
    dropped, as it may hold a reader's search terms. The path must resolve to one of our pages.
    """
    if not isinstance(value, str) or not value or len(value) > MAX_PATH_LENGTH:
        raise ForeignPath(value)
    if any(ord(char) < 32 or ord(char) == 127 for char in value) or "\\" in value:
        raise ForeignPath(value)
    parts = urlsplit(value)
    is_url = parts.scheme or parts.netloc
    if is_url and (parts.scheme not in {"http", "https"} or parts.netloc.lower() != host.lower()):
        raise ForeignPath(value)
    path = parts.path
    if not path.startswith("/") or path.startswith("//"):
        raise ForeignPath(value)
    try:
        with override(language):
            resolve(path)
    except Resolver404:
        raise ForeignPath(value) from None
    return path
