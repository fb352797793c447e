import hashlib

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator, URLValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from newsroom.core import memo
from newsroom.core.i18n import TranslatedContent
from newsroom.core.original_language import OriginalLanguage
from newsroom.core.publishing import Publishable, PublishableQuerySet
from newsroom.core.richtext import RichTextField

from . import identity

colour_validator = RegexValidator(
    identity.HEX_COLOUR, _("Write the colour as #rrggbb, e.g. #0a3d62.")
)


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
    logo = models.FileField(
        _("logo"),
        upload_to="site/",
        blank=True,
        help_text=_(
            "SVG or PNG, shown in the header at 40 pixels high. SVG files with scripts or "
            "references to other files are refused."
        ),
    )
    logo_includes_name = models.BooleanField(
        _("the logo shows the site name"),
        default=False,
        help_text=_("Then the name is not written beside the logo (screen readers still read it)."),
    )
    primary_colour = models.CharField(
        _("primary colour"),
        max_length=7,
        default="#0a3d62",
        validators=[colour_validator],
        help_text=_("Header, buttons and links. Must be dark enough for white text on it."),
    )
    accent_colour = models.CharField(
        _("accent colour"),
        max_length=7,
        default="#ffd166",
        validators=[colour_validator],
        help_text=_(
            "Highlights, and links in dark mode. Must be light enough for black text on it."
        ),
    )
    icon = models.FileField(
        _("app icon"),
        upload_to="site/",
        blank=True,
        help_text=_(
            "A square PNG of at least 512 by 512 pixels: the browser tab, bookmarks and phones' "
            "home screens use it."
        ),
    )

    class Meta:
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")

    def __str__(self):
        return self.site_name

    def clean(self):
        super().clean()
        errors = identity.contrast_errors(
            {"primary_colour": self.primary_colour, "accent_colour": self.accent_colour}
        )
        if errors:
            raise ValidationError(errors)

    @property
    def identity_version(self):
        """Changes with every change of the identity: the URLs of its files carry it."""
        parts = [self.primary_colour, self.accent_colour, self.logo.name, self.icon.name]
        return hashlib.sha256("|".join(parts).encode()).hexdigest()[:12]

    @classmethod
    def current(cls):
        """The site's settings, read from the database once per content generation."""
        return memo.remember("site-settings", lambda: cls.objects.order_by("pk").first() or cls())


class SiteLink(models.Model):
    """A link in the footer: to another website of the publisher, or to a social channel."""

    class Group(models.TextChoices):
        FOOTER = "footer", _("Footer link")
        SOCIAL = "social", _("Social channel")

    settings = models.ForeignKey(
        SiteSettings, on_delete=models.CASCADE, related_name="links", verbose_name=_("site")
    )
    group = models.CharField(_("group"), max_length=10, choices=Group.choices)
    label = models.CharField(_("label"), max_length=100, help_text=_("E.g. “Facebook”."))
    url = models.URLField(
        _("address"), max_length=500, validators=[URLValidator(schemes=["http", "https"])]
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("link")
        verbose_name_plural = _("links")
        ordering = ["group", "position", "pk"]

    def __str__(self):
        return self.label


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
    body = RichTextField(_("body"), blank=True, blocks=True)
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
