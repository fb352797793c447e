from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    """Who published, unpublished, restored, recovered, submitted or reviewed what, and when.

    Kept apart from revisions: revisions record every save, the audit log only the deliberate
    acts a site administrator needs to account for.
    """

    class Action(models.TextChoices):
        PUBLISHED = "published", _("Published")
        UNPUBLISHED = "unpublished", _("Unpublished")
        RESTORED = "restored", _("Restored an earlier version")
        RECOVERED = "recovered", _("Recovered after deletion")
        SUBMITTED = "submitted", _("Submitted for review")
        SENT_BACK = "sent_back", _("Sent back to the editor")
        REVIEWED = "reviewed", _("Reviewed: still correct")
        CORRECTED = "corrected", _("Corrected the published version")
        SCHEDULED = "scheduled", _("Scheduled changes")
        DISCARDED = "discarded", _("Discarded changes")

    created = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("user"),
    )
    username = models.CharField(
        _("user name"),
        max_length=150,
        help_text=_("Kept when the user account is deleted."),
    )
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    content_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, related_name="+", verbose_name=_("content type")
    )
    object_id = models.CharField(_("object id"), max_length=64)
    object_repr = models.CharField(_("object"), max_length=200)

    class Meta:
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")
        ordering = ["-created", "-pk"]
        # The roles' special rights live here, on the editorial app's one model, because the
        # content models belong to other apps.
        permissions = [
            ("publish", _("Can publish, schedule and unpublish content")),
            ("all_organisations", _("Can manage the content of every organisation")),
        ]

    def __str__(self):
        return f"{self.get_action_display()}: {self.object_repr}"


class WorkingCopy(models.Model):
    """Changes to a published item that readers do not see yet: the change form's data as
    posted (the object's fields and its inline rows), applied through the same form on publish.

    One per item, shared by everybody who edits it; ``modified`` is its version for concurrent
    edits.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("Ready for review")
        SCHEDULED = "scheduled", _("Scheduled")

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+", verbose_name=_("content type")
    )
    object_id = models.CharField(_("object id"), max_length=64)
    object_repr = models.CharField(_("object"), max_length=200)
    # The owning organisation, copied from the item: lists are scoped without a join.
    organisation_id = models.BigIntegerField(_("organisation"), null=True, blank=True)
    data = models.JSONField(_("form data"), default=dict)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("last changed by"),
    )
    comment = models.TextField(_("comment"), blank=True)
    substantive = models.BooleanField(_("substantive change"), default=True)
    publish_at = models.DateTimeField(_("publish changes at"), null=True, blank=True)
    scheduled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("scheduled by"),
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    modified = models.DateTimeField(_("modified"), auto_now=True)

    class Meta:
        verbose_name = _("working copy")
        verbose_name_plural = _("working copies")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="editorial_one_working_copy"
            )
        ]
        indexes = [models.Index(fields=["status", "publish_at"])]

    def __str__(self):
        return self.object_repr

    @property
    def author_name(self):
        return self.author.get_username() if self.author else _("somebody")
