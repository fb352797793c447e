"""What articles and events have in common: a page an organisation publishes, with its people.

``OrganisationContent`` holds the shared fields and rules; each concrete model adds its own
``contacts`` through a ``ContactLink`` subclass whose foreign key to the page has the related
name ``<model name>_contacts`` (``article_contacts``, ``event_contacts``), so that contacts keep
the order the editor chose. Relation names follow the model: ``organisation.articles``,
``organisation.events``, ``person.owned_articles``, ``person.owned_events``.
"""

from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from newsroom.core.i18n import TranslatedContent
from newsroom.core.original_language import OriginalLanguage
from newsroom.core.publishing import Publishable, PublishableQuerySet
from newsroom.core.richtext import RichTextField
from newsroom.core.slugs import fill_translated_slugs


class OrganisationContentQuerySet(PublishableQuerySet):
    def with_public_contacts(self):
        """Prefetch the public contacts in the editor's order, for ``contact_people``."""
        links = self.model.contacts.through.objects.filter(contact__is_public=True)
        return self.prefetch_related(
            Prefetch(
                f"{self.model._meta.model_name}_contacts",
                queryset=links.select_related("contact__organisation", "contact__photo"),
                to_attr="public_contact_links",
            )
        )


class OrganisationContent(TranslatedContent, OriginalLanguage, Publishable):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        blank=True,
        help_text=_("The last part of the address. Made from the title when left empty."),
    )
    lead = models.TextField(
        _("lead"), blank=True, help_text=_("The introduction shown in lists and under the title.")
    )
    body = RichTextField(_("body"), blank=True, blocks=True)
    image = models.ForeignKey(
        "images.Image",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("main image"),
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="%(class)ss",
        verbose_name=_("publishing organisation"),
    )
    page_owner = models.ForeignKey(
        "organisations.ContactPerson",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="owned_%(class)ss",
        verbose_name=_("page owner"),
        help_text=_("The person responsible for the page (“Informationsansvarig”)."),
    )

    objects = OrganisationContentQuerySet.as_manager()

    class Meta:
        abstract = True

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        fill_translated_slugs(self)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        fill_translated_slugs(self)
        super().clean()

    @property
    def feedback_owner(self):
        return self.organisation

    @property
    def last_updated(self):
        """The editor-set update date, when it is later than the published date."""
        if self.updated_at and (not self.publish_at or self.updated_at > self.publish_at):
            return self.updated_at
        return None

    @property
    def contact_people(self):
        """Public contacts in the editor's order (prefetched by ``with_public_contacts()``)."""
        if not hasattr(self, "public_contact_links"):
            self.public_contact_links = list(
                getattr(self, f"{self._meta.model_name}_contacts")
                .filter(contact__is_public=True)
                .select_related("contact__organisation", "contact__photo")
            )
        return [link.contact for link in self.public_contact_links]


class ContactLink(models.Model):
    """A contact person of a page, in the order the editor chose."""

    contact = models.ForeignKey(
        "organisations.ContactPerson",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("contact person"),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        abstract = True
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["position", "pk"]

    def __str__(self):
        return str(self.contact)
