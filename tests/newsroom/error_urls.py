"""The site's URLconf and handler500, plus views that fail or wait on the database."""

from django.conf.urls.i18n import i18n_patterns
from django.db import OperationalError, connection
from django.http import HttpResponse
from django.urls import path

from newsroom import urls as site_urls

handler500 = site_urls.handler500


def fail(request):
    raise RuntimeError("Deliberate failure to render the 500 page")


def database_down(request):
    raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")


def sleep(request):
    """A query that takes ``?seconds=`` (PostgreSQL)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_sleep(%s)", [float(request.GET.get("seconds", "1"))])
    return HttpResponse("slept", content_type="text/plain")


def statement_timeout(request):
    """The statement timeout of the request's connection, in milliseconds (PostgreSQL)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT setting FROM pg_settings WHERE name = 'statement_timeout'")
        return HttpResponse(cursor.fetchone()[0], content_type="text/plain")


urlpatterns = [
    path("admin/test-sleep/", sleep),  # before the admin's own catch-all
    path("admin/test-statement-timeout/", statement_timeout),
    *i18n_patterns(
        path("fail/", fail),
        path("down/", database_down),
        path("sleep/", sleep),
        path("statement-timeout/", statement_timeout),
        prefix_default_language=False,
    ),
    *site_urls.urlpatterns,
]
