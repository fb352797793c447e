"""Working copies and concurrent edits in the admin, for every content type editors handle.

An item that readers see (published content; an organisation) is changed in one of two ways:

- saved **as a working copy**: the change form's data is stored (``models.WorkingCopy``), the
  public page keeps the published version, and a publisher compares, publishes, schedules,
  sends back or discards it on the working copy page. Editors without the right to change
  what readers see always save this way; anyone may choose to.
- **corrected directly** by whoever may publish: saved at once, recorded in the audit log, the
  reader-visible "last updated" date moved only when "substantive change" is ticked.

Publishing re-runs the same admin form and inline formsets on the stored data, so a working
copy is validated, saved, versioned and audited exactly as a form save is; the publishing
fields (status, publish and unpublish times) stay as they are live.

Every change form carries a version token; a save based on an older version (somebody saved in
between) is not applied: the form comes back with everything typed, who changed it and when,
and how the stored version differs from what was typed.
"""

import copy

import reversion
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.models import LogEntry
from django.contrib.admin.utils import quote, unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models.functions import Cast
from django.forms.formsets import all_valid
from django.http import Http404, HttpResponseBadRequest, HttpResponseRedirect, QueryDict
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.formats import localize
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from newsroom.core import preview
from newsroom.core.publishing import Status

from .. import services
from ..history import _segments, display, field_changes
from ..models import WorkingCopy
from ..scoping import can_publish

VERSION_FIELD = "editorial_version"
SAVE_DRAFT = "_working_copy"
SUBMIT = "_submit_working_copy"
SUBSTANTIVE = "substantive_change"
PREVIEW_VARIANT = "working-copy"
# Posted keys that are not the item's content.
NOT_CONTENT = {"csrfmiddlewaretoken", VERSION_FIELD, SAVE_DRAFT, SUBMIT, SUBSTANTIVE}
NOT_CONTENT |= {"_save", "_continue", "_addanother", "_saveasnew"}
# The publishing fields of a working copy are not its content: they stay as they are live.
PUBLISHING_FIELDS = ("status", "publish_at", "unpublish_at")
MAX_COMMENT = 2000


def as_query_dict(data):
    query = QueryDict(mutable=True)
    for key, values in data.items():
        query.setlist(key, [str(value) for value in values])
    return query


def posted_content(post):
    return {key: post.getlist(key) for key in post if key not in NOT_CONTENT}


def acting_request(request, user, data):
    """``request`` as ``user`` posting ``data``: for forms run outside their change view
    (publishing, previews, scheduled changes). Nothing of it reaches the client."""
    acting = copy.copy(request)
    acting.user = user
    acting.method = "POST"
    acting.POST = data
    acting._files = {}
    acting._editorial_form_data = data
    acting._editorial_cache = {}
    return acting


def version_token(obj, working_copy):
    if working_copy is not None:
        return f"w{working_copy.pk}-{working_copy.modified.timestamp()}"
    modified = getattr(obj, "modified", None)
    if modified is not None:
        return f"o-{modified.timestamp()}"
    entry = _last_log_entry(obj)
    return f"l{entry.pk if entry else 0}"


def _last_log_entry(obj):
    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
    return (
        LogEntry.objects.filter(content_type=content_type, object_id=str(obj.pk))
        .select_related("user")
        .order_by("-action_time", "-pk")
        .first()
    )


class ReviewForm(forms.Form):
    """What a working copy's page posts."""

    action = forms.ChoiceField(
        choices=[(name, name) for name in ("submit", "publish", "schedule", "send_back", "discard")]
    )
    comment = forms.CharField(
        label=_("Comment for the editors"),
        max_length=MAX_COMMENT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    publish_at = forms.SplitDateTimeField(
        label=_("Publish the changes at"),
        required=False,
        widget=forms.SplitDateTimeWidget(
            date_attrs={"aria-label": _("Date (YYYY-MM-DD)")},
            time_attrs={"aria-label": _("Time (HH:MM)")},
        ),
    )
    substantive = forms.BooleanField(
        label=_("Substantive change (shown to readers as “Last updated”)"), required=False
    )

    def clean(self):
        cleaned = super().clean()
        action = cleaned.get("action")
        if action == "schedule":
            at = cleaned.get("publish_at")
            if at is None:
                self.add_error("publish_at", _("Give the time to publish the changes at."))
            elif at <= timezone.now():
                self.add_error("publish_at", _("Give a time in the future."))
        if action == "send_back" and not cleaned.get("comment", "").strip():
            self.add_error("comment", _("Tell the editors what to change."))
        return cleaned


class WorkingCopyAdmin:
    """Working copies, direct corrections and version tokens, first among a model admin's
    bases: before ``PublishingAdmin`` and ``OrganisationScopedAdmin`` where the model has them
    (site pages belong to no organisation and go without)."""

    change_form_template = "editorial/change_form.html"

    # What is live and who may change it

    def is_live(self, obj):
        """Do readers see ``obj`` as stored? Content that has no status always is."""
        if obj is None or obj.pk is None:
            return False
        return getattr(obj, "status", Status.PUBLISHED) == Status.PUBLISHED

    def may_change_live(self, request, obj):
        if hasattr(obj, "status"):
            return can_publish(request.user)
        return super().has_change_permission(request, obj)

    def working_copy(self, request, obj):
        """The object's working copy, read once per request."""
        cache = request.__dict__.setdefault("_editorial_cache", {})
        key = (type(obj), obj.pk)
        if key not in cache:
            cache[key] = services.working_copy_of(obj) if obj.pk is not None else None
        return cache[key]

    def saves_to_working_copy(self, request, obj):
        if not self.is_live(obj):
            return False
        return (
            not self.may_change_live(request, obj)
            or SAVE_DRAFT in request.POST
            or SUBMIT in request.POST
            or self.working_copy(request, obj) is not None
        )

    def _organisation_id(self, obj):
        """The owning organisation's id, or None for content nobody owns (site pages)."""
        name = getattr(self, "organisation_field", None)
        if name is None:
            return None
        if name == "pk":
            return obj.pk
        return getattr(obj, self.model._meta.get_field(name).attname)

    # The change form

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        # A working copy does not change what is published, only the content.
        if self.is_live(obj) and (
            self.working_copy(request, obj) is not None or not self.may_change_live(request, obj)
        ):
            concrete = {field.name for field in self.model._meta.concrete_fields}
            fields += [n for n in PUBLISHING_FIELDS if n in concrete and n not in fields]
        return fields

    def get_form(self, request, obj=None, change=False, **kwargs):
        base = super().get_form(request, obj, change=change, **kwargs)
        if obj is None or obj.pk is None:
            return base
        working_copy = self.working_copy(request, obj)
        token = version_token(obj, working_copy)
        stored = (
            as_query_dict(working_copy.data)
            if working_copy is not None and getattr(request, "_editorial_form_data", None) is None
            else None
        )

        class VersionedForm(base):
            editorial_version = forms.CharField(widget=forms.HiddenInput, required=False)

            def __init__(self, data=None, files=None, *args, **kwargs):
                if data is None and stored is not None:
                    data = stored  # the change form opens on the working copy
                if data is not None:
                    # Shown again, the form carries the version it is now based on.
                    data = data.copy()
                    data[VERSION_FIELD] = token
                kwargs.setdefault("initial", {})[VERSION_FIELD] = token
                super().__init__(data, files, *args, **kwargs)

            def clean(self):
                cleaned = super().clean()
                conflict = getattr(request, "_editorial_conflict", None)
                if conflict:
                    raise ValidationError(conflict)
                return cleaned

        VersionedForm.__name__ = base.__name__
        return VersionedForm

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        data = getattr(request, "_editorial_form_data", None)
        if data is None and request.method != "POST" and obj is not None and obj.pk:
            working_copy = self.working_copy(request, obj)
            data = as_query_dict(working_copy.data) if working_copy else None
        if data is not None:
            kwargs.update(data=data.copy(), files={}, save_as_new=False)
        return kwargs

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if obj is not None:
            working_copy = self.working_copy(request, obj)
            if request.method == "POST":
                request._editorial_live = copy.copy(obj)
                request._editorial_conflict = self._conflict(request, obj, working_copy)
                request._editorial_to_working_copy = self.saves_to_working_copy(request, obj)
            extra_context = {
                **(extra_context or {}),
                **self._working_copy_context(request, obj, working_copy),
            }
        return super().change_view(request, object_id, form_url, extra_context)

    def _conflict(self, request, obj, working_copy):
        """A message when the form was based on an older version than the stored one."""
        if request.POST.get(VERSION_FIELD) == version_token(obj, working_copy):
            return None
        if working_copy is not None:
            who, when = working_copy.author_name, working_copy.modified
            what = _("its working copy")
        else:
            entry = _last_log_entry(obj)
            who = entry.user.get_username() if entry and entry.user else gettext("somebody")
            when = getattr(obj, "modified", None) or (entry.action_time if entry else None)
            what = _("this item")
        request._editorial_conflict_base = working_copy
        return gettext(
            "%(who)s saved %(what)s at %(when)s, after you opened it. Nothing was saved: "
            "your text is still in the form. Check the differences below and save again."
        ) % {"who": who, "what": what, "when": localize(timezone.localtime(when)) if when else ""}

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if getattr(request, "_editorial_conflict", None) and obj is not None:
            context["editorial_conflict_changes"] = self._conflict_changes(
                request, obj, context["adminform"].form
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _conflict_changes(self, request, obj, form):
        """How the stored version differs from what the editor typed."""
        stored, stored_form = type(obj)._default_manager.get(pk=obj.pk), None
        working_copy = getattr(request, "_editorial_conflict_base", None)
        if working_copy is not None:
            acting = acting_request(request, request.user, as_query_dict(working_copy.data))
            stored_form, _formsets = self._bound_forms(acting, stored)
            stored_form.is_valid()
        return _by_language(
            field_changes(
                self.model, _versioned(stored, stored_form), _versioned(form.instance, form)
            )
        )

    def _working_copy_context(self, request, obj, working_copy):
        live = self.is_live(obj)
        context = {
            "editorial_live": live,
            "editorial_working_copy": working_copy,
            "editorial_may_change_live": live and self.may_change_live(request, obj),
            "editorial_version_field": VERSION_FIELD,
        }
        if working_copy is not None:
            context["editorial_working_copy_url"] = self._url("working_copy", quote(obj.pk))
        return context

    def _url(self, name, *args):
        opts = self.model._meta
        return reverse(
            f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_{name}", args=args
        )

    # Saving

    def save_model(self, request, obj, form, change):
        if getattr(request, "_editorial_to_working_copy", False):
            self._store_working_copy(request, obj)
            return
        live_before = getattr(request, "_editorial_live", None)
        # A change of status (unpublishing) is audited as such; a correction keeps it live.
        correcting = (
            change and live_before is not None and self.is_live(live_before) and self.is_live(obj)
        )
        substantive = SUBSTANTIVE in request.POST
        if correcting and substantive and hasattr(obj, "updated_at"):
            obj.updated_at = timezone.now()
        super().save_model(request, obj, form, change)
        if correcting:
            services.correction_recorded(obj, user=request.user)

    def _store_working_copy(self, request, obj):
        live = request._editorial_live
        is_scoped = getattr(self, "is_scoped", None)
        if is_scoped is not None and is_scoped(request) and not self._is_own(request, live):
            raise PermissionDenied
        working_copy = self.working_copy(request, live)
        # Submitted stays submitted when a publisher touches it up; an editor's save is a draft.
        submit = SUBMIT in request.POST or (
            working_copy is not None
            and working_copy.status != WorkingCopy.Status.DRAFT
            and SAVE_DRAFT not in request.POST
            and self.may_change_live(request, live)
        )
        request._editorial_saved_copy = services.save_working_copy(
            live,
            user=request.user,
            data=posted_content(request.POST),
            organisation_id=self._organisation_id(live),
            submit=submit,
        )

    def save_related(self, request, form, formsets, change):
        if getattr(request, "_editorial_to_working_copy", False):
            return  # the inline rows are in the working copy's data
        super().save_related(request, form, formsets, change)

    def construct_change_message(self, request, form, formsets, add=False):
        if getattr(request, "_editorial_to_working_copy", False):
            return []  # nothing was saved to describe
        return super().construct_change_message(request, form, formsets, add)

    def log_change(self, request, obj, message):
        if getattr(request, "_editorial_to_working_copy", False):
            return None
        return super().log_change(request, obj, message)

    def response_change(self, request, obj):
        saved = getattr(request, "_editorial_saved_copy", None)
        if saved is None:
            return super().response_change(request, obj)
        if saved.status == WorkingCopy.Status.REVIEW:
            text = _("The changes are submitted for review. Readers see the published version.")
        else:
            text = _(
                "The changes are saved as a working copy. Readers see the published version "
                "until a publisher publishes the changes."
            )
        self.message_user(request, text, messages.SUCCESS)
        return HttpResponseRedirect(request.path)

    # Lists

    def get_queryset(self, request):
        content_type = ContentType.objects.get_for_model(self.model, for_concrete_model=False)
        copies = WorkingCopy.objects.filter(
            content_type=content_type,
            object_id=Cast(models.OuterRef("pk"), models.CharField()),
        )
        return (
            super()
            .get_queryset(request)
            .annotate(editorial_working_copy=models.Subquery(copies.values("status")[:1]))
        )

    def get_list_display(self, request):
        return [*super().get_list_display(request), "working_copy_state"]

    @admin.display(description=_("newer changes"))
    def working_copy_state(self, obj):
        status = getattr(obj, "editorial_working_copy", None)
        if not status:
            return "—"
        return WorkingCopy.Status(status).label

    # The working copy's page

    def get_urls(self):
        info = self.model._meta.app_label, self.model._meta.model_name
        page = path(
            "<path:object_id>/working-copy/",
            self.admin_site.admin_view(self.working_copy_view),
            name="{}_{}_working_copy".format(*info),
        )
        return [page, *super().get_urls()]

    def _bound_forms(self, acting, obj):
        """The change form and inline formsets of ``obj`` bound to ``acting``'s data."""
        Form = self.get_form(acting, obj, change=True)
        form = Form(acting._editorial_form_data, {}, instance=obj)
        formsets, _inlines = self._create_formsets(acting, form.instance, change=True)
        return form, formsets

    def working_copy_changes(self, request, obj, working_copy):
        """Field by field, the live version against the working copy; and the form errors."""
        draft = type(obj)._default_manager.get(pk=obj.pk)
        acting = acting_request(request, request.user, as_query_dict(working_copy.data))
        form, formsets = self._bound_forms(acting, draft)
        valid = form.is_valid() & all_valid(formsets)
        changes = field_changes(self.model, _versioned(obj), _versioned(form.instance, form))
        changes = [c for c in _by_language(changes) if c["field"] not in PUBLISHING_FIELDS]
        for formset in formsets:
            old = "\n".join(_row_text(row, self.model) for row in formset.get_queryset())
            kept = [
                row
                for row in formset.forms
                if (row in formset.initial_forms or row.has_changed())
                and not (formset.can_delete and formset._should_delete_form(row))
            ]
            new = "\n".join(_row_text(row.instance, self.model) for row in kept)
            if old != new:
                old_pieces, new_pieces = _segments(old or "—", new or "—")
                label = capfirst(formset.model._meta.verbose_name_plural)
                changes.append({"label": label, "old": old_pieces, "new": new_pieces})
        errors = [] if valid else _error_texts(form, formsets)
        return changes, errors

    def apply_working_copy(self, request, obj, working_copy, *, user, substantive):
        """Save the working copy's data over ``obj`` through the change form; errors or None."""
        acting = acting_request(request, user, as_query_dict(working_copy.data))
        acting._editorial_live = copy.copy(obj)
        form, formsets = self._bound_forms(acting, obj)
        if not (form.is_valid() & all_valid(formsets)):
            return _error_texts(form, formsets)
        for name in PUBLISHING_FIELDS:
            if hasattr(obj, name):
                setattr(form.instance, name, getattr(acting._editorial_live, name))
        if substantive and hasattr(obj, "updated_at"):
            form.instance.updated_at = timezone.now()
        with reversion.create_revision():
            reversion.set_user(user)
            reversion.set_comment(gettext("Published the working copy"))
            saved = self.save_form(acting, form, change=True)
            super().save_model(acting, saved, form, True)
            super().save_related(acting, form, formsets, True)
        LogEntry.objects.log_actions(
            user_id=user.pk,
            queryset=[saved],
            action_flag=2,  # CHANGE
            change_message=gettext("Published the working copy"),
            single_object=True,
        )
        return None

    def working_copy_view(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        working_copy = self.working_copy(request, obj)
        if working_copy is None:
            raise Http404
        may_publish = self.may_change_live(request, obj)
        form = ReviewForm(request.POST or None, initial={"substantive": working_copy.substantive})
        if request.method == "POST":
            if not self.has_change_permission(request, obj):
                raise PermissionDenied
            if not form.is_valid():
                if "action" in form.errors:
                    return HttpResponseBadRequest(gettext("Unknown action."))
            else:
                response = self._review_action(request, obj, working_copy, form, may_publish)
                if response is not None:
                    return response
        changes, errors = self.working_copy_changes(request, obj, working_copy)
        opts = self.model._meta
        context = {
            **self.admin_site.each_context(request),
            "title": _("Changes to %(name)s") % {"name": obj},
            "subtitle": None,
            "opts": opts,
            "object": obj,
            "working_copy": working_copy,
            "changes": changes,
            "errors": errors,
            "form": form,
            "may_publish": may_publish,
            "change_url": self._url("change", quote(obj.pk)),
            "preview_links": self._preview_links(obj),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "editorial/working_copy.html", context)

    def _preview_links(self, obj):
        if not preview.is_previewable(type(obj)):
            return []
        links = []
        for code, name in settings.LANGUAGES:
            with translation.override(code):
                links.append((code, name, preview.preview_url(obj, variant=PREVIEW_VARIANT)))
        return links

    def _review_action(self, request, obj, working_copy, form, may_publish):
        action = form.cleaned_data["action"]
        back = HttpResponseRedirect(self._url("change", quote(obj.pk)))
        if action in {"publish", "schedule", "send_back"} and not may_publish:
            raise PermissionDenied
        if action == "submit":
            services.submit_working_copy(working_copy, user=request.user)
            self.message_user(request, _("The changes are submitted for review."))
            return back
        if action == "discard":
            services.discard_working_copy(working_copy, user=request.user)
            self.message_user(request, _("The changes are discarded."))
            return back
        if action == "send_back":
            services.send_back_working_copy(
                working_copy, user=request.user, comment=form.cleaned_data["comment"]
            )
            self.message_user(request, _("The changes are sent back to the editors."))
            return back
        substantive = form.cleaned_data["substantive"]
        if action == "schedule":
            at = form.cleaned_data["publish_at"]
            services.schedule_working_copy(
                working_copy, user=request.user, at=at, substantive=substantive
            )
            self.message_user(
                request,
                _("The changes will be published at %(when)s.")
                % {"when": localize(timezone.localtime(at))},
            )
            return back
        errors = services.publish_working_copy(
            working_copy,
            obj,
            user=request.user,
            apply=lambda substantive: self.apply_working_copy(
                request, obj, working_copy, user=request.user, substantive=substantive
            ),
            substantive=substantive,
        )
        if errors:
            for error in errors:
                self.message_user(request, error, messages.ERROR)
            return None
        self.message_user(request, _("The changes are published."), messages.SUCCESS)
        return back


def _versioned(instance, form=None):
    """An object's values as a revision holds them (``field_dict``), for ``field_changes``."""
    values = {field.attname: getattr(instance, field.attname) for field in instance._meta.fields}
    for field in instance._meta.many_to_many:
        if form is not None and field.name in form.fields:
            chosen = form.cleaned_data.get(field.name) if hasattr(form, "cleaned_data") else None
            values[field.attname] = [item.pk for item in chosen or []]
        elif instance.pk is not None:
            values[field.attname] = list(getattr(instance, field.name).values_list("pk", flat=True))
    return _Version(values)


class _Version:
    def __init__(self, field_dict):
        self.field_dict = field_dict


def _by_language(changes):
    """A translated field's own column repeats one language's: show the languages only."""
    changed = {change["field"] for change in changes}
    return [
        change
        for change in changes
        if not any(f"{change['field']}_{code}" in changed for code, _name in settings.LANGUAGES)
    ]


def _row_text(row, parent_model):
    """An inline row as an editor reads it (its parent and id left out)."""
    parts = []
    for field in row._meta.concrete_fields:
        if field.primary_key or (field.many_to_one and field.related_model is parent_model):
            continue
        value = getattr(row, field.attname)
        if value not in (None, ""):
            parts.append(display(field, value))
    return " · ".join(parts)


def _error_texts(form, formsets):
    texts = [
        f"{form.fields[name].label if name in form.fields else ''}: {' '.join(errors)}".lstrip(": ")
        for name, errors in form.errors.items()
    ]
    for formset in formsets:
        for errors in formset.errors:
            texts += [f"{name}: {' '.join(messages_)}" for name, messages_ in errors.items()]
        texts += list(formset.non_form_errors())
    return texts


def preview_working_copy(request, obj, render):
    """The preview of a working copy: applied in a transaction that is rolled back, so the
    page shows exactly what publishing would give, inline rows and relations included."""
    working_copy = services.working_copy_of(obj)
    model_admin = admin.site.get_model_admin(type(obj)) if working_copy else None
    if working_copy is None or working_copy.author is None:
        return render(request, obj)
    with transaction.atomic():
        try:
            errors = model_admin.apply_working_copy(
                request, obj, working_copy, user=working_copy.author, substantive=False
            )
        except PermissionDenied:  # its author is no longer staff of the organisation
            errors = True
        # Rendered before the rollback: the page is made while the changes are in place.
        response = None if errors else render(request, obj)
        transaction.set_rollback(True)
    if response is None:  # the changes cannot be applied as they are: the live version
        response = render(request, preview.reloaded(type(obj)._default_manager.get(pk=obj.pk), obj))
    return response
