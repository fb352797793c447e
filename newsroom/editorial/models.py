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
        SENT_BACK = "sent back", _("Sent back to the editor")
        REVIEWED = "reviewed", _("Reviewed: still correct")

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
