from django.conf import settings
from django.contrib import admin
from django.template.defaultfilters import filesizeformat
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from newsroom.core.admin_choices import BlockChoicesMixin
from newsroom.editorial.admin.scoping import OrganisationScopedAdmin

from . import usage
from .models import Document


def _admin_link(obj):
    """A link to ``obj``'s admin page, or its name when it has none."""
    opts = obj._meta
    label = f"{opts.verbose_name.capitalize()}: {obj}"
    try:
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    except NoReverseMatch:
        return label
    return format_html('<a href="{}">{}</a>', url, label)


@admin.register(Document)
class DocumentAdmin(BlockChoicesMixin, OrganisationScopedAdmin, TabbedTranslationAdmin):
    list_display = ["title", "format", "file_size", "language", "organisation", "date"]
    list_filter = ["format", "language", "organisation", "date"]
    list_select_related = ["organisation"]
    search_fields = [f"title_{code}" for code, _name in settings.LANGUAGES]
    date_hierarchy = "date"
    fields = [
        "file",
        "file_facts",
        "address",
        "title",
        "description",
        "language",
        "organisation",
        "date",
        "used_by",
    ]
    readonly_fields = ["file_facts", "address", "used_by"]

    def choice(self, document):
        return {
            "id": document.pk,
            "label": f"{document.title} ({document.reader_note()})",
            "title": document.title,
            "href": document.get_absolute_url(),
        }

    @admin.display(description=_("size"), ordering="size")
    def file_size(self, obj):
        return filesizeformat(obj.size)

    @admin.display(description=_("the file"))
    def file_facts(self, obj):
        if not obj.pk:
            return _("Shown once the document is saved.")
        facts = obj.reader_note(page_language=obj.language)
        if obj.removed_metadata:
            removed = ", ".join(obj.removed_metadata)
            return _("%(facts)s. Removed from the file: %(removed)s.") % {
                "facts": facts,
                "removed": removed,
            }
        return facts

    @admin.display(description=_("address to link to"))
    def address(self, obj):
        if not obj.pk:
            return _("Shown once the document is saved.")
        url = obj.get_absolute_url()
        return format_html(
            '<a href="{}">{}</a><div class="help">{}</div>',
            url,
            url,
            _(
                "Link to this address in a text; readers see the format, size and language "
                "beside the link. The address stays when you replace the file."
            ),
        )

    @admin.display(description=_("used in"))
    def used_by(self, obj):
        if not obj.pk:
            return _("Not used yet.")
        found = usage.users(obj)
        if not found:
            return _("Not used yet.")
        items = format_html_join("", "<li>{}</li>", ((_admin_link(user),) for user in found))
        return format_html("<ul>{}</ul>", items)

    def get_deleted_objects(self, objs, request):
        """A document that a text links to is not deleted: the admin lists those texts."""
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        in_use = [_admin_link(user) for document in objs for user in usage.users(document)]
        return deleted, model_count, perms_needed, [*protected, *in_use]
