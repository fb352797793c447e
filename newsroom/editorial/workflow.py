"""Workflow views of publishable content: the admin's filter and the dashboard's lists."""

from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from newsroom.core.publishing import Status


def due_for_review(queryset, today=None):
    """Published content whose review date has come."""
    today = today or timezone.localdate()
    return queryset.filter(status=Status.PUBLISHED, review_by__lte=today)


def expired(queryset, at=None):
    return queryset.filter(status=Status.PUBLISHED, unpublish_at__lte=at or timezone.now())


STATES = {
    "draft": (_("Draft"), lambda qs: qs.filter(status=Status.DRAFT)),
    "review": (_("Ready for review"), lambda qs: qs.filter(status=Status.REVIEW)),
    "scheduled": (_("Scheduled"), lambda qs: qs.scheduled()),
    "published": (_("Published"), lambda qs: qs.published()),
    "expired": (_("Expired"), expired),
    "unpublished": (_("Unpublished"), lambda qs: qs.filter(status=Status.UNPUBLISHED)),
    "due": (_("Due for review"), due_for_review),
}


class WorkflowFilter(admin.SimpleListFilter):
    """Status as editors think of it; "Ready for review" is the publishers' queue."""

    title = _("workflow")
    parameter_name = "workflow"

    def lookups(self, request, model_admin):
        return [(key, label) for key, (label, _query) in STATES.items()]

    def queryset(self, request, queryset):
        state = STATES.get(self.value())
        return state[1](queryset) if state else queryset
