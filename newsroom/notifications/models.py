from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(sent_at=None, attempts__lt=settings.NOTIFICATION_MAX_ATTEMPTS)


class Notification(models.Model):
    """One mail, recorded (rendered, in its recipient's language) before it is sent.

    ``key`` names what the mail is about, so the same notice is recorded once however often the
    job that makes it runs; ``sent_at`` is set only after the SMTP server has accepted it.
    """

    key = models.CharField(_("key"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=40, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
        verbose_name=_("user"),
    )
    recipient = models.EmailField(_("recipient"), max_length=254)
    language = models.CharField(_("language"), max_length=8)
    subject = models.CharField(_("subject"), max_length=255)
    text = models.TextField(_("plain text"))
    html = models.TextField(_("HTML"))
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    created = models.DateTimeField(_("recorded"), auto_now_add=True, db_index=True)
    claimed_at = models.DateTimeField(_("being sent since"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True, db_index=True)
    attempts = models.PositiveSmallIntegerField(_("failed attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["pk"]

    def __str__(self):
        return self.subject


class Preference(models.Model):
    """Which mails a member of staff receives, and in which language."""

    class Digest(models.TextChoices):
        OFF = "off", _("None")
        DAILY = "daily", _("Daily")
        WEEKLY = "weekly", _("Weekly, on Mondays")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preference",
        verbose_name=_("user"),
    )
    language = models.CharField(
        _("language of e-mails"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    review_reminders = models.BooleanField(
        _("review reminders"),
        default=True,
        help_text=_("A weekly list of the pages you own whose review date has come."),
    )
    workflow = models.BooleanField(
        _("workflow"),
        default=True,
        help_text=_(
            "When an editor submits a page for review (publishers), or when a publisher "
            "publishes or sends back your page (editors)."
        ),
    )

    feedback_digest = models.CharField(
        _("feedback digest"),
        max_length=10,
        choices=Digest.choices,
        default=Digest.OFF,
        help_text=_("New answers to “Was this page helpful?” on the pages of your organisations."),
    )

    class Meta:
        verbose_name = _("my e-mail notifications")
        verbose_name_plural = _("my e-mail notifications")

    def __str__(self):
        return str(_("E-mail notifications"))
