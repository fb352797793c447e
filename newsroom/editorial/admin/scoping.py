"""Organisation scoping for model admins and inlines.

Users who do not see all organisations see, search, filter, autocomplete, choose and act on
their organisations' objects only. ``organisation_field`` is the path from the model to its
organisation (``"pk"`` for Organisation itself).
"""

from django.apps import apps
from django.contrib import admin
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404

from .. import registry
from ..scoping import organisation_ids, sees_all_organisations

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
    return registry.is_organisation_model(model)


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
        organisation_type = ContentType.objects.get_for_model(registry.organisation_model())
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
