"""Revisions of every save (django-reversion), compared field by field, restored and recovered.

Restoring and recovering are limited to revisions wholly inside the user's organisations, and
recorded in the audit log. History is always scoped: ``HistoryAdmin`` is an
``OrganisationScopedAdmin``, whose ``is_scoped()`` and ``version_in_scope()`` it relies on.
"""

from django.conf import settings
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin
from reversion.models import Version

from .. import services
from ..history import field_changes
from ..models import AuditEntry
from .scoping import OrganisationScopedAdmin


class HistoryAdmin(OrganisationScopedAdmin, VersionAdmin):
    """Revisions of every save, compared field by field, restored, and recovered after deletion.

    Restoring and recovering are limited to revisions wholly inside the user's organisations,
    and recorded in the audit log.
    """

    object_history_template = "editorial/object_history.html"
    history_latest_first = True

    def reversion_register(self, model, **kwargs):
        # Who may edit (an organisation's staff) is access control, not content: restoring an
        # old version must never give access back.
        user_model = settings.AUTH_USER_MODEL.lower()
        excluded = [
            field.name
            for field in model._meta.many_to_many
            if field.related_model._meta.label_lower == user_model
        ]
        if excluded:
            kwargs["exclude"] = (*kwargs.get("exclude", ()), *excluded)
        super().reversion_register(model, **kwargs)

    def get_urls(self):
        info = self.model._meta.app_label, self.model._meta.model_name
        compare = path(
            "<path:object_id>/history/compare/",
            self.admin_site.admin_view(self.compare_view),
            name="{}_{}_compare".format(*info),
        )
        return [compare, *super().get_urls()]

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        context = {
            "compare_url": self._url("compare", quote(obj.pk)),
            "versions": [
                (version, self._url("revision", quote(obj.pk), version.pk))
                for version in self._versions(obj).order_by("-pk")
            ],
            **(extra_context or {}),
        }
        return super().history_view(request, object_id, context)

    def _url(self, name, *args):
        opts = self.model._meta
        return reverse(
            f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_{name}", args=args
        )

    def _versions(self, obj):
        return Version.objects.get_for_object(obj).select_related("revision__user")

    def compare_view(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        pks = [_version_pk(request.GET.get(key)) for key in ("older", "newer")]
        versions = {v.pk: v for v in self._versions(obj).filter(pk__in=pks)}
        if len(versions) != len(set(pks)):
            raise Http404
        older, newer = sorted((versions[pk] for pk in pks), key=lambda v: v.pk)
        opts = self.model._meta
        context = {
            **self.admin_site.each_context(request),
            "title": _("Compare versions of %(name)s") % {"name": obj},
            "subtitle": None,
            "opts": opts,
            "object": obj,
            "older": older,
            "newer": newer,
            "changes": field_changes(self.model, older, newer),
            "history_url": self._url("history", quote(obj.pk)),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "editorial/compare.html", context)

    def _revision_is_own(self, request, version, object_pk):
        """Is every version in the revision this object or one of its inline rows, in scope?

        A revision saved by a bulk action holds several objects; restoring it would change them
        all, so a user who does not see all organisations may only restore single-object ones.
        """
        if not self.version_in_scope(request, version):
            return False
        if not self.is_scoped(request):
            return True
        parents = {
            inline.model: inline.fk_name or _parent_field(inline.model, self.model)
            for inline in self.inlines
        }
        for other in version.revision.version_set.all():
            model = other._model
            if model is self.model:
                if other.object_id != str(object_pk):
                    return False
            elif parents.get(model):
                fk = model._meta.get_field(parents[model])
                if other.field_dict.get(fk.attname) != object_pk:
                    return False
            else:
                return False
        return True

    def revision_view(self, request, object_id, version_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        version = get_object_or_404(self._versions(obj), pk=_version_pk(version_id))
        if not self._revision_is_own(request, version, obj.pk):
            raise Http404
        if request.method == "POST" and not self.has_change_permission(request, obj):
            raise PermissionDenied
        # Restoring onto what readers see changes the live version: only for those who may.
        may_change_live = getattr(self, "may_change_live", None)
        live = may_change_live is not None and self.is_live(obj)
        if request.method == "POST" and live and not may_change_live(request, obj):
            raise PermissionDenied
        request.editorial_current_object = obj
        response = super().revision_view(request, object_id, version_id, extra_context)
        if request.method == "POST" and response.status_code == 302:
            services.record(obj, user=request.user, action=AuditEntry.Action.RESTORED)
        return response

    def _deleted_versions(self, request):
        deleted = Version.objects.get_deleted(self.model).select_related("revision")
        return [version for version in deleted if self.version_in_scope(request, version)]

    def recoverlist_view(self, request, extra_context=None):
        if not self.has_change_permission(request) or not self.has_add_permission(request):
            raise PermissionDenied
        opts = self.model._meta
        request.current_app = self.admin_site.name
        context = {
            **self.admin_site.each_context(request),
            "opts": opts,
            "app_label": opts.app_label,
            "module_name": capfirst(opts.verbose_name),
            "title": _("Recover deleted %(name)s") % {"name": opts.verbose_name_plural},
            "deleted": self._deleted_versions(request),
            **(extra_context or {}),
        }
        return TemplateResponse(
            request,
            self.recover_list_template or self._reversion_get_template_list("recover_list.html"),
            context,
        )

    def recover_view(self, request, version_id, extra_context=None):
        version_id = _version_pk(version_id)
        # reversion looks the version up by id alone: keep to this model's deleted objects.
        version = next((v for v in self._deleted_versions(request) if v.pk == version_id), None)
        if version is None or not self._revision_is_own(request, version, _pk(version)):
            raise Http404
        request.editorial_current_object = None
        response = super().recover_view(request, str(version_id), extra_context)
        if request.method == "POST" and response.status_code == 302:
            obj = self.model._default_manager.filter(pk=_pk(version)).first()
            if obj is not None:
                services.record(obj, user=request.user, action=AuditEntry.Action.RECOVERED)
        return response


def _version_pk(value):
    """A version id from a URL or query string; anything else is not found."""
    try:
        return Version._meta.pk.clean(value, None)
    except ValidationError as error:
        raise Http404 from error


def _pk(version):
    return version._model._meta.pk.to_python(version.object_id)


def _parent_field(inline_model, parent_model):
    for field in inline_model._meta.get_fields():
        if field.many_to_one and field.concrete and issubclass(parent_model, field.related_model):
            return field.name
    return None
