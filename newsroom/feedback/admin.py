"""The editors' side: the answers, their CSV export and the dashboard."""

import csv
from urllib.parse import urlencode

from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from newsroom.core.parsing import whole_number
from newsroom.editorial.admin.readonly import ReadOnlyAdminMixin
from newsroom.editorial.admin.scoping import GenericOwnerScopedAdmin

from . import dashboard, services
from .models import Feedback, FeedbackDashboard
from .page_types import page_type_name

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """A cell a spreadsheet shows as text, never evaluates as a formula."""
    value = "" if value is None else str(value)
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value


class OwnerListFilter(admin.SimpleListFilter):
    """The organisations that own answered pages, whatever their model."""

    title = _("organisation")
    parameter_name = "owner"

    def lookups(self, request, model_admin):
        pairs = (
            model_admin.get_queryset(request)
            .exclude(owner_object_id=None)
            .order_by()
            .values_list("owner_content_type_id", "owner_object_id")
            .distinct()
        )
        names = dashboard.owner_names(pairs)
        return sorted(
            ((f"{ct}-{pk}", name) for (ct, pk), name in names.items()), key=lambda c: c[1]
        )

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        content_type_id, object_id = map(whole_number, self.value().partition("-")[::2])
        if content_type_id is None or object_id is None:
            raise IncorrectLookupParameters(self.value())
        return queryset.filter(owner_content_type_id=content_type_id, owner_object_id=object_id)


class PageTypeListFilter(admin.SimpleListFilter):
    """The kinds of answered page, named as editors know them, not by their codes."""

    title = _("page type")
    parameter_name = "page_type"

    def lookups(self, request, model_admin):
        codes = (
            model_admin.get_queryset(request)
            .exclude(page_type="")
            .order_by()
            .values_list("page_type", flat=True)
            .distinct()
        )
        return sorted(((code, page_type_name(code)) for code in codes), key=lambda c: str(c[1]))

    def queryset(self, request, queryset):
        return queryset.filter(page_type=self.value()) if self.value() else queryset


class DuplicateListFilter(admin.SimpleListFilter):
    """Duplicates (one comment repeated on a page within minutes) are hidden unless asked for."""

    title = _("duplicates")
    parameter_name = "duplicates"
    CHOICES = {"show": _("Show duplicates"), "only": _("Only duplicates")}

    def lookups(self, request, model_admin):
        return list(self.CHOICES.items())

    def choices(self, changelist):
        yield {
            "selected": self.value() is None,
            "query_string": changelist.get_query_string(remove=[self.parameter_name]),
            "display": _("Hide duplicates"),
        }
        for value, title in self.lookup_choices:
            yield {
                "selected": self.value() == value,
                "query_string": changelist.get_query_string({self.parameter_name: value}),
                "display": title,
            }

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset.without_duplicates()
        if self.value() == "only":
            return queryset.duplicates()
        if self.value() == "show":
            return queryset
        raise IncorrectLookupParameters(self.value())


@admin.register(Feedback)
class FeedbackAdmin(GenericOwnerScopedAdmin, admin.ModelAdmin):
    change_list_template = "feedback/admin/change_list.html"
    list_display = [
        "created",
        "helpful",
        "page",
        "language",
        "owner_name",
        "comment_excerpt",
        "contained_personal_data",
        "handled",
        "spam",
        "is_duplicate",
    ]
    list_filter = [
        "helpful",
        "language",
        "handled",
        "spam",
        DuplicateListFilter,
        OwnerListFilter,
        PageTypeListFilter,
        "created",
        "contained_personal_data",
    ]
    search_fields = ["comment", "path"]
    ordering = ["-created", "-pk"]
    actions = ["mark_handled", "mark_spam", "mark_not_spam"]
    fields = [
        "created",
        "path",
        "language",
        "page_type_name",
        "content_object_name",
        "owner_name",
        "helpful",
        "comment",
        "contained_personal_data",
        "link_count",
        "duplicate_of",
        "handled",
        "spam",
        "note",
    ]
    readonly_fields = [field for field in fields if field not in {"handled", "spam", "note"}]

    def get_queryset(self, request):
        return super().get_queryset(request).for_list()

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("page"), ordering="path")
    def page(self, obj):
        return obj.path

    @admin.display(description=_("page type"))
    def page_type_name(self, obj):
        return page_type_name(obj.page_type)

    @admin.display(description=_("organisation"))
    def owner_name(self, obj):
        return str(obj.owner) if obj.owner is not None else "-"

    @admin.display(description=_("content"))
    def content_object_name(self, obj):
        return str(obj.content_object) if obj.content_object is not None else "-"

    @admin.display(description=_("duplicate"), boolean=True, ordering="duplicate_of")
    def is_duplicate(self, obj):
        return obj.duplicate_of_id is not None

    @admin.display(description=_("comment"))
    def comment_excerpt(self, obj):
        return Truncator(obj.comment).chars(80)

    @admin.action(description=_("Mark as handled"), permissions=["change"])
    def mark_handled(self, request, queryset):
        count = services.feedback_mark(queryset, handled=True)
        self.message_user(
            request,
            ngettext(
                "%(count)d answer marked as handled.", "%(count)d answers marked as handled.", count
            )
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Mark as spam"), permissions=["change"])
    def mark_spam(self, request, queryset):
        count = services.feedback_mark(queryset, spam=True)
        self.message_user(
            request,
            ngettext("%(count)d answer marked as spam.", "%(count)d answers marked as spam.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Mark as not spam"), permissions=["change"])
    def mark_not_spam(self, request, queryset):
        count = services.feedback_mark(queryset, spam=False)
        self.message_user(
            request,
            ngettext(
                "%(count)d answer marked as not spam.",
                "%(count)d answers marked as not spam.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    def get_urls(self):
        export = path(
            "export/",
            self.admin_site.admin_view(self.export_view),
            name="feedback_feedback_export",
        )
        return [export, *super().get_urls()]

    def export_view(self, request):
        """The answers the changelist shows with the same filters, as CSV; spam and duplicates
        are left out, whatever the filters."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        try:
            changelist = self.get_changelist_instance(request)
        except IncorrectLookupParameters:
            return HttpResponseRedirect(reverse("admin:feedback_feedback_changelist"))
        answers = changelist.get_queryset(request).for_export()
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="feedback-{stamp}.csv"'
        response.write("\ufeff")  # lets spreadsheet programs read the file as UTF-8
        writer = csv.writer(response)
        writer.writerow(
            [
                _("created"),
                _("page path"),
                _("page language"),
                _("page type"),
                _("organisation"),
                _("helpful"),
                _("comment"),
                _("contained personal data"),
                _("handled"),
                _("internal note"),
            ]
        )
        for answer in answers:
            row = [
                timezone.localtime(answer.created).isoformat(timespec="seconds"),
                answer.path,
                answer.language,
                page_type_name(answer.page_type),
                str(answer.owner) if answer.owner is not None else "",
                _("yes") if answer.helpful else _("no"),
                answer.comment,
                _("yes") if answer.contained_personal_data else _("no"),
                _("yes") if answer.handled else _("no"),
                answer.note,
            ]
            writer.writerow([spreadsheet_safe(cell) for cell in row])
        return response


@admin.register(FeedbackDashboard)
class FeedbackDashboardAdmin(ReadOnlyAdminMixin, GenericOwnerScopedAdmin, admin.ModelAdmin):
    """Answers per page and organisation over 7, 30 or 90 days, least helpful first."""

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("feedback.view_feedback")

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_permission(request):
            raise PermissionDenied
        try:
            days = int(request.GET.get("days", dashboard.DEFAULT_PERIOD))
        except ValueError:
            days = dashboard.DEFAULT_PERIOD
        if days not in dashboard.PERIODS:
            days = dashboard.DEFAULT_PERIOD
        changelist_url = reverse("admin:feedback_feedback_changelist")
        summary = dashboard.summarise(self.get_queryset(request), days)
        for row in summary["pages"]:
            row.link = f"{changelist_url}?{urlencode({'path__exact': row.key})}"
        for row in summary["owners"]:
            row.link = f"{changelist_url}?{urlencode({'owner': row.key})}"
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Feedback dashboard"),
            "periods": dashboard.PERIODS,
            "changelist_url": changelist_url,
            **summary,
            **(extra_context or {}),
        }
        return TemplateResponse(request, "feedback/admin/dashboard.html", context)
