"""The workflow of ``Publishable`` content in the admin, and its one fieldset.

``EditorialAdmin`` is the base for articles and events: scoped, versioned, with the workflow —
publish rights, review dates, the state shown plainly in lists, preview links, publish and
unpublish actions, the audit log.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import IS_POPUP_VAR
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from newsroom.core.preview import max_age, preview_url
from newsroom.core.publishing import Status

from .. import services, workflow
from ..scoping import can_publish
from .history import HistoryAdmin
from .review import ReviewAdmin
from .working_copies import WorkingCopyAdmin

PUBLISHING_FIELDSET = (
    _("Publishing"),
    {"fields": ["status", "publish_at", "unpublish_at", "updated_at", "review_by", "preview_link"]},
)
HISTORY_FIELDSET = (_("History"), {"fields": ["created", "modified"], "classes": ["collapse"]})
SEND_BACK_COMMENT = "send_back_comment"
MAX_SEND_BACK_COMMENT = 2000


def with_send_back_comment(base):
    """``base`` with the comment a publisher sends with an item set back from review to draft."""

    class SendBackForm(base):
        send_back_comment = forms.CharField(
            label=_("Comment to the editor"),
            help_text=_("Mailed to the editor when you set the status back to Draft."),
            max_length=MAX_SEND_BACK_COMMENT,
            required=False,
            widget=forms.Textarea(attrs={"rows": 3}),
        )

        def clean(self):
            cleaned = super().clean()
            if cleaned.get(SEND_BACK_COMMENT) and cleaned.get("status") != Status.DRAFT:
                message = _("The comment is sent only when you set the status back to Draft.")
                self.add_error(SEND_BACK_COMMENT, forms.ValidationError(message, "not_sent_back"))
            return cleaned

    SendBackForm.__name__ = base.__name__
    return SendBackForm


class PublishingAdmin:
    """Workflow for ``Publishable`` content; combine with ``OrganisationScopedAdmin``.

    Without the publish right a user cannot set the status to published or unpublished, set the
    publishing times, change what is published, or run the publish actions: the fields are
    limited or read-only, and the save is checked again on the server whatever was posted.
    """

    publisher_fields = ("publish_at", "unpublish_at")

    def has_publish_permission(self, request):
        return can_publish(request.user)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request):
            fields += [name for name in self.publisher_fields if name not in fields]
        return fields

    def offers_send_back_comment(self, request, obj):
        """A publisher looking at an item that is ready for review may send it back with a
        comment."""
        return (
            obj is not None and obj.status == Status.REVIEW and self.has_publish_permission(request)
        )

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if not self.offers_send_back_comment(request, obj):
            return fieldsets
        # Copies: the fieldsets are shared by every request.
        return [
            (name, {**options, "fields": [*options["fields"], SEND_BACK_COMMENT]})
            if "status" in options["fields"] and SEND_BACK_COMMENT not in options["fields"]
            else (name, options)
            for name, options in fieldsets
        ]

    def get_form(self, request, obj=None, change=False, **kwargs):
        if self.offers_send_back_comment(request, obj):
            kwargs["form"] = with_send_back_comment(kwargs.get("form", self.form))
        return super().get_form(request, obj, change=change, **kwargs)

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
            comment=form.cleaned_data.get(SEND_BACK_COMMENT, ""),
            save=lambda: super(PublishingAdmin, self).save_model(request, obj, form, change),
        )


class EditorialAdmin(ReviewAdmin, WorkingCopyAdmin, PublishingAdmin, HistoryAdmin):
    """For articles and events: scoped, versioned, with the publishing workflow and reviews;
    what readers see changes through working copies (``working_copies``) or a publisher's
    correction."""

    readonly_fields = ["preview_link", "created", "modified"]
