"""The 500 and 503 pages, which render without touching the database.

When PostgreSQL restarts or stalls (a connect or statement timeout), or its disk is full, the
database layer raises OperationalError or InterfaceError: readers then get a 503 page with
``Retry-After``, never the 500 page. ``DatabaseUnavailableMiddleware`` answers for errors raised
by a view or while its template renders; ``server_error`` (handler500 in newsroom/urls.py) for
errors raised anywhere else, such as a middleware, or the 404 page, whose shell reads the site
settings. A post to "Was this page helpful?" is told that the answer was not saved.

Both pages are rendered from a plain context - no request, hence no context processor and no
query for the site settings - in the language of the URL (in the admin, of the browser), with
the organisation's name, phone and e-mail from settings (SITE_NAME, SITE_CONTACT_PHONE,
SITE_CONTACT_EMAIL) and the request's id as the error code a reader can quote
(newsroom/request_id.py). Neither may be cached.
"""

import logging
import sqlite3
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.log import log_response
from django.utils.translation import gettext_lazy as _

from . import request_id as request_ids

try:
    import psycopg
except ImportError:  # PostgreSQL is optional
    psycopg = None

logger = logging.getLogger(__name__)

# Raised by Django for a database it cannot use, and by the drivers when Django did not wrap them.
UNAVAILABLE = (
    OperationalError,
    InterfaceError,
    sqlite3.OperationalError,
    sqlite3.InterfaceError,
    *((psycopg.OperationalError, psycopg.InterfaceError) if psycopg else ()),
)
ADMIN_PREFIX = "/admin/"
FEEDBACK_NAMESPACE = "feedback"  # newsroom/feedback/urls.py

UNAVAILABLE_HEADING = _("The website is temporarily unavailable")
NOT_SAVED_HEADINGS = {
    "answer": _("Your answer was not saved"),
    "comment": _("Your comment was not saved"),
}
UNAVAILABLE_TEXT = _("The website is temporarily unavailable. Please try again in a few minutes.")
FAILURE_TEXT = _("We could not show this page just now. Please try again in a while.")
NOT_SAVED = {
    "answer": _(
        "The website is temporarily unavailable, so your answer was not saved. "
        "Please try again in a few minutes."
    ),
    "comment": _(
        "The website is temporarily unavailable, so your comment was not saved. "
        "Please try again in a few minutes."
    ),
}


def is_database_unavailable(exception):
    """Whether ``exception``, or one it was raised from or while handling, says the database
    cannot be used just now."""
    seen = set()
    while exception is not None and id(exception) not in seen:
        if isinstance(exception, UNAVAILABLE):
            return True
        seen.add(id(exception))
        exception = exception.__cause__ or exception.__context__
    return False


def page_language(request):
    """The URL's language (no prefix: the default one); in the admin, the browser's."""
    if request.path_info.startswith(ADMIN_PREFIX):
        return translation.get_language_from_request(request)
    return translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE


def feedback_step(request):
    """``"answer"`` or ``"comment"`` when ``request`` posts to "Was this page helpful?"."""
    if request.method != "POST":
        return None
    match = getattr(request, "resolver_match", None)
    if match is None:  # the error came before the URL was resolved
        try:
            match = resolve(request.path_info, getattr(request, "urlconf", None))
        except Resolver404:
            return None
    return match.url_name if match.namespace == FEEDBACK_NAMESPACE else None


def error_page(request, template_name, status, fallback, **context):
    """``template_name`` rendered from a plain context, without context processors; should even
    that fail (say, a static files manifest is missing), the ``fallback`` text."""
    try:
        content = loader.get_template(template_name).render(
            {
                "request_id": request_ids.request_id_of(request),
                "site_name": settings.SITE_NAME,
                "contact_phone": settings.SITE_CONTACT_PHONE,
                "contact_email": settings.SITE_CONTACT_EMAIL,
                **context,
            }
        )
        content_type = "text/html; charset=utf-8"
    except Exception:  # an error page must not fail in turn
        logger.exception("The error page %s could not be rendered", template_name)
        content, content_type = str(fallback), "text/plain; charset=utf-8"
    response = HttpResponse(content, status=status, content_type=content_type)
    response["Cache-Control"] = "no-store"
    return response


def unavailable_response(request):
    """503 in the reader's language; as JSON for the feedback script, which shows it in place."""
    with translation.override(page_language(request)):
        step = feedback_step(request)
        if step in NOT_SAVED and "application/json" in request.headers.get("Accept", ""):
            response = JsonResponse({"error": str(NOT_SAVED[step])}, status=503)
            response["Cache-Control"] = "no-store"
        else:
            response = error_page(
                request,
                "503.html",
                503,
                UNAVAILABLE_TEXT,
                heading=NOT_SAVED_HEADINGS.get(step, UNAVAILABLE_HEADING),
                not_saved=NOT_SAVED.get(step),
            )
    response["Retry-After"] = str(settings.UNAVAILABLE_RETRY_AFTER)
    return response


def server_error(request):
    """handler500: the 500 page showing the request's id, or the 503 page when the database
    caused the failure. Django calls it while the exception is being handled; it is logged here
    with its traceback, as Django does not when rendering an error page failed in turn (the 404
    page, whose shell reads the site settings)."""
    exception = sys.exc_info()[1]
    if is_database_unavailable(exception):
        response = unavailable_response(request)
    else:
        with translation.override(page_language(request)):
            response = error_page(request, "500.html", 500, FAILURE_TEXT)
    log(request, response, exception)
    return response


def log(request, response, exception):
    """One error line with the traceback, and only one: Django skips a response logged once."""
    log_response(
        "%s: %s",
        response.reason_phrase,
        request.path,
        response=response,
        request=request,
        exception=exception,
    )


class DatabaseUnavailableMiddleware:
    """A database failure in a view or its template: 503, logged with its traceback."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_database_unavailable(exception):
            return None
        response = unavailable_response(request)
        log(request, response, exception)
        return response
