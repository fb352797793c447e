"""Whole public pages for readers, served from a cache every worker shares, exactly invalidated.

A reader's GET or HEAD of a public page (no session cookie, not the admin, not a preview) is
stored whole in ``caches["pages"]`` (files under DATA_DIR by default, so every gunicorn worker
on the machine shares it; Redis when one is configured) and served from there without touching
the database.

Invalidation is exact and shared: every page's key holds the content *generation*, a value in
the same cache that any save, delete or relation change of a registered model replaces
(``invalidate_on()``, called by the project package for every model a page shows). Unregistered
models (feedback answers, search documents, sessions, the audit log) leave pages cached.
No cached copy outlives the next scheduled publish or unpublish time of any registered content
(``schedule_from()``, and ``schedule_moments()`` for working copies): that moment is found once
per generation, and a page stored before it is not served after it, so scheduled content
appears on time with no task runner.

Responses carry ``Cache-Control: public`` with a ``max-age`` bounded the same way and an
``ETag``, so a CDN or browser may keep them as long and revalidate with ``If-None-Match``
(answered 304 by Django's ConditionalGetMiddleware). Hooks (``on_hit()``) may refresh the parts
of a stored page that must differ per reader, such as the feedback form's signed token. With
HTTP caches in front to purge, pages also carry the tags of what they show (``httpcache``).

A cache that fails (Redis stopped or unreachable) is logged as a warning, at most once a minute
per process, and pages are rendered from the database meanwhile, still marked public for as
long as they may be kept, so the HTTP cache in front goes on serving them.
"""

import contextvars
import datetime
import hashlib
import logging
import time
import uuid

from django.conf import settings
from django.core.cache import caches
from django.db.models import Min, Q
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import http_date

from . import httpcache
from .publishing import Status

logger = logging.getLogger(__name__)
WARNING_INTERVAL = 60  # seconds between two warnings of a failing cache, per process

GENERATION_KEY = "pagecache:generation"
NEXT_CHANGE_KEY = "pagecache:next-change:{generation}"
# Headers that belong to one response, not to the page.
PER_RESPONSE_HEADERS = {"date", "x-request-id", "set-cookie", "vary", "content-length"}

_scheduled = []  # querysets (callables) of content with publish_at / unpublish_at
_moment_sources = []  # callables: at -> the next scheduled change after ``at``, or None
_hit_hooks = []  # callables: content bytes -> content bytes
_skip_rules = []  # callables: request -> True when the page is one reader's own
_last_warning = [0.0]
# The generation as a GET or HEAD request first read it (a one-item list per request): the
# remembered parts of its page (``memo``) use it instead of asking the shared store once each.
# A POST may change content, so it reads the store every time.
_request_generation = contextvars.ContextVar("pagecache_request_generation", default=None)


def cache():
    return caches["pages"]


def invalidate_on(*models):
    """Any save, delete or relation change of these models changes every page."""
    for model in models:
        httpcache.watch(model)
        uid = f"pagecache-{model._meta.label_lower}"
        post_save.connect(invalidate, sender=model, dispatch_uid=uid)
        post_delete.connect(invalidate, sender=model, dispatch_uid=f"{uid}-delete")
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                invalidate, sender=field.remote_field.through, dispatch_uid=f"{uid}-{field.name}"
            )


def schedule_from(*querysets):
    """Content whose ``publish_at`` and ``unpublish_at`` times change what pages show.

    Each entry is a callable returning a queryset, evaluated when the next change is looked up.
    """
    _scheduled.extend(querysets)


def schedule_moments(source):
    """``source(at)`` returns when the next other scheduled change is due (a working copy, an
    event that starts or ends)."""
    _moment_sources.append(source)


def on_hit(hook):
    """``hook(content) -> content`` runs on every page served from the cache."""
    _hit_hooks.append(hook)


def skip_if(rule):
    """``rule(request) -> bool``: such requests are neither served from nor stored in the cache."""
    _skip_rules.append(rule)


def invalidate(*args, **kwargs):
    try:
        cache().set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
    except Exception:
        # The change is saved all the same; copies stored before expire by their max-age.
        logger.exception("Could not invalidate the page cache; stored pages expire on their own.")


def cache_failed():
    """Log that the page cache cannot be used, once a minute per process at most."""
    if time.monotonic() - _last_warning[0] >= WARNING_INTERVAL:
        _last_warning[0] = time.monotonic()
        logger.warning(
            "The page cache is unavailable; serving pages from the database.", exc_info=True
        )


def shared_get(key):
    """``key``'s value in the page cache's store, shared by every worker; None while the
    store fails (logged by ``cache_failed``), as if it had never been stored."""
    try:
        return cache().get(key)
    except Exception:
        cache_failed()
        return None


def shared_set(key, value, timeout=None):
    """Keep ``value`` under ``key`` in the shared store; while it fails, keep nothing."""
    try:
        cache().set(key, value, timeout=timeout)
    except Exception:
        cache_failed()


def shared_delete(key):
    try:
        cache().delete(key)
    except Exception:
        cache_failed()


def generation():
    held = _request_generation.get()
    if held is not None and held[0] is not None:
        return held[0]
    value = cache().get(GENERATION_KEY)
    if value is None:
        value = uuid.uuid4().hex
        # add(): when two workers start at once, both use the one that got there first.
        if not cache().add(GENERATION_KEY, value, timeout=None):
            value = cache().get(GENERATION_KEY) or value
    if held is not None:
        held[0] = value
    return value


def next_change(current, now):
    """The next scheduled publish or unpublish time after ``now``, as a timestamp, or None.

    Looked up once per generation and moment: stored until that moment passes.
    """
    key = NEXT_CHANGE_KEY.format(generation=current)
    stored = cache().get(key)
    if stored is not None and (stored == 0 or stored > now):
        return stored or None
    moment = scheduled_change(now)
    cache().set(key, moment or 0, timeout=None if moment is None else max(1, int(moment - now)))
    return moment


def scheduled_change(now):
    """The next scheduled publish or unpublish time after ``now``, asked of the database."""
    at = datetime.datetime.fromtimestamp(now, tz=datetime.UTC)
    moments = []
    for queryset in _scheduled:
        found = (
            queryset()
            .filter(status=Status.PUBLISHED)
            .aggregate(
                publish=Min("publish_at", filter=Q(publish_at__gt=at)),
                unpublish=Min("unpublish_at", filter=Q(unpublish_at__gt=at)),
            )
        )
        moments += [value.timestamp() for value in found.values() if value is not None]
    for source in _moment_sources:
        found = source(at)
        if found is not None:
            moments.append(found.timestamp())
    return min(moments, default=None)


def is_cacheable_request(request):
    return (
        request.method in ("GET", "HEAD")
        and settings.PAGE_CACHE_SECONDS > 0
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(("/admin/", "/static/", f"/{settings.MEDIA_URL}"))
        and not any(rule(request) for rule in _skip_rules)
    )


def is_cacheable_response(response):
    control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not any(word in control for word in ("private", "no-store", "no-cache"))
    )


def page_key(request, current):
    url = request.build_absolute_uri()
    return f"pagecache:page:{current}:{hashlib.sha256(url.encode()).hexdigest()}"


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        token = _request_generation.set([None])
        try:
            return self.serve(request)
        finally:
            _request_generation.reset(token)

    def serve(self, request):
        if not is_cacheable_request(request):
            return self.get_response(request)
        now = timezone.now().timestamp()
        try:
            current = generation()
            key = page_key(request, current)
            stored = cache().get(key)
        except Exception:
            cache_failed()
            return self.without_cache(request, now)
        if stored is not None and stored["expires"] > now:
            return self.replay(stored, now)
        response = self.render(request)
        if is_cacheable_response(response):
            try:
                self.store(key, response, current, now)
            except Exception:
                cache_failed()
                return self.without_cache(request, now, response)
        return response

    def render(self, request):
        """The page, tagged with what it shows when HTTP caches in front are purged by tag."""
        if not httpcache.enabled():
            return self.get_response(request)
        with httpcache.tagging() as tags:
            response = self.get_response(request)
        if tags and is_cacheable_response(response):
            response[httpcache.HEADER] = httpcache.header_value(tags)
        return response

    def without_cache(self, request, now, response=None):
        """The page rendered while the cache fails: public still, bounded as ever."""
        response = response or self.render(request)
        if is_cacheable_response(response):
            expires = self.expiry(now, scheduled_change(now))
            if expires > now:
                self.mark_public(response, expires, now)
        return response

    def expiry(self, now, changes):
        expires = now + settings.PAGE_CACHE_SECONDS
        return expires if changes is None else min(expires, changes)

    def store(self, key, response, current, now):
        expires = self.expiry(now, next_change(current, now))
        if expires <= now:
            return
        response["ETag"] = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
        headers = [
            (name, value)
            for name, value in response.items()
            if name.lower() not in PER_RESPONSE_HEADERS
        ]
        stored = {
            "status": response.status_code,
            "headers": headers,
            "content": response.content,
            "expires": expires,
        }
        cache().set(key, stored, timeout=max(1, int(expires - now) + 1))
        self.mark_public(response, expires, now)

    def replay(self, stored, now):
        content = stored["content"]
        for hook in _hit_hooks:
            content = hook(content)
        response = HttpResponse(content, status=stored["status"])
        for name, value in stored["headers"]:
            response[name] = value
        response["Content-Length"] = str(len(content))
        self.mark_public(response, stored["expires"], now)
        response["X-Page-Cache"] = "hit"
        return response

    def mark_public(self, response, expires, now):
        """Public, for at most as long as this copy stays right; no Vary on the language."""
        max_age = max(0, int(expires - now))
        patch_cache_control(response, public=True, max_age=max_age, s_maxage=max_age)
        response["Expires"] = http_date(expires)
        # The URL fixes the language: a copy per browser language would only split the cache.
        if "Vary" in response:
            kept = [v.strip() for v in response["Vary"].split(",")]
            kept = [v for v in kept if v.lower() != "accept-language"]
            if kept:
                response["Vary"] = ", ".join(kept)
            else:
                del response["Vary"]
