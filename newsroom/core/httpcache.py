"""Exact purges of the HTTP caches in front (Varnish, deploy/varnish/newsroom.vcl), by tags.

While a public page renders, every instance of a watched model that it loads gives the page two
tags in its ``Surrogate-Key`` header: its model's (``newsroom_article``) and its own
(``newsroom_article-12``). When one changes, once the change is committed, each cache in
HTTP_CACHE_PURGE_URLS gets ``BAN`` with ``Surrogate-Key: <tags>`` and drops exactly the copies
carrying one of them:

- its own tag, and those of the watched objects it belongs to (a programme item's event), for
  the pages that showed it;
- also its model's tag when it is new or deleted, when its ``is_published()`` changed, or when
  its model has no publishing rule: any page listing that model may now list it or not.

A purge that fails is retried a few times, in the background, and logged; the copy it could not
drop still expires by its ``max-age`` (at most PAGE_CACHE_SECONDS), so a failure only delays.
"""

import atexit
import contextvars
import http.client
import logging
import threading
import time
from contextlib import contextmanager
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_init, post_save, pre_save

logger = logging.getLogger(__name__)

HEADER = "Surrogate-Key"
# Past this length a page names models only ("<model>-any"): caches limit a header's size.
MAX_HEADER_LENGTH = 4000
TAGS_PER_PURGE = 100
RETRY_DELAYS = (0.5, 1, 2, 4)  # seconds before each retry; then the failure is logged and left
TIMEOUT = 2

_loaded = contextvars.ContextVar("httpcache_loaded", default=None)
_pending = threading.local()  # tags to purge once this thread's transaction commits
_watched = set()
_sending = []  # purge threads still running: a management command waits for them as it exits


def enabled():
    return bool(settings.HTTP_CACHE_PURGE_URLS)


def model_tag(model):
    return model._meta.label_lower.replace(".", "_")


def object_tag(instance):
    return f"{model_tag(type(instance))}-{instance.pk}"


def watch(model):
    """Tag the pages that load ``model``'s instances, and purge them when one changes."""
    uid = f"httpcache-{model._meta.label_lower}"
    _watched.add(model)
    post_init.connect(_note_loaded, sender=model, dispatch_uid=uid)
    pre_save.connect(_note_visibility, sender=model, dispatch_uid=uid)
    post_save.connect(_saved, sender=model, dispatch_uid=uid)
    post_delete.connect(_deleted, sender=model, dispatch_uid=uid)
    for field in model._meta.local_many_to_many:
        m2m_changed.connect(
            _relation_changed, sender=field.remote_field.through, dispatch_uid=f"{uid}-{field}"
        )


@contextmanager
def tagging():
    """Collect the tags of what is loaded inside; yields the set. Nested, the inner tags also
    go to the page around it (a value computed once and remembered keeps its own: ``note()``)."""
    outer = _loaded.get()
    tags = set()
    token = _loaded.set(tags)
    try:
        yield tags
    finally:
        _loaded.reset(token)
        if outer is not None:
            outer |= tags


def note(tags):
    """Add ``tags`` to the page being rendered: those of a value remembered from an earlier
    render, whose objects are not loaded again."""
    current = _loaded.get()
    if current is not None:
        current |= tags


def header_value(tags):
    value = " ".join(sorted(tags))
    if len(value) > MAX_HEADER_LENGTH:
        models = {tag.partition("-")[0] for tag in tags}
        value = " ".join(sorted(models | {f"{model}-any" for model in models}))
    return value


def _note_loaded(sender, instance, **kwargs):
    tags = _loaded.get()
    if tags is not None and instance.pk is not None:
        tags.add(model_tag(sender))
        tags.add(object_tag(instance))


def _is_visible(instance):
    return instance.is_published() if hasattr(instance, "is_published") else None


def _note_visibility(sender, instance, raw=False, **kwargs):
    if not enabled() or raw or instance.pk is None or not hasattr(instance, "is_published"):
        return
    stored = sender._base_manager.filter(pk=instance.pk).first()
    instance._httpcache_was_visible = _is_visible(stored) if stored else None


def _saved(sender, instance, created=False, raw=False, **kwargs):
    if raw or not enabled():
        return
    listed = (
        created
        or not hasattr(instance, "is_published")
        or getattr(instance, "_httpcache_was_visible", None) != _is_visible(instance)
    )
    purge_on_commit(_tags_of(instance, listed))


def _deleted(sender, instance, **kwargs):
    if enabled():
        purge_on_commit(_tags_of(instance, listed=True))


def _relation_changed(sender, instance, action, **kwargs):
    if enabled() and action in ("post_add", "post_remove", "post_clear"):
        purge_on_commit(_tags_of(instance, listed=True))


def _tags_of(instance, listed):
    tags = {object_tag(instance), f"{model_tag(type(instance))}-any"}
    if listed:
        tags.add(model_tag(type(instance)))
    for field in instance._meta.concrete_fields:
        if field.many_to_one and field.related_model in _watched:
            value = getattr(instance, field.attname)
            if value is not None:
                related = model_tag(field.related_model)
                tags |= {f"{related}-{value}", f"{related}-any"}
    return tags


def purge_on_commit(tags):
    """Purge ``tags`` once the current transaction commits (at once outside one).

    The first commit's callback sends every tag noted in this thread until then, so one save
    with its inlines is one purge; tags of a save rolled back only go with the next purge.
    """
    _pending.__dict__.setdefault("tags", set()).update(tags)
    transaction.on_commit(_flush)


def _flush():
    """Ban at once, so the next request anywhere sees the change; retries go on meanwhile."""
    tags, _pending.tags = getattr(_pending, "tags", set()), set()
    if tags:
        purge(tags, background=True)


@atexit.register
def _finish_sending():
    """A command's changes are purged too: its process waits for the purges (and retries)."""
    for thread in list(_sending):
        thread.join(timeout=sum(RETRY_DELAYS) + len(RETRY_DELAYS) * TIMEOUT * 2)


def purge(tags, *, delays=RETRY_DELAYS, background=False):
    """Ban the copies carrying any of ``tags`` in every cache; True when all did at once.

    With ``background``, the retries of a failed ban run in a thread of their own.
    """
    tags = sorted(tags)
    done = True
    for url in settings.HTTP_CACHE_PURGE_URLS:
        for start in range(0, len(tags), TAGS_PER_PURGE):
            value = " ".join(tags[start : start + TAGS_PER_PURGE])
            done &= _ban(url, value, delays, background=background)
    return done


def _ban(url, value, delays, *, attempt=1, background=False):
    problem = _send(url, value)
    if problem is None:
        return True
    if attempt > len(delays):
        logger.error(
            "Gave up purging %s from the HTTP cache at %s after %d attempts (%s); "
            "the copies expire by their max-age.",
            value,
            url,
            attempt,
            problem,
        )
        return False
    delay = delays[attempt - 1]
    logger.warning(
        "Could not purge the HTTP cache at %s (%s); trying again in %s s.", url, problem, delay
    )
    if background:
        thread = threading.Thread(
            target=_retry, args=(url, value, delays, attempt), daemon=True, name="http-purge"
        )
        thread.start()
        _sending[:] = [*(t for t in _sending if t.is_alive()), thread]
        return False
    time.sleep(delay)
    return _ban(url, value, delays, attempt=attempt + 1)


def _retry(url, value, delays, attempt):
    time.sleep(delays[attempt - 1])
    _ban(url, value, delays, attempt=attempt + 1)


def _send(url, value):
    """One BAN; None when the cache took it, else what went wrong."""
    parts = urlsplit(url)
    connection_class = (
        http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    )
    try:
        connection = connection_class(parts.hostname, parts.port, timeout=TIMEOUT)
        try:
            connection.request("BAN", parts.path or "/", headers={HEADER: value})
            status = connection.getresponse().status
        finally:
            connection.close()
    except OSError as error:
        return str(error) or type(error).__name__
    return None if status == 200 else f"it answered {status}"
