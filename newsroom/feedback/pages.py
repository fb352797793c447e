"""What the form on a page is about: built from the request and the page's optional object."""

from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType

from .tokens import PageRef

STATE_PARAMETER = "feedback"


def return_path(request):
    """The page's own URL without our step parameter: where each step leads back to."""
    query = [
        (key, value)
        for key, values in request.GET.lists()
        if key != STATE_PARAMETER
        for value in values
    ]
    return f"{request.path}?{urlencode(query)}" if query else request.path


def _generic_ref(obj):
    if obj is None or getattr(obj, "pk", None) is None or not hasattr(obj, "_meta"):
        return None, None
    if not isinstance(obj.pk, int):
        return None, None
    return ContentType.objects.get_for_model(obj).pk, obj.pk


def page_ref(request, path, language, obj=None):
    """The page's path, language, content type and owner (the object's ``feedback_owner``)."""
    content_type_id, object_id = _generic_ref(obj)
    owner_content_type_id, owner_object_id = _generic_ref(
        getattr(obj, "feedback_owner", None) if content_type_id else None
    )
    if content_type_id:
        page_type = ContentType.objects.get_for_id(content_type_id).natural_key()
        page_type = ".".join(page_type)
    else:
        match = getattr(request, "resolver_match", None)
        page_type = match.view_name if match else ""
    return PageRef(
        path=path,
        return_to=return_path(request),
        language=language,
        page_type=page_type[:100],
        content_type_id=content_type_id,
        object_id=object_id,
        owner_content_type_id=owner_content_type_id,
        owner_object_id=owner_object_id,
    )
