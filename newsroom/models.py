"""The news app: articles (news, blog posts, press releases, reports) and their topics.

Language rule for lists: an article is listed in a language when it has a title in that
language or in one of the languages the language falls back to (``newsroom.i18n``: nn → nb → sv,
nb → nn → sv, en → sv). Every article has a Swedish title, so every published article is listed
in every language; when it is shown in a fallback language its card carries a language label
and a ``lang`` attribute, and the article page says so. Titles are never empty. The sitemap and
hreflang alternates name only the languages the article is actually written in.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from newsroom.i18n import TranslatedContent, fallback_chain, language_codes
from newsroom.publishing import Publishable, PublishableQuerySet
from newsroom.richtext import RichTextField
from organisations.models import ContactPerson, Organisation


def validate_embed_url(value):
    """Videos may only be embedded from the hosts in ``settings.EMBED_HOSTS``."""
    parts = urlsplit(value)
    if parts.scheme != "https" or parts.hostname not in settings.EMBED_HOSTS:
        raise ValidationError(
            _("Videos can only be embedded over https from these hosts: %(hosts)s."),
            params={"hosts": ", ".join(settings.EMBED_HOSTS)},
            code="embed_host",
        )


def fill_translated_slugs(obj, source="title"):
    """Give every language that has a title but no slug one made from the title."""
    for code in language_codes():
        if getattr(obj, f"{source}_{code}", None) and not getattr(obj, f"slug_{code}", None):
            setattr(obj, f"slug_{code}", slugify(getattr(obj, f"{source}_{code}"))[:200])


def unique_slug_constraints(model_name):
    """One slug per language: a unique index on each non-empty ``slug_<lang>`` column."""
    return [
        models.UniqueConstraint(
            fields=[f"slug_{code}"],
            condition=~Q(**{f"slug_{code}": ""}),
            name=f"{model_name}_unique_slug_{code}",
            violation_error_message=_("Another page already uses this address (slug)."),
        )
        for code in language_codes()
    ]


class Topic(TranslatedContent, models.Model):
    translated_title_field = "name"

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]
        constraints = unique_slug_constraints("topic")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        fill_translated_slugs(self, source="name")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("news:topic", kwargs={"slug": self.slug})

    def clean(self):
        fill_translated_slugs(self, source="name")


class ArticleQuerySet(PublishableQuerySet):
    def in_language(self, language=None):
        """Articles with a title in ``language`` or one it falls back to (see module docstring)."""
        condition = Q()
        for code in fallback_chain(language):
            condition |= ~Q(**{f"title_{code}": ""}) & Q(**{f"title_{code}__isnull": False})
        return self.filter(condition)

    def for_list(self):
        return (
            self.in_language()
            .select_related("image", "organisation")
            .order_by("-publish_at", "-pk")
        )

    def for_feed(self):
        return self.in_language().select_related("organisation").order_by("-publish_at", "-pk")

    def for_detail(self):
        return self.select_related(
            "image",
            "organisation",
            "page_owner__organisation",
            "page_owner__photo",
        ).prefetch_related(
            "topics",
            Prefetch(
                "related_organisations",
                queryset=Organisation.objects.order_by("name"),
            ),
            Prefetch(
                "article_contacts",
                queryset=ArticleContact.objects.filter(contact__is_public=True).select_related(
                    "contact__organisation", "contact__photo"
                ),
                to_attr="public_article_contacts",
            ),
        )

    def related_to(self, article, limit=3):
        """Other articles sharing a topic with ``article``, newest first."""
        topic_ids = [topic.pk for topic in article.topics.all()]
        if not topic_ids:
            return self.none()
        return (
            self.filter(topics__in=topic_ids).exclude(pk=article.pk).distinct().for_list()[:limit]
        )


class Article(TranslatedContent, Publishable):
    class Kind(models.TextChoices):
        NEWS = "news", _("News")
        BLOG = "blog", _("Blog post")
        PRESS_RELEASE = "press_release", _("Press release")
        REPORT = "report", _("Report")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.NEWS)
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
    body = RichTextField(_("body"), blank=True)
    seo_description = models.CharField(
        _("description for search engines"),
        max_length=300,
        blank=True,
        help_text=_("Shown in search results and when shared. The lead is used when empty."),
    )
    image = models.ForeignKey(
        "images.Image",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("main image"),
    )
    video_url = models.URLField(
        _("video embed address"),
        blank=True,
        validators=[validate_embed_url],
        help_text=_("The player address (embed URL) from an allowed video host."),
    )
    video_title = models.CharField(_("video title"), max_length=200, blank=True)
    video_duration = models.DurationField(
        _("video length"),
        null=True,
        blank=True,
        help_text=_("As h:mm:ss, for example 5:30 for five and a half minutes."),
    )
    video_transcript = models.TextField(
        _("video transcript or description"),
        blank=True,
        help_text=_("What is said and shown in the video, for readers who cannot watch it."),
    )
    fact_box_heading = models.CharField(_("fact box heading"), max_length=200, blank=True)
    fact_box = RichTextField(_("fact box"), blank=True)
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="articles", verbose_name=_("topics")
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="articles",
        verbose_name=_("publishing organisation"),
    )
    related_organisations = models.ManyToManyField(
        "organisations.Organisation",
        blank=True,
        related_name="related_articles",
        verbose_name=_("related organisations"),
    )
    contacts = models.ManyToManyField(
        ContactPerson,
        through="ArticleContact",
        blank=True,
        related_name="articles",
        verbose_name=_("contacts"),
    )
    page_owner = models.ForeignKey(
        ContactPerson,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="owned_articles",
        verbose_name=_("page owner"),
        help_text=_("The person responsible for the page (“Informationsansvarig”)."),
    )
    guest_author_name = models.CharField(
        _("guest author"),
        max_length=200,
        blank=True,
        help_text=_("For guest posts: the name of the writer from outside the organisation."),
    )
    guest_author_role = models.CharField(
        _("guest author's role"), max_length=200, blank=True, help_text=_("Title and affiliation.")
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-publish_at", "-pk"]
        get_latest_by = "publish_at"
        constraints = unique_slug_constraints("article")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        fill_translated_slugs(self)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("news:detail", kwargs={"slug": self.slug})

    def clean(self):
        fill_translated_slugs(self)

    def get_preview_response(self, request):
        """The preview protocol of ``newsroom.preview``."""
        from .views import render_article

        return render_article(request, self, preview=True)

    @property
    def feedback_owner(self):
        return self.organisation

    @property
    def description(self):
        return self.seo_description or self.lead

    @property
    def last_updated(self):
        """The editor-set update date, when it is later than the published date."""
        if self.updated_at and (not self.publish_at or self.updated_at > self.publish_at):
            return self.updated_at
        return None

    @property
    def contact_people(self):
        """Public contacts in the editor's order (prefetched by ``for_detail()``)."""
        if hasattr(self, "public_article_contacts"):
            return [link.contact for link in self.public_article_contacts]
        return [
            link.contact
            for link in self.article_contacts.filter(contact__is_public=True).select_related(
                "contact__organisation", "contact__photo"
            )
        ]


class ArticleContact(models.Model):
    """A contact person of an article, in the order the editor chose."""

    article = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        related_name="article_contacts",
        verbose_name=_("article"),
    )
    contact = models.ForeignKey(
        ContactPerson,
        on_delete=models.PROTECT,
        related_name="article_links",
        verbose_name=_("contact person"),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["article", "contact"], name="article_contact_once")
        ]

    def __str__(self):
        return str(self.contact)
