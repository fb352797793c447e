import logging
import mimetypes
import posixpath

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse
from django.utils.cache import patch_cache_control
from django.views.static import serve

logger = logging.getLogger(__name__)


def media(request, path):
    """Uploaded files, when neither a reverse proxy nor the bucket serves them to readers.

    From MEDIA_ROOT (read per request: tests point it at a fresh folder), or from the bucket
    when uploads are kept in one (MEDIA_STORAGE_URL; a private bucket is served only so).
    Stored files are never changed in place, only replaced under a new name, so browsers and
    caches may keep them.
    """
    if not settings.MEDIA_STORAGE_URL:
        response = serve(request, path, document_root=settings.MEDIA_ROOT)
    else:
        response = _from_bucket(path)
    if response.status_code < 400:
        patch_cache_control(response, public=True, max_age=24 * 60 * 60)
    return response


def _from_bucket(path):
    name = posixpath.normpath(path)
    if name != path or name.startswith(("/", "..")) or "\x00" in name:
        raise Http404
    try:
        found = default_storage.exists(name)
        file = default_storage.open(name) if found else None
    except Exception:  # the bucket is unreachable or refuses us: a short outage, not a 500
        return storage_unavailable(name)
    if not found:
        raise Http404
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return FileResponse(file, content_type=content_type)


def storage_unavailable(name):
    """503 for a stored file that could not be read: the bucket is down, not the page wrong."""
    logger.warning("Could not read %s from the media storage.", name, exc_info=True)
    response = HttpResponse(
        status=503, headers={"Retry-After": str(settings.UNAVAILABLE_RETRY_AFTER)}
    )
    patch_cache_control(response, no_store=True)
    return response
