"""Site administrators see every redirect, add their own and import them from CSV."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import services
from .forms import RedirectForm, RedirectImportForm
from .models import Redirect


class KindFilter(admin.SimpleListFilter):
    title = _("kind")
    parameter_name = "kind"

    def lookups(self, request, model_admin):
        return [("manual", _("Added by hand")), ("automatic", _("Address changed"))]

    def queryset(self, request, queryset):
        if self.value() == "manual":
            return queryset.filter(content="")
        if self.value() == "automatic":
            return queryset.exclude(content="")
        return queryset


@admin.register(Redirect)
class RedirectAdmin(admin.ModelAdmin):
    form = RedirectForm
    list_display = ["old_path", "target", "kind", "created"]
    list_filter = [KindFilter]
    search_fields = ["old_path", "target"]
    change_list_template = "redirects/admin/change_list.html"

    @admin.display(description=_("kind"))
    def kind(self, obj):
        return _("Address changed") if obj.is_automatic else _("Added by hand")

    def has_change_permission(self, request, obj=None):
        # An automatic redirect follows its page; only deleting it is up to the administrator.
        if obj is not None and obj.is_automatic:
            return False
        return super().has_change_permission(request, obj)

    def save_model(self, request, obj, form, change):
        services.redirect_save(obj)

    def get_urls(self):
        view = self.admin_site.admin_view(self.import_view)
        return [path("import/", view, name="redirects_redirect_import"), *super().get_urls()]

    def import_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = RedirectImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            try:
                count = services.redirects_import(form.cleaned_data["file"])
            except ValidationError as error:
                for message in error.messages:
                    form.add_error("file", message)
            else:
                self.message_user(
                    request,
                    ngettext("%(count)d redirect imported.", "%(count)d redirects imported.", count)
                    % {"count": count},
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(reverse("admin:redirects_redirect_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Import redirects"),
            "form": form,
        }
        return TemplateResponse(request, "redirects/admin/import.html", context)
