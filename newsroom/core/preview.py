"""Signed, expiring preview links for any publishable content (articles, events, …).

Drafts and scheduled content are 404 for the public. An editor opens them through
``preview_url(obj)``: a URL carrying a token signed with ``django.core.signing`` (content type
and primary key, timestamped). The link needs no login, so an editor may share it with a
colleague; it expires after ``settings.PREVIEW_MAX_AGE`` seconds (default 7 days). A bad,
forged or expired token gets a clear 403 page, a deleted object a 404 — never a 500.

A content app makes its model previewable in its ``AppConfig.ready()``:

    preview.register(Article, render_article)

where ``render_article(request, article, preview=True)`` returns the same response as the public
detail view, rendered with ``preview=True`` in the template context (``base.html`` then shows
the "Preview — not published" banner). Models never import views: the registry joins them.
This view adds ``Cache-Control: no-store, private`` and ``X-Robots-Tag: noindex``.

Inside a preview the object's address is the preview link in the active language, so the
language switcher and hreflang links lead to the preview in each language (a renderer that
reloads the object keeps this with ``reloaded()``). A *variant* shows the object otherwise than
stored: ``register_variant(name, show)`` with ``show(request, obj, render) -> response``
(the editorial app's working copies), linked by ``preview_url(obj, variant=name)``.
"""

import functools

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers

SALT = "newsroom.core.preview"
DEFAULT_MAX_AGE = 7 * 24 * 60 * 60


# model class → render(request, obj, *, preview) of its public page
_renderers = {}
# variant name → show(request, obj, render)
_variants = {}


def register(model, render):
    _renderers[model] = render


def register_variant(name, show):
    _variants[name] = show


def is_previewable(model):
    return model in _renderers


def max_age():
    return getattr(settings, "PREVIEW_MAX_AGE", DEFAULT_MAX_AGE)


def make_token(obj, variant=None):
    content_type = ContentType.objects.get_for_model(obj)
    payload = [content_type.pk, obj.pk] + ([variant] if variant else [])
    return signing.dumps(payload, salt=SALT, compress=True)


def preview_url(obj, variant=None):
    """The preview link for ``obj`` (or a variant of it) in the active language."""
    return reverse("preview", kwargs={"token": make_token(obj, variant)})


def _token_url(token):
    return reverse("preview", kwargs={"token": token})


def reloaded(fresh, previewed):
    """``fresh``, ``previewed`` loaded again by a renderer, keeps the preview's address."""
    if "get_absolute_url" in vars(previewed):
        fresh.get_absolute_url = previewed.get_absolute_url
    return fresh


def load_object(token):
    """The object a token points to. Raises ``signing.BadSignature`` (or its subclass
    ``SignatureExpired``) for a forged or expired token and ``Http404`` for a missing object."""
    obj, _variant = load(token)
    return obj


def load(token):
    """``(object, variant name or None)`` of a token; raises as ``load_object()``."""
    try:
        content_type_id, pk, *variant = signing.loads(token, salt=SALT, max_age=max_age())
        content_type = ContentType.objects.get_for_id(int(content_type_id))
        model = content_type.model_class()
    except (TypeError, ValueError, ContentType.DoesNotExist) as error:
        raise signing.BadSignature("malformed preview token") from error
    variant = variant[0] if variant else None
    if model is None or not is_previewable(model) or (variant and variant not in _variants):
        raise Http404
    try:
        return model._default_manager.get(pk=pk), variant
    except (model.DoesNotExist, ValueError, TypeError) as error:
        raise Http404 from error


def no_store(response):
    add_never_cache_headers(response)
    response["Cache-Control"] = "no-store, private"
    response["X-Robots-Tag"] = "noindex"
    return response


def preview(request, token):
    try:
        obj, variant = load(token)
    except signing.SignatureExpired:
        response = render(request, "newsroom/preview_invalid.html", {"expired": True}, status=403)
    except signing.BadSignature:
        response = render(request, "newsroom/preview_invalid.html", {"expired": False}, status=403)
    else:
        obj.get_absolute_url = functools.partial(_token_url, token)
        render_page = functools.partial(_renderers[type(obj)], preview=True)
        if variant:
            response = _variants[variant](request, obj, render_page)
        else:
            response = render_page(request, obj)
    return no_store(response)
