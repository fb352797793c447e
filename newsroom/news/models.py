"""The news app: articles (news, blog posts, press releases, reports) and their topics.

Language rule for lists: an article is listed in a language when it has a title in that
language or in one of the languages the language falls back to (``newsroom.core.i18n``:
nn → nb → sv, nb → nn → sv, en → sv). Every article has a Swedish title, so every published
article is listed in every language; when it is shown in a fallback language its card carries a
language label and a ``lang`` attribute, and the article page says so. Titles are never empty.
The sitemap and hreflang alternates name only the languages the article is actually written in.
"""

from django.db import models
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from newsroom.core.embeds import validate_embed_url
from newsroom.core.i18n import TranslatedContent, fallback_chain, language_codes
from newsroom.core.original_language import OriginalLanguage
from newsroom.core.richtext import RichTextField
from newsroom.core.slugs import fill_translated_slugs, unique_slug_constraints
from organisations.content import ContactLink, OrganisationContent, OrganisationContentQuerySet
from organisations.models import ContactPerson, Organisation


class Topic(TranslatedContent, OriginalLanguage, models.Model):
    translated_title_field = "name"
    required_translations = ("name",)

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
        super().clean()


def card_deferred_fields():
    return [
        f"{name}_{code}"
        for name in ("body", "fact_box", "video_transcript", "seo_description")
        for code in language_codes()
    ] + ["body", "fact_box", "video_transcript", "seo_description"]


class ArticleQuerySet(OrganisationContentQuerySet):
    def in_language(self, language=None):
        """Articles with a title in ``language`` or one it falls back to (see module docstring)."""
        condition = Q()
        for code in fallback_chain(language):
            condition |= ~Q(**{f"title_{code}": ""}) & Q(**{f"title_{code}__isnull": False})
        return self.filter(condition)

    def for_list(self):
        """What a card shows: no body, fact box or transcript in any language."""
        return (
            self.in_language()
            .select_related("image", "organisation")
            .defer(*card_deferred_fields())
            .order_by("-publish_at", "-pk")
        )

    def for_feed(self):
        return self.in_language().select_related("organisation").order_by("-publish_at", "-pk")

    def for_detail(self):
        return (
            self.select_related(
                "image",
                "organisation",
                "page_owner__organisation",
                "page_owner__photo",
            )
            .prefetch_related(
                "topics",
                Prefetch(
                    "related_organisations",
                    queryset=Organisation.objects.order_by("name"),
                ),
            )
            .with_public_contacts()
        )

    def related_to(self, article, limit=3):
        """Other articles sharing a topic with ``article``, newest first."""
        topic_ids = [topic.pk for topic in article.topics.all()]
        if not topic_ids:
            return self.none()
        # An IN over the link table, not a join: no duplicates to remove, so the newest few
        # come straight off the publish_at index.
        sharing = Article.topics.through.objects.filter(topic_id__in=topic_ids)
        return (
            self.filter(pk__in=sharing.values("article_id"))
            .exclude(pk=article.pk)
            .for_list()[:limit]
        )


class Article(OrganisationContent):
    class Kind(models.TextChoices):
        NEWS = "news", _("News")
        BLOG = "blog", _("Blog post")
        PRESS_RELEASE = "press_release", _("Press release")
        REPORT = "report", _("Report")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.NEWS)
    seo_description = models.CharField(
        _("description for search engines"),
        max_length=300,
        blank=True,
        help_text=_("Shown in search results and when shared. The lead is used when empty."),
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
        constraints = [
            *unique_slug_constraints("article"),
            # Lists page by publish time (newsroom.core.pagination.keyset_page).
            models.CheckConstraint(
                condition=~Q(status="published") | Q(publish_at__isnull=False),
                name="published_article_has_publish_time",
            ),
        ]

    def get_absolute_url(self):
        return reverse("news:detail", kwargs={"slug": self.slug})

    @property
    def description(self):
        return self.seo_description or self.lead


class ArticleContact(ContactLink):
    article = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        related_name="article_contacts",
        verbose_name=_("article"),
    )

    class Meta(ContactLink.Meta):
        constraints = [
            models.UniqueConstraint(fields=["article", "contact"], name="article_contact_once")
        ]
