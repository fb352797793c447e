"""Admin building blocks for editorial roles, and the audit log's admin.

Other apps' admins take these as bases (first, before ``admin.ModelAdmin`` or
``TabbedTranslationAdmin``):

- ``OrganisationScopedAdmin``: users who do not see all organisations see, search, filter,
  autocomplete, choose and act on their organisations' objects only. ``organisation_field``
  is the path from the model to its organisation (``"pk"`` for Organisation itself).
- ``HistoryAdmin``: revisions (django-reversion) with a field-by-field comparison, restore and
  recovery of deleted objects, within the user's organisations.
- ``PublishingAdmin``: the workflow of ``Publishable`` content — publish rights, review dates,
  the state shown plainly in lists, preview links, publish and unpublish actions, the audit log.
- ``ScopedHistoryAdmin`` and ``EditorialAdmin`` combine them for organisations and contacts,
  and for articles and events.
"""

from django.apps import apps
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.options import IS_POPUP_VAR
from django.contrib.admin.utils import quote, unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from reversion.admin import VersionAdmin
from reversion.models import Version

from newsroom.preview import max_age, preview_url
from newsroom.publishing import Status

from . import services, workflow
from .history import field_changes
from .models import AuditEntry
from .scoping import can_publish, organisation_ids, sees_all_organisations

# Lookups in a changelist URL that select by organisation id.
_ID_LOOKUPS = {"", "exact", "in", "id", "pk", "id__exact", "pk__exact", "id__in", "pk__in"}


def scoped_choices(admin_site, model, request):
    """The objects of ``model`` the user may choose, or None when not limited."""
    if sees_all_organisations(request.user):
        return None
    if admin_site.is_registered(model):
        model_admin = admin_site.get_model_admin(model)
        if isinstance(model_admin, OrganisationScopedAdmin):
            return model_admin.scope(model._default_manager.all(), request.user)
    if _is_organisation(model):
        return model._default_manager.filter(pk__in=organisation_ids(request.user))
    return None


def _is_organisation(model):
    return model._meta.label == "organisations.Organisation"


class ScopedChoicesMixin:
    """Foreign-key and many-to-many choices limited to the user's organisations' objects.

    For model admins and inlines. Only the owning organisation (``organisation_field``) is
    limited among organisations: other organisation fields (co-organisers, related
    organisations, the parent) name organisations of the public directory, they do not own.
    ``shared_relation_fields`` name further relations that are not limited.
    """

    shared_relation_fields = ()

    def is_shared_relation(self, db_field):
        if db_field.name in self.shared_relation_fields:
            return True
        owning = getattr(self, "organisation_field", None)
        return _is_organisation(db_field.related_model) and db_field.name != owning

    def _limit_choices(self, db_field, request, kwargs):
        if "queryset" in kwargs or self.is_shared_relation(db_field):
            return
        queryset = scoped_choices(self.admin_site, db_field.related_model, request)
        if queryset is not None:
            kwargs["queryset"] = queryset

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        self._limit_choices(db_field, request, kwargs)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        self._limit_choices(db_field, request, kwargs)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class OrganisationScopedAdmin(ScopedChoicesMixin):
    organisation_field = "organisation"
    # Read-only for users who do not see all organisations (an organisation's staff, its parent).
    site_admin_only_fields = ()

    def organisation_filter(self, ids):
        return Q(**{f"{self.organisation_field}__in": ids})

    def scope(self, queryset, user):
        if sees_all_organisations(user):
            return queryset
        return queryset.filter(self.organisation_filter(organisation_ids(user)))

    def is_scoped(self, request):
        return not sees_all_organisations(request.user)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if self._is_shared_relation_autocomplete(request):
            return queryset
        return self.scope(queryset, request.user)

    def _is_shared_relation_autocomplete(self, request):
        """Is this the autocomplete of a relation that may point at other organisations?"""
        match = request.resolver_match
        if match is None or match.url_name != "autocomplete":
            return False
        try:
            source_model = apps.get_model(request.GET["app_label"], request.GET["model_name"])
        except (KeyError, LookupError, ValueError):
            return False
        if not self.admin_site.is_registered(source_model):
            return False
        source_admin = self.admin_site.get_model_admin(source_model)
        try:
            field = source_model._meta.get_field(request.GET.get("field_name", ""))
        except FieldDoesNotExist:
            return False
        is_shared = getattr(source_admin, "is_shared_relation", None)
        return bool(field.is_relation and is_shared and is_shared(field))

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        # Another organisation's object does not exist for this user: 404, not a redirect.
        if obj is None and self.is_scoped(request):
            raise Http404
        return obj

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if self.is_scoped(request):
            fields += [name for name in self.site_admin_only_fields if name not in fields]
        return fields

    def get_list_filter(self, request):
        list_filter = super().get_list_filter(request)
        if not self.is_scoped(request):
            return list_filter
        # A relation filter lists every related object; list only those the user's objects use.
        return [self._scoped_list_filter(entry) for entry in list_filter]

    def _scoped_list_filter(self, entry):
        if not isinstance(entry, str):
            return entry
        try:
            field = self.model._meta.get_field(entry)
        except FieldDoesNotExist:  # a lookup path (a__b): left as it is
            return entry
        if field.is_relation and not self.is_shared_relation(field):
            return (entry, admin.RelatedOnlyFieldListFilter)
        return entry

    def changelist_view(self, request, extra_context=None):
        if self.is_scoped(request):
            self._check_organisation_params(request)
        return super().changelist_view(request, extra_context)

    def _check_organisation_params(self, request):
        """An id of another organisation in a filter parameter is refused, not ignored."""
        allowed = {str(pk) for pk in organisation_ids(request.user)}
        if any(value not in allowed for value in self.requested_organisation_ids(request)):
            raise PermissionDenied

    def requested_organisation_ids(self, request):
        """The organisation ids that changelist filter parameters ask for."""
        if self.organisation_field == "pk" or "__" in self.organisation_field:
            return
        field = self.model._meta.get_field(self.organisation_field)
        for key, values in request.GET.lists():
            head, _sep, lookup = key.partition("__")
            if head in {field.name, field.attname} and lookup in _ID_LOOKUPS:
                for value in values:
                    yield from value.split(",")

    def response_action(self, request, queryset):
        """Bulk actions: ids of objects the user may not see are refused, not skipped."""
        selected = request.POST.getlist(ACTION_CHECKBOX_NAME)
        if selected:
            pk_field = self.model._meta.pk
            try:
                pks = {pk_field.clean(value, None) for value in selected}  # type and range
            except ValidationError as error:
                raise PermissionDenied from error
            visible = self.get_queryset(request).filter(pk__in=pks).count()
            if visible != len(pks):
                raise PermissionDenied
        return super().response_action(request, queryset)

    def save_model(self, request, obj, form, change):
        if self.is_scoped(request) and not self._is_own(request, obj):
            raise PermissionDenied
        super().save_model(request, obj, form, change)

    def _is_own(self, request, obj):
        if self.organisation_field == "pk":
            return obj.pk in organisation_ids(request.user)
        field = self.model._meta.get_field(self.organisation_field)
        return getattr(obj, field.attname) in organisation_ids(request.user)

    def version_in_scope(self, request, version):
        """Does a revision of an object belong to the user's organisations?"""
        if not self.is_scoped(request):
            return True
        ids = organisation_ids(request.user)
        if self.organisation_field == "pk":
            return version.object_id in {str(pk) for pk in ids}
        if "__" in self.organisation_field:
            return False
        field = self.model._meta.get_field(self.organisation_field)
        return version.field_dict.get(field.attname) in ids


class GenericOwnerScopedAdmin(OrganisationScopedAdmin):
    """For models that point at their organisation generically (feedback's ``owner``)."""

    organisation_field = "owner_object_id"
    owner_content_type_field = "owner_content_type"
    # A list filter's parameter whose value is "<content type id>-<object id>".
    owner_filter_parameter = "owner"

    def organisation_filter(self, ids):
        organisation_type = ContentType.objects.get_for_model(
            apps.get_model("organisations", "Organisation")
        )
        return Q(
            **{
                self.owner_content_type_field: organisation_type,
                f"{self.organisation_field}__in": ids,
            }
        )

    def requested_organisation_ids(self, request):
        for key, values in request.GET.lists():
            if key.partition("__")[0] == self.organisation_field:
                for value in values:
                    yield from value.split(",")
        for value in request.GET.getlist(self.owner_filter_parameter):
            yield value.partition("-")[2]

    def _is_own(self, request, obj):
        return self.scope(self.model._default_manager.filter(pk=obj.pk), request.user).exists()


class HistoryAdmin(VersionAdmin):
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

    def version_in_scope(self, request, version):
        return True

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

    def is_scoped(self, request):
        return False

    def revision_view(self, request, object_id, version_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        version = get_object_or_404(self._versions(obj), pk=_version_pk(version_id))
        if not self._revision_is_own(request, version, obj.pk):
            raise Http404
        if request.method == "POST" and not self.has_change_permission(request, obj):
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


class ScopedHistoryAdmin(OrganisationScopedAdmin, HistoryAdmin):
    """For organisations and contact persons."""


class PublishingAdmin:
    """Workflow for ``Publishable`` content; combine with ``OrganisationScopedAdmin``.

    Without the publish right a user cannot set the status to published or unpublished, set the
    publishing times, change what is published, or run the publish actions: the fields are
    limited or read-only, and the save is checked again on the server whatever was posted.
    """

    publisher_fields = ("publish_at", "unpublish_at")

    def has_publish_permission(self, request):
        return can_publish(request.user)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if allowed and obj is not None and obj.status == Status.PUBLISHED:
            # What readers see changes only through a publisher.
            return self.has_publish_permission(request)
        return allowed

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request):
            fields += [name for name in self.publisher_fields if name not in fields]
        return fields

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "status" and not self.has_publish_permission(request):
            kwargs["choices"] = [
                (value, label)
                for value, label in Status.choices
                if value not in services.PUBLISHER_STATUSES
            ]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    @admin.display(description=_("status"), ordering="status")
    def workflow_state(self, obj):
        return obj.publication_state

    @admin.display(description=_("preview"))
    def preview_link(self, obj):
        if obj is None or obj.pk is None:
            return _("Save first to get a preview link.")
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a><br><span class="help">{}</span>',
            preview_url(obj),
            _("Preview (opens in a new window)"),
            _("Anyone with this link can see this page for %(days)d days, even unpublished.")
            % {"days": max(1, max_age() // 86400)},
        )

    def view_on_site(self, obj):
        return obj.get_absolute_url() if obj.is_published() else None

    def get_list_display(self, request):
        # "Scheduled" and "Expired" are what an editor needs to see, not the stored status.
        return [
            "workflow_state" if name == "status" else name
            for name in super().get_list_display(request)
        ]

    def get_list_filter(self, request):
        rest = [entry for entry in super().get_list_filter(request) if entry != "status"]
        return [workflow.WorkflowFilter, *rest]

    def get_actions(self, request):
        """Publish and unpublish, for publishers only, whatever ``actions`` the admin lists."""
        actions = super().get_actions(request)
        if self.actions is None or IS_POPUP_VAR in request.GET:
            return actions
        if self.has_publish_permission(request):
            for name in ("publish", "unpublish"):
                actions.setdefault(name, self.get_action(name))
        return actions

    @admin.action(
        description=_("Publish selected %(verbose_name_plural)s"), permissions=["publish"]
    )
    def publish(self, request, queryset):
        changed = services.set_status(queryset, user=request.user, status=Status.PUBLISHED)
        self.message_user(
            request,
            ngettext("%(count)d item published.", "%(count)d items published.", changed)
            % {"count": changed},
            messages.SUCCESS,
        )

    @admin.action(
        description=_("Unpublish selected %(verbose_name_plural)s"), permissions=["publish"]
    )
    def unpublish(self, request, queryset):
        changed = services.set_status(queryset, user=request.user, status=Status.UNPUBLISHED)
        self.message_user(
            request,
            ngettext("%(count)d item unpublished.", "%(count)d items unpublished.", changed)
            % {"count": changed},
            messages.SUCCESS,
        )

    def save_model(self, request, obj, form, change):
        current = getattr(request, "editorial_current_object", False)
        # A restore has already written the old version to the database: compare with the
        # object as it was before, not with what is stored now.
        before = services.stored_state(obj) if current is False else services.state_of(current)
        services.save_with_workflow(
            obj,
            user=request.user,
            before=before,
            save=lambda: super(PublishingAdmin, self).save_model(request, obj, form, change),
        )


class EditorialAdmin(PublishingAdmin, OrganisationScopedAdmin, HistoryAdmin):
    """For articles and events: scoped, versioned, with the publishing workflow."""


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """Read-only; visible to whoever holds ``view_auditentry`` (site administrators)."""

    list_display = ["created", "username", "action", "object_link", "content_type"]
    list_filter = ["action", "content_type"]
    search_fields = ["username", "object_repr"]
    date_hierarchy = "created"
    list_select_related = ["content_type"]

    @admin.display(description=_("object"), ordering="object_repr")
    def object_link(self, obj):
        model = obj.content_type.model_class()
        if model is None or not self.admin_site.is_registered(model):
            return obj.object_repr
        url = reverse(
            f"{self.admin_site.name}:{model._meta.app_label}_{model._meta.model_name}_change",
            args=[quote(obj.object_id)],
        )
        return format_html('<a href="{}">{}</a>', url, obj.object_repr)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
