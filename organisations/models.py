from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from newsroom.core.i18n import TranslatedContent
from newsroom.core.original_language import OriginalLanguage
from newsroom.core.richtext import RichTextField
from newsroom.core.slugs import unique_slug_constraints

from . import numbers
from .collation import collation_key


class OrganisationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def for_list(self):
        return self.active().select_related("logo")

    def for_detail(self):
        return self.select_related("logo", "parent").prefetch_related("social_links")


class Organisation(TranslatedContent, OriginalLanguage, models.Model):
    required_translations = ("name", "slug")

    class Kind(models.TextChoices):
        AGENCY = "agency", _("Government agency")
        MUNICIPALITY = "municipality", _("Municipality")
        REGION = "region", _("Region or county")
        ASSOCIATION = "association", _("Association")
        COMPANY = "company", _("Company")
        OTHER = "other", _("Other")

    class Country(models.TextChoices):
        SWEDEN = numbers.SWEDEN, _("Sweden")
        NORWAY = numbers.NORWAY, _("Norway")

    # Public bodies are described to search engines as schema.org GovernmentOrganization.
    GOVERNMENT_KINDS = {Kind.AGENCY, Kind.MUNICIPALITY, Kind.REGION}

    translated_title_field = "name"

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("slug"), max_length=200, help_text=_("The last part of the page address.")
    )
    short_name = models.CharField(
        _("short name"), max_length=40, blank=True, help_text=_("Abbreviation, for example “SKR”.")
    )
    description = RichTextField(_("description"), blank=True, blocks=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.AGENCY)
    country = models.CharField(
        _("country"), max_length=2, choices=Country.choices, default=Country.SWEDEN
    )
    organisation_number = models.CharField(
        _("organisation number"),
        max_length=20,
        blank=True,
        help_text=_(
            "Swedish: 10 digits (556677-8899). Norwegian: 9 digits (123 456 785). "
            "A department may share its parent's number."
        ),
    )
    seat = models.CharField(
        _("seat"),
        max_length=100,
        blank=True,
        help_text=_("The municipality where the organisation has its registered seat."),
    )
    visiting_address = models.TextField(_("visiting address"), blank=True)
    postal_address = models.TextField(_("postal address"), blank=True)
    phone = models.CharField(
        _("phone"),
        max_length=40,
        blank=True,
        help_text=_("Numbers without a country code are read as the organisation's country's."),
    )
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
        help_text=_("For a department or unit: the organisation it belongs to."),
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
        constraints = unique_slug_constraints("organisation")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("organisations:detail", kwargs={"slug": self.slug})

    @property
    def feedback_owner(self):
        return self

    @property
    def is_government(self):
        return self.kind in self.GOVERNMENT_KINDS

    @property
    def organisation_number_display(self):
        return numbers.format_organisation_number(self.organisation_number, self.country)

    @property
    def phone_display(self):
        return numbers.format_phone(self.phone)

    def clean(self):
        errors = {}
        try:
            super().clean()
        except ValidationError as error:  # reported together with the numbers' errors
            errors.update(error.message_dict)
        try:
            if self.organisation_number:
                self.organisation_number = numbers.normalise_organisation_number(
                    self.organisation_number, self.country
                )
        except ValidationError as error:
            errors["organisation_number"] = error
        try:
            self.phone = numbers.normalise_phone(self.phone, self.country)
        except ValidationError as error:
            errors["phone"] = error
        if self.parent_id and self.pk and self._is_ancestor_of(self.parent):
            errors["parent"] = _("An organisation cannot belong to itself or to its own unit.")
        if errors:
            raise ValidationError(errors)

    def _is_ancestor_of(self, other):
        seen = set()
        while other is not None and other.pk not in seen:
            if other.pk == self.pk:
                return True
            seen.add(other.pk)
            other = other.parent
        return False


def sorted_by_name(objects, language=None):
    """``objects`` sorted by their shown name as a reader of ``language`` expects."""
    language = language or get_language()
    return sorted(objects, key=lambda obj: collation_key(obj.name, language))


class SocialLink(models.Model):
    class Service(models.TextChoices):
        LINKEDIN = "linkedin", "LinkedIn"
        INSTAGRAM = "instagram", "Instagram"
        X = "x", "X"
        FACEBOOK = "facebook", "Facebook"
        YOUTUBE = "youtube", "YouTube"
        MASTODON = "mastodon", "Mastodon"
        BLUESKY = "bluesky", "Bluesky"
        THREADS = "threads", "Threads"
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
        ordering = ["service", "pk"]

    def __str__(self):
        return self.get_service_display()


class ContactPersonQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True)

    def for_cards(self):
        """Public persons with what a contact card shows, press contacts first."""
        return (
            self.public()
            .select_related("organisation", "photo")
            .order_by("-is_press_contact", "name")
        )


class ContactPerson(models.Model):
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(
        pgettext_lazy("a person's role", "title"),
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
    phone = models.CharField(
        _("phone"),
        max_length=40,
        blank=True,
        help_text=_("Numbers without a country code are read as the organisation's country's."),
    )
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
    is_press_contact = models.BooleanField(
        _("press contact"), default=False, help_text=_("Shown first, for journalists.")
    )

    objects = ContactPersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_vcard_url(self):
        return reverse("organisations:vcard", kwargs={"pk": self.pk})

    @property
    def phone_display(self):
        return numbers.format_phone(self.phone)

    def clean(self):
        try:
            country = self.organisation.country
        except Organisation.DoesNotExist:
            country = numbers.SWEDEN
        try:
            self.phone = numbers.normalise_phone(self.phone, country)
        except ValidationError as error:
            raise ValidationError({"phone": error}) from error
