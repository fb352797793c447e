from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Subscription(models.Model):
    """A reader's confirmed subscription to news by e-mail: the address, the choices and when
    it was confirmed, nothing else. Nothing is stored before the reader confirms: the choices
    travel in the signed confirmation link."""

    class Frequency(models.TextChoices):
        IMMEDIATE = "immediate", _("At once")
        DAILY = "daily", _("Once a day")

    email = models.EmailField(_("e-mail address"), max_length=254, unique=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    frequency = models.CharField(
        _("how often"), max_length=20, choices=Frequency.choices, default=Frequency.DAILY
    )
    all_news = models.BooleanField(_("all news"), default=False)
    topics = models.ManyToManyField(
        "newsroom.Topic", blank=True, related_name="subscriptions", verbose_name=_("topics")
    )
    organisations = models.ManyToManyField(
        "organisations.Organisation",
        blank=True,
        related_name="subscriptions",
        verbose_name=_("organisations"),
    )
    confirmed_at = models.DateTimeField(_("confirmed"))

    class Meta:
        verbose_name = _("news subscription")
        verbose_name_plural = _("news subscriptions")
        ordering = ["email"]

    def __str__(self):
        return self.email
