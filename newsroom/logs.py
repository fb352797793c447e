"""Log records with the request's id, as plain text or as one JSON object per line.

``RequestIdFilter`` sits on the handler (settings.LOGGING), so every record it writes -
Django's, ours, a library's - carries ``request_id`` (``-`` when there is none), ``path`` and
``status_code`` (``None`` when unknown): taken from the request a record names (Django's
``django.request`` logger passes it, also after the middleware is done) or else from the
request this thread is handling. ``LOG_FORMAT=json`` selects ``JsonFormatter`` (README, "When
the database stalls, restarts or is gone").
"""

import datetime
import json
import logging

from . import request_id as request_ids


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        request = getattr(record, "request", None)
        current_id, current_path = request_ids.current() or (None, None)
        record.request_id = request_ids.request_id_of(request) or current_id or "-"
        path = getattr(request, "path", None)  # django.server passes its socket as "request"
        record.path = path if isinstance(path, str) else current_path
        record.status_code = getattr(record, "status_code", None)
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request_id, path, status and
    the exception's traceback as text (``null`` when there is none)."""

    def format(self, record):
        exception = None
        if record.exc_info:
            exception = self.formatException(record.exc_info)
        elif record.exc_text:
            exception = record.exc_text
        if record.stack_info:
            exception = "\n".join(filter(None, [exception, self.formatStack(record.stack_info)]))
        request_id = getattr(record, "request_id", None)
        moment = datetime.datetime.fromtimestamp(record.created, tz=datetime.UTC)
        return json.dumps(
            {
                "time": moment.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
                "level": record.levelname,
                "logger": record.name,
                "message": record.getMessage(),
                "request_id": None if request_id in (None, "-") else request_id,
                "path": getattr(record, "path", None),
                "status": getattr(record, "status_code", None),
                "exception": exception,
            },
            ensure_ascii=False,
            default=str,
        )
