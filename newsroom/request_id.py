"""A short id for every request, so a reader's report can be matched to a log line.

The id is sent back as the ``X-Request-ID`` header, shown on the 500 and 503 pages ("Error
code") and added to every log record written while the request is handled (newsroom/logs.py).
An ``X-Request-ID`` set by a proxy in front is kept when it is short and plain; anything else is
replaced, so a client cannot write arbitrary text into the logs.
"""

import contextvars
import re
import secrets

HEADER = "X-Request-ID"
VALID = re.compile(r"[A-Za-z0-9-]{1,64}")

# The id of the request this thread is handling, or None outside a request.
_current = contextvars.ContextVar("newsroom_request", default=None)


def new_id():
    """Ten random hexadecimal digits: short enough to read out on the phone."""
    return secrets.token_hex(5)


def current():
    """(request id, path) of the request being handled, or None outside a request."""
    return _current.get()


def request_id_of(request):
    """The id given to ``request`` by the middleware, or None before it ran."""
    return getattr(request, "request_id", None)


class RequestIdMiddleware:
    """First in MIDDLEWARE, so every response and every log line of the request carries the id."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get(HEADER, "")
        request.request_id = incoming if VALID.fullmatch(incoming) else new_id()
        token = _current.set((request.request_id, request.path))
        try:
            response = self.get_response(request)
        finally:
            _current.reset(token)
        response[HEADER] = request.request_id
        return response
