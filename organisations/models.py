from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from newsroom.i18n import TranslatedContent


class OrganisationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Organisation(TranslatedContent, models.Model):
    class Kind(models.TextChoices):
        AGENCY = "agency", _("Government agency")
        MUNICIPALITY = "municipality", _("Municipality")
        REGION = "region", _("Region or county")
        ASSOCIATION = "association", _("Association")
        COMPANY = "company", _("Company")
        OTHER = "other", _("Other")

    class Country(models.TextChoices):
        SWEDEN = "SE", _("Sweden")
        NORWAY = "NO", _("Norway")

    translated_title_field = "name"

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=40, blank=True)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.AGENCY)
    country = models.CharField(
        _("country"), max_length=2, choices=Country.choices, default=Country.SWEDEN
    )
    organisation_number = models.CharField(_("organisation number"), max_length=20, blank=True)
    seat = models.CharField(
        _("seat"),
        max_length=100,
        blank=True,
        help_text=_("The municipality where the organisation has its registered seat."),
    )
    visiting_address = models.TextField(_("visiting address"), blank=True)
    postal_address = models.TextField(_("postal address"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "images.Image",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("logo"),
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent organisation"),
    )
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Archived organisations are hidden from the directory."),
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="organisations",
        verbose_name=_("staff"),
        help_text=_("Users who edit this organisation's content."),
    )

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("organisations:detail", kwargs={"slug": self.slug})

    @property
    def feedback_owner(self):
        return self


class SocialLink(models.Model):
    class Service(models.TextChoices):
        LINKEDIN = "linkedin", "LinkedIn"
        INSTAGRAM = "instagram", "Instagram"
        X = "x", "X"
        FACEBOOK = "facebook", "Facebook"
        YOUTUBE = "youtube", "YouTube"
        MASTODON = "mastodon", "Mastodon"
        BLUESKY = "bluesky", "Bluesky"
        OTHER = "other", _("Other")

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="social_links",
        verbose_name=_("organisation"),
    )
    service = models.CharField(_("service"), max_length=20, choices=Service.choices)
    url = models.URLField(_("address"))

    class Meta:
        verbose_name = _("social link")
        verbose_name_plural = _("social links")
        ordering = ["service"]

    def __str__(self):
        return self.get_service_display()


class ContactPersonQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True)


class ContactPerson(models.Model):
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(
        _("title"),
        max_length=200,
        blank=True,
        help_text=_("Role or job title, for example “Press officer”."),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="contacts",
        verbose_name=_("organisation"),
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    photo = models.ForeignKey(
        "images.Image",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("photo"),
    )
    is_public = models.BooleanField(
        _("public"), default=True, help_text=_("Internal contacts never appear on public pages.")
    )
    is_press_contact = models.BooleanField(_("press contact"), default=False)

    objects = ContactPersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")
        ordering = ["name"]

    def __str__(self):
        return self.name
