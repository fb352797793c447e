"""How long PostgreSQL may keep a request or a command waiting (see README, "Configuration").

A connection starts with the public requests' timeout in its start-up options (settings:
``OPTIONS["options"] = "-c statement_timeout=…"``), so a reader's request costs no extra query.
Two kinds of work may take longer:

- admin requests: ``StatementTimeoutMiddleware`` raises the timeout with ``SET`` for the
  request and puts the connection's own value back with ``RESET`` at its end, as the connection
  is kept for the next request, which may be a reader's;
- work outside a request (management commands, cron jobs, the shell): a connection opened
  outside a request is given the commands' timeout as it opens (``command_statement_timeout``,
  connected to ``connection_created`` by the project's AppConfig).

When PostgreSQL cannot take the ``SET``, the request goes on and meets the same error where any
request does, which answers 503 (newsroom/errors.py).
"""

import contextvars

from django.conf import settings
from django.db import DatabaseError, InterfaceError, connection

ADMIN_PREFIX = "/admin/"

# True while this thread handles a request: the connections it opens are a request's.
_serving = contextvars.ContextVar("newsroom_serving_request", default=False)


def _set_statement_timeout(wrapper, milliseconds):
    with wrapper.cursor() as cursor:
        cursor.execute(f"SET statement_timeout = {int(milliseconds)}")


def command_statement_timeout(sender, connection, **kwargs):
    """``connection_created``: a connection opened outside a request gets the commands' timeout."""
    if connection.vendor != "postgresql" or _serving.get():
        return
    if settings.DATABASE_COMMAND_STATEMENT_TIMEOUT_MS != settings.DATABASE_STATEMENT_TIMEOUT_MS:
        _set_statement_timeout(connection, settings.DATABASE_COMMAND_STATEMENT_TIMEOUT_MS)


class StatementTimeoutMiddleware:
    """Marks the request (see above) and gives admin requests the admin timeout."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _serving.set(True)
        try:
            if self._raises_timeout(request):
                return self._with_admin_timeout(request)
            return self.get_response(request)
        finally:
            _serving.reset(token)

    @staticmethod
    def _raises_timeout(request):
        return (
            request.path_info.startswith(ADMIN_PREFIX)
            and connection.vendor == "postgresql"
            and settings.DATABASE_ADMIN_STATEMENT_TIMEOUT_MS
            != settings.DATABASE_STATEMENT_TIMEOUT_MS
        )

    def _with_admin_timeout(self, request):
        try:
            _set_statement_timeout(connection, settings.DATABASE_ADMIN_STATEMENT_TIMEOUT_MS)
        except (DatabaseError, InterfaceError):
            return self.get_response(request)  # which meets the error again, and answers 503
        try:
            return self.get_response(request)
        finally:
            if connection.connection is not None:  # never open a connection only to reset it
                try:
                    with connection.cursor() as cursor:
                        cursor.execute("RESET statement_timeout")
                except (DatabaseError, InterfaceError):
                    connection.close()  # no reader's request may run with the admin's timeout
