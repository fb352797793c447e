from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from newsroom.core.images.views import storage_unavailable

from .models import Document

# A document is never a page of this site: it runs no script, loads nothing, and may not be
# framed, even when a browser shows it itself (a PDF viewer, plain text).
POLICY = "sandbox; default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"


@require_safe
def download(request, pk):
    """The document's current file, at an address that stays when the file is replaced."""
    document = get_object_or_404(Document, pk=pk)
    try:
        content = document.file.open("rb")
    except (FileNotFoundError, ValueError) as error:
        raise Http404 from error
    except Exception:  # the storage (a bucket, a disk) is down: a short outage, not a 500
        return storage_unavailable(document.file.name)
    response = FileResponse(
        content,
        as_attachment=True,
        filename=document.download_name,
        content_type=document.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = POLICY
    # Short: a replaced file must reach readers soon, at the same address.
    patch_cache_control(response, public=True, max_age=5 * 60)
    return response
