"""The admin index's greeting: an editor's work in their organisations.

The models are those registered with the workflow (``registry``). A constant number of queries:
one per list.
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from newsroom.core.publishing import Status

from . import registry, workflow
from .models import WorkingCopy
from .scoping import organisation_ids, sees_all_organisations

LIMIT = 6

SECTIONS = [
    ("draft", _("Drafts"), lambda qs: qs.filter(status=Status.DRAFT).order_by("-modified")),
    (
        "review",
        _("Ready for review"),
        lambda qs: qs.filter(status=Status.REVIEW).order_by("-modified"),
    ),
    ("scheduled", _("Scheduled"), lambda qs: qs.scheduled().order_by("publish_at")),
    ("due", _("Due for review"), lambda qs: workflow.due_for_review(qs).order_by("review_by")),
]


def _admin_url(model, name, *args):
    opts = model._meta
    try:
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_{name}", args=args)
    except NoReverseMatch:
        return None


def content_sections(user):
    scoped = not sees_all_organisations(user)
    models = [
        model
        for model in registry.workflow_models()
        if user.has_perm(f"{model._meta.app_label}.view_{model._meta.model_name}")
    ]
    sections = []
    for key, title, query in SECTIONS:
        items, links = [], []
        for model in models:
            queryset = model._default_manager.all()
            if scoped:
                queryset = queryset.filter(organisation__in=organisation_ids(user))
            for obj in query(queryset)[:LIMIT]:
                items.append(
                    {
                        "object": obj,
                        "kind": model._meta.verbose_name,
                        "url": _admin_url(model, "change", obj.pk),
                    }
                )
            changelist = _admin_url(model, "changelist")
            if changelist:
                links.append((model._meta.verbose_name_plural, f"{changelist}?workflow={key}"))
        sections.append({"key": key, "title": title, "items": items[:LIMIT], "links": links})
    return sections


WORKING_COPY_SECTIONS = [
    ("changes", _("Changes to published items"), [WorkingCopy.Status.DRAFT]),
    (
        "changes-review",
        _("Changes ready for review"),
        [WorkingCopy.Status.REVIEW, WorkingCopy.Status.SCHEDULED],
    ),
]


def working_copy_sections(user):
    """Working copies of the items the user may see: one query per list."""
    models = [
        model
        for model in apps.get_models()
        if user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}")
    ]
    content_types = ContentType.objects.get_for_models(*models, for_concrete_models=False)
    copies = WorkingCopy.objects.filter(content_type__in=content_types.values())
    if not sees_all_organisations(user):
        copies = copies.filter(organisation_id__in=organisation_ids(user))
    sections = []
    for key, title, statuses in WORKING_COPY_SECTIONS:
        items = []
        for working_copy in copies.filter(status__in=statuses).order_by("-modified")[:LIMIT]:
            model = ContentType.objects.get_for_id(working_copy.content_type_id).model_class()
            items.append(
                {
                    "object": working_copy,
                    "kind": model._meta.verbose_name,
                    "url": _admin_url(model, "working_copy", working_copy.object_id),
                }
            )
        sections.append({"key": key, "title": title, "items": items, "links": []})
    return sections


def recent_feedback(user):
    try:
        Feedback = apps.get_model("feedback", "Feedback")
    except LookupError:
        return None
    if not user.has_perm("feedback.view_feedback"):
        return None
    answers = Feedback._default_manager.counted().order_by("-created", "-pk")
    if not sees_all_organisations(user):
        answers = answers.filter(
            owner_content_type=ContentType.objects.get_for_model(registry.organisation_model()),
            owner_object_id__in=organisation_ids(user),
        )
    return {
        "items": list(answers[:LIMIT]),
        "url": _admin_url(Feedback, "changelist"),
    }
