"""Scheduled working copies are published by the first request after their time: no cron.

The next due time is kept in the page cache's store (shared by every worker), so a request
costs one cache read and no query until something is due. The page cache counts scheduled
working copies among its scheduled changes (``pagecache.schedule_moments``), so no cached page
outlives the moment and the first reader after it reaches this middleware.
"""

import logging

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError
from django.utils import timezone

from . import services
from .models import WorkingCopy

logger = logging.getLogger(__name__)
HEALTH_CHECKS = {"/healthz", "/readyz"}


def publish_due(request, at=None):
    """Publish every working copy whose time has come, as the publisher who scheduled it."""
    at = at or timezone.now()
    for working_copy in services.due_working_copies(at).select_related("scheduled_by"):
        # Claim it: of two workers at the same moment, one publishes.
        claimed = WorkingCopy.objects.filter(
            pk=working_copy.pk, status=WorkingCopy.Status.SCHEDULED
        ).update(status=WorkingCopy.Status.REVIEW)
        if not claimed:
            continue
        errors = _publish(request, working_copy)
        if errors:
            logger.warning("scheduled changes to %s not published: %s", working_copy, errors)
            WorkingCopy.objects.filter(pk=working_copy.pk).update(
                comment="\n".join(errors)[:2000], publish_at=None
            )
    services.remember_next_due()


def _publish(request, working_copy):
    model = working_copy.content_type.model_class()
    obj = model._default_manager.filter(pk=working_copy.object_id).first() if model else None
    user = working_copy.scheduled_by
    if obj is None or user is None or not admin.site.is_registered(model):
        return ["the item or the publisher who scheduled it no longer exists"]
    model_admin = admin.site.get_model_admin(model)
    try:
        return services.publish_working_copy(
            working_copy,
            obj,
            user=user,
            apply=lambda substantive: model_admin.apply_working_copy(
                request, obj, working_copy, user=user, substantive=substantive
            ),
            substantive=working_copy.substantive,
        )
    except PermissionDenied:
        return ["the publisher who scheduled it may no longer publish"]


class PublishDueChangesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/admin/") or request.path in HEALTH_CHECKS:
            # Editors see working copies as such; readers' pages are where changes must appear.
            # Health checks answer for the process, and touch nothing else.
            return self.get_response(request)
        moment = services.next_due(look_up=False)
        if moment and moment <= timezone.now().timestamp():
            publish_due(request)
        response = self.get_response(request)
        if moment is None and response.status_code == 200:
            # Not known (the shared cache was emptied): looked up once, after a page that
            # worked, so an error page never waits for the database. Something that fell due
            # meanwhile is published now; saving it invalidates any page cached with the old.
            try:
                moment = services.next_due()
            except DatabaseError:
                return response  # the database is down: this page did not need it
            if moment and moment <= timezone.now().timestamp():
                publish_due(request)
        return response
