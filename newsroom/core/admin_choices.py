"""What the editor's block dialogs choose from: ``<the admin's list>/choices/?q=…&id=…``.

JSON ``{"results": [...]}``: the newest matches of the admin's own search, among what the
editor may see in that admin (its scoping applies), each as the admin's ``choice(obj)`` says.
"""

from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.urls import path

from .parsing import whole_number

CHOICES_SHOWN = 100
QUERY_LENGTH = 100


class BlockChoicesMixin:
    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}_choices"
        view = self.admin_site.admin_view(self.choices_view)
        return [path("choices/", view, name=name), *super().get_urls()]

    def choices_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        queryset = self.get_queryset(request).order_by("-pk")
        if "id" in request.GET:
            wanted = whole_number(request.GET["id"])  # not a number: nothing found, no 500
            queryset = queryset.filter(pk=wanted) if wanted is not None else queryset.none()
        term = request.GET.get("q", "").replace("\x00", "")[:QUERY_LENGTH]
        if term:
            queryset, _duplicates = self.get_search_results(request, queryset, term)
        results = [self.choice(obj) for obj in queryset[:CHOICES_SHOWN]]
        return JsonResponse({"results": results})
