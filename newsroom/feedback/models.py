"""Answers to "Was this page helpful?". Knows no content model: objects are generic relations.

Never stored: the reader's IP address, user agent or referrer.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class FeedbackQuerySet(models.QuerySet):
    def counted(self):
        """Answers that count: spam and duplicates are left out of counts, dashboards, exports."""
        return self.filter(spam=False, duplicate_of=None)

    def without_duplicates(self):
        return self.filter(duplicate_of=None)

    def duplicates(self):
        return self.exclude(duplicate_of=None)

    def original_of(self, *, path, comment_digest, commented_at, seconds):
        """The kept answer with the same comment on ``path`` at most ``seconds`` before."""
        if not comment_digest:
            return None
        return (
            self.filter(
                path=path,
                comment_digest=comment_digest,
                duplicate_of=None,
                commented_at__gte=commented_at - timedelta(seconds=seconds),
                commented_at__lte=commented_at,
            )
            .order_by("commented_at", "pk")
            .first()
        )

    def since(self, days):
        return self.filter(created__gte=timezone.now() - timedelta(days=days))

    def for_list(self):
        return self.select_related("content_type", "owner_content_type").prefetch_related(
            "content_object", "owner"
        )

    def for_export(self):
        return self.counted().for_list().order_by("-created", "-pk")

    def with_expired_comments(self, days):
        """Answers whose comment text is past its retention period."""
        cutoff = timezone.now() - timedelta(days=days)
        return self.filter(created__lt=cutoff).exclude(comment="")


class RateCount(models.Model):
    """Accepted posts per client and window, for the rate limit when no shared cache counts them.

    ``key`` is a keyed hash of the client's address and the window (``ratelimit.py``), never the
    address; a row lives for one window and is then deleted.
    """

    window_start = models.DateTimeField(_("window start"))
    key = models.CharField(_("client key"), max_length=64)
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("rate count")
        verbose_name_plural = _("rate counts")
        constraints = [
            # One row per client and window; its first column serves the purge of ended windows.
            models.UniqueConstraint(
                fields=["window_start", "key"], name="feedback_ratecount_window_key"
            ),
        ]

    def __str__(self):
        return f"{self.window_start:%Y-%m-%d %H:%M}: {self.count}"


class Feedback(models.Model):
    submission_id = models.UUIDField(
        _("submission id"),
        unique=True,
        editable=False,
        help_text=_("Identifies one reader's answer, so a retried answer is stored once."),
    )
    path = models.CharField(_("page path"), max_length=500, db_index=True)
    language = models.CharField(_("page language"), max_length=10, choices=settings.LANGUAGES)
    page_type = models.CharField(
        _("page type"),
        max_length=100,
        blank=True,
        help_text=_("The kind of content the page shows, or the name of the page."),
    )
    helpful = models.BooleanField(_("helpful"))
    comment = models.TextField(
        _("comment"),
        blank=True,
        help_text=_("Personal data is removed before saving; the text is deleted after a while."),
    )
    commented_at = models.DateTimeField(_("commented at"), null=True, blank=True)
    contained_personal_data = models.BooleanField(
        _("contained personal data"),
        default=False,
        help_text=_("The comment held personal data, which was removed before saving."),
    )
    link_count = models.PositiveSmallIntegerField(_("number of links"), default=0)
    comment_digest = models.CharField(
        _("comment fingerprint"),
        max_length=64,
        blank=True,
        editable=False,
        help_text=_("A keyed hash of the comment as compared for repeats; deleted with the text."),
    )
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("duplicate of"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="duplicates",
        help_text=_(
            "The same comment was sent on the same page a few minutes earlier. Duplicates are "
            "left out of counts and exports."
        ),
    )
    content_type = models.ForeignKey(
        ContentType,
        verbose_name=_("content type"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    object_id = models.PositiveBigIntegerField(_("object id"), null=True, blank=True)
    content_object = GenericForeignKey("content_type", "object_id")
    owner_content_type = models.ForeignKey(
        ContentType,
        verbose_name=_("organisation type"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    owner_object_id = models.PositiveBigIntegerField(_("organisation id"), null=True, blank=True)
    owner = GenericForeignKey("owner_content_type", "owner_object_id")
    handled = models.BooleanField(_("handled"), default=False)
    note = models.TextField(_("internal note"), blank=True)
    spam = models.BooleanField(_("spam"), default=False)
    created = models.DateTimeField(_("created"), default=timezone.now, db_index=True)

    objects = FeedbackQuerySet.as_manager()

    class Meta:
        verbose_name = _("feedback answer")
        verbose_name_plural = _("feedback answers")
        ordering = ["-created", "-pk"]
        indexes = [
            models.Index(
                fields=["owner_content_type", "owner_object_id"], name="feedback_owner_idx"
            ),
            models.Index(fields=["content_type", "object_id"], name="feedback_object_idx"),
            models.Index(
                fields=["comment_digest", "path", "commented_at"],
                name="feedback_comment_digest_idx",
                condition=~models.Q(comment_digest=""),
            ),
        ]

    def __str__(self):
        return f"{self.path} ({self.language}): {_('yes') if self.helpful else _('no')}"


class FeedbackDashboard(Feedback):
    """The dashboard's place in the admin index; it has no rows of its own."""

    class Meta:
        proxy = True
        verbose_name = _("dashboard")
        verbose_name_plural = _("dashboard")
