from django.conf import settings
from django.utils.cache import patch_cache_control
from django.views.static import serve


def media(request, path):
    """Uploaded images, when no reverse proxy serves MEDIA_ROOT itself.

    MEDIA_ROOT is read per request (tests point it at a fresh folder). Stored files are never
    changed in place, only replaced under a new name, so browsers and caches may keep them.
    """
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    patch_cache_control(response, public=True, max_age=24 * 60 * 60)
    return response
