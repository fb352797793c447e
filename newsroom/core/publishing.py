"""The one visibility rule shared by articles and events.

Every public surface starts from ``published()``; ``is_published()`` mirrors it for one object.
Scheduled publishing is a query-time filter, so no task runner is needed.
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("Ready for review")
    PUBLISHED = "published", _("Published")
    UNPUBLISHED = "unpublished", _("Unpublished")


class PublishableQuerySet(models.QuerySet):
    def published(self, at=None):
        at = at or timezone.now()
        return self.filter(
            Q(status=Status.PUBLISHED),
            Q(publish_at__isnull=True) | Q(publish_at__lte=at),
            Q(unpublish_at__isnull=True) | Q(unpublish_at__gt=at),
        )

    def scheduled(self, at=None):
        return self.filter(status=Status.PUBLISHED, publish_at__gt=at or timezone.now())


class Publishable(models.Model):
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    publish_at = models.DateTimeField(
        _("publish at"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Shown as the published date. Leave empty to publish at once when saved."),
    )
    unpublish_at = models.DateTimeField(
        _("unpublish at"),
        null=True,
        blank=True,
        help_text=_("Optional: the page disappears from the site at this time."),
    )
    updated_at = models.DateTimeField(
        _("last updated"),
        null=True,
        blank=True,
        help_text=_("Set when a change matters to readers; shown as “Last updated”."),
    )
    review_by = models.DateField(
        _("review by"),
        null=True,
        blank=True,
        help_text=_("When the content should be checked again."),
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    modified = models.DateTimeField(_("modified"), auto_now=True)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.fill_publish_time()
        super().save(*args, **kwargs)

    def clean(self):
        self.fill_publish_time()

    def fill_publish_time(self):
        """Published with no time given: published now (lists page by this time)."""
        if self.status == Status.PUBLISHED and self.publish_at is None:
            self.publish_at = timezone.now()

    def is_published(self, at=None):
        at = at or timezone.now()
        return (
            self.status == Status.PUBLISHED
            and (self.publish_at is None or self.publish_at <= at)
            and (self.unpublish_at is None or self.unpublish_at > at)
        )

    def is_scheduled(self, at=None):
        return self.status == Status.PUBLISHED and bool(
            self.publish_at and self.publish_at > (at or timezone.now())
        )

    @property
    def publication_state(self):
        """What an editor needs to see in a list: draft, scheduled, published, expired…"""
        if self.is_scheduled():
            return _("Scheduled")
        if self.status == Status.PUBLISHED and not self.is_published():
            return _("Expired")
        return self.get_status_display()
