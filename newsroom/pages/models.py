from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from newsroom.core import memo
from newsroom.core.i18n import TranslatedContent
from newsroom.core.original_language import OriginalLanguage
from newsroom.core.publishing import Publishable, PublishableQuerySet
from newsroom.core.richtext import RichTextField


class SiteSettings(models.Model):
    """The one record that names the site and its publisher in the page shell."""

    site_name = models.CharField(_("site name"), max_length=100, default="Newsroom")
    tagline = models.CharField(_("tagline"), max_length=200, blank=True)
    publisher_name = models.CharField(_("publisher"), max_length=200, blank=True)
    postal_address = models.TextField(_("postal address"), blank=True)
    visiting_address = models.TextField(_("visiting address"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    organisation_number = models.CharField(_("organisation number"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")

    def __str__(self):
        return self.site_name

    @classmethod
    def current(cls):
        """The site's settings, read from the database once per content generation."""
        return memo.remember("site-settings", lambda: cls.objects.order_by("pk").first() or cls())


class PageQuerySet(PublishableQuerySet):
    def for_footer(self):
        return self.published().filter(show_in_footer=True)


class Page(TranslatedContent, OriginalLanguage, Publishable):
    """One of the site's own pages: accessibility statement, privacy notice, about, contact."""

    required_translations = ("title", "slug")

    class Kind(models.TextChoices):
        ACCESSIBILITY = "accessibility", _("Accessibility statement")
        PRIVACY = "privacy", _("Privacy notice")
        ABOUT = "about", _("About the site")
        CONTACT = "contact", _("Contact")
        OTHER = "other", _("Other")

    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=Kind.choices,
        default=Kind.OTHER,
        help_text=_("Each kind except “Other” exists once, so the footer can always link to it."),
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200)
    lead = models.TextField(_("lead"), blank=True)
    body = RichTextField(_("body"), blank=True)
    show_in_footer = models.BooleanField(_("show in footer"), default=True)
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Lower numbers come first in the footer.")
    )

    objects = PageQuerySet.as_manager()

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ["position", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind"], condition=~Q(kind="other"), name="pages_page_one_per_kind"
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("pages:detail", kwargs={"slug": self.slug})

    @property
    def last_updated(self):
        """The editor-set “last updated” date, else the publishing date."""
        return self.updated_at or self.publish_at

    @property
    def feedback_owner(self):
        return None  # the site's own pages belong to no organisation
