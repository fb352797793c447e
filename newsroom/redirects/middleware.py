"""Old addresses answer 301: looked up only when no page answers (a 404), in one query."""

from django.http import HttpResponsePermanentRedirect

from .paths import OLD_PATH_MAX
from .services import redirect_for


class RedirectMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.status_code != 404
            or request.method not in ("GET", "HEAD")
            or len(request.path_info) > OLD_PATH_MAX
            or "\x00" in request.path_info
        ):
            return response
        redirect = redirect_for(request.path_info)
        if redirect is None:
            return response
        target = redirect.target
        if request.META.get("QUERY_STRING"):
            target += ("&" if "?" in target else "?") + request.META["QUERY_STRING"]
        return HttpResponsePermanentRedirect(target)
