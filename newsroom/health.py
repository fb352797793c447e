"""Health checks for a load balancer or systemd: neither is cached, neither renders a page.

``/healthz`` says the process answers and touches nothing else, so it answers while the
database stalls, on a thread of its own (gunicorn's gthread workers, see README). ``/readyz``
says the database answers, asked on a connection of its own: the thread's kept connection may be
the one waiting on a stalled server, while a new one gives up after DATABASE_CONNECT_TIMEOUT
seconds (or a slow answer after the statement timeout), so the probe answers 503 in time.
"""

from django.db import connection
from django.http import HttpResponse
from django.views.decorators.cache import never_cache


@never_cache
def healthz(request):
    """The process is alive."""
    return HttpResponse("ok", content_type="text/plain")


@never_cache
def readyz(request):
    """The database answers."""
    probe = connection.copy()
    try:
        with probe.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # any database failure means not ready
        return HttpResponse("database unavailable", status=503, content_type="text/plain")
    finally:
        probe.close()
    return HttpResponse("ok", content_type="text/plain")
