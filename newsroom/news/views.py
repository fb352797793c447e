"""Public news pages: the list (with filters), the article page and topic pages.

Every queryset starts from ``Article.objects.published()``; previews reuse ``render_article``.
"""

from functools import partial
from urllib.parse import urlsplit

from django import forms
from django.db.models import Exists, OuterRef
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from newsroom.core import memo
from newsroom.core.i18n import get_by_translated_slug
from newsroom.core.pagination import keyset_page
from newsroom.core.preview import reloaded
from newsroom.core.structured_data import json_ld_script
from organisations.models import Organisation

from .models import Article, Topic

PAGE_SIZE = 12
# Open Graph wants language_TERRITORY.
OG_LOCALES = {"sv": "sv_SE", "nb": "nb_NO", "nn": "nn_NO", "en": "en_GB"}


class ArticleFilterForm(forms.Form):
    """The list's GET filters. Invalid values are ignored, never an error page."""

    kind = forms.ChoiceField(
        label=gettext_lazy("Kind"), required=False, choices=[("", gettext_lazy("All kinds"))]
    )
    topic = forms.ChoiceField(
        label=gettext_lazy("Topic"), required=False, choices=[("", gettext_lazy("All topics"))]
    )
    organisation = forms.ChoiceField(
        label=gettext_lazy("Organisation"),
        required=False,
        choices=[("", gettext_lazy("All organisations"))],
    )

    def __init__(self, data, *, options):
        super().__init__(data)
        self.topics, topic_choices = options["topic"]
        self.organisations, organisation_choices = options["organisation"]
        self.fields["kind"].choices = [("", _("All kinds")), *Article.Kind.choices]
        # As callables, read only when the form is drawn or a value is checked: the lists grow
        # with the content, and a page drawn before is remembered (``{% remembered %}``).
        self.fields["topic"].choices = lambda: [("", _("All topics")), *topic_choices]
        self.fields["organisation"].choices = lambda: [
            ("", _("All organisations")),
            *organisation_choices,
        ]

    def filters(self):
        """The valid filter values as ``{"kind": …, "topic": Topic, "organisation": …}``."""
        self.is_valid()
        data = self.cleaned_data
        return {
            "kind": data.get("kind") or None,
            "topic": self.topics.get(data.get("topic") or ""),
            "organisation": self.organisations.get(data.get("organisation") or ""),
        }


def filter_options():
    """Topics and organisations that have published articles, for the list's filters: per
    field, ``({slug: object}, [(slug, name)])`` in the active language. Worked out once per
    content generation and language: the choices grow with the content."""
    articles = Article.objects.published()
    # EXISTS per topic and organisation: each stops at its first published article.
    published_with = Article.topics.through.objects.filter(
        topic=OuterRef("pk"), article__in=articles
    )
    topics = Topic.objects.filter(Exists(published_with))
    organisations = Organisation.objects.filter(
        Exists(articles.filter(organisation=OuterRef("pk")))
    )
    options = {}
    for name, queryset in (("topic", topics), ("organisation", organisations)):
        by_slug = {item.slug: item for item in queryset}
        options[name] = by_slug, [(slug, item.name) for slug, item in by_slug.items()]
    return options


def article_page(request, articles, count_key):
    """One page of article cards, newest first."""
    return keyset_page(
        articles.for_list(),
        PAGE_SIZE,
        request.GET,
        order_field="publish_at",
        descending=True,
        count_key=(get_language(), *count_key),
    )


def article_list(request):
    options = memo.remember(("news-filter-options", get_language()), filter_options)
    form = ArticleFilterForm(request.GET, options=options)
    filters = form.filters()
    articles = Article.objects.published()
    if filters["kind"]:
        articles = articles.filter(kind=filters["kind"])
    if filters["topic"]:
        articles = articles.filter(topics=filters["topic"])
    if filters["organisation"]:
        articles = articles.filter(organisation=filters["organisation"])
    count_key = (
        "news",
        filters["kind"],
        *(getattr(filters[name], "pk", None) for name in ("topic", "organisation")),
    )
    return render(
        request,
        "newsroom/article_list.html",
        {
            "page_title": _("News"),
            "breadcrumbs": [],
            "form": form,
            "filtered": any(filters.values()),
            "page_obj": article_page(request, articles, count_key),
            "feeds": feed_links(),
        },
    )


def article_detail(request, slug):
    # The article and its related ones are the same for every reader until content changes:
    # loaded once per content generation, not on every request (see ``newsroom.core.memo``).
    article, related = memo.remember(
        ("article-page", get_language(), slug), lambda: article_and_related(slug)
    )
    if article.slug != slug:
        # The reader followed another language's address: send them to this language's one.
        return redirect(article.get_absolute_url(), permanent=True)
    return render_article(request, article, related=related)


def article_and_related(slug):
    article = get_by_translated_slug(Article.objects.published().for_detail(), slug)
    return article, list(Article.objects.published().related_to(article))


def render_article(request, article, *, preview=False, related=None):
    """The article page, for the public view and for ``newsroom.core.preview``."""
    if preview:
        # Previews fetch the object plainly; load the relations the page shows.
        article = reloaded(Article.objects.for_detail().get(pk=article.pk), article)
    if related is None:
        related = Article.objects.published().related_to(article)
    return render(
        request,
        "newsroom/article_detail.html",
        {
            "object": article,
            "preview": preview,
            "page_title": article.title,
            "breadcrumbs": [(_("News"), reverse("news:list"))],
            "related_articles": related,
            # Worked out only when the template's remembered HTML is not at hand: a template
            # calls what it is given.
            "json_ld": partial(json_ld, request, article),
            "absolute_url": lambda: request.build_absolute_uri(article.get_absolute_url()),
            "image_url": partial(absolute_image_url, request, article.image),
            "og_locale": OG_LOCALES.get(article.content_language or get_language(), ""),
            "video_host": urlsplit(article.video_url).hostname if article.video_url else "",
            "feeds": feed_links,
        },
    )


def topic_detail(request, slug):
    topic = memo.remember(
        ("topic", get_language(), slug), lambda: get_by_translated_slug(Topic.objects.all(), slug)
    )
    if topic.slug != slug:
        return redirect(topic.get_absolute_url(), permanent=True)
    return render(
        request,
        "newsroom/topic_detail.html",
        {
            "object": topic,
            "page_title": topic.name,
            "breadcrumbs": [(_("News"), reverse("news:list"))],
            "page_obj": article_page(
                request, Article.objects.published().filter(topics=topic), ("topic", topic.pk)
            ),
            "feeds": feed_links(topic=topic),
        },
    )


def feed_links(*, topic=None, organisation=None):
    """The RSS and Atom feeds a page links to with ``<link rel="alternate">``."""
    if topic is not None:
        kwargs, prefix, title = {"slug": topic.slug}, "news:topic_", topic.name
    elif organisation is not None:
        kwargs, prefix, title = {"slug": organisation.slug}, "news:organisation_", organisation.name
    else:
        kwargs, prefix, title = {}, "news:", _("News")
    return [
        {
            "type": "application/rss+xml",
            "title": f"{title} (RSS)",
            "url": reverse(f"{prefix}rss", kwargs=kwargs),
        },
        {
            "type": "application/atom+xml",
            "title": f"{title} (Atom)",
            "url": reverse(f"{prefix}atom", kwargs=kwargs),
        },
    ]


def absolute_image_url(request, image):
    if image is None or not image.file:
        return ""
    return request.build_absolute_uri(image.src)


def json_ld(request, article):
    """``NewsArticle`` structured data as a JSON-LD script element."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "description": article.description,
        "inLanguage": article.content_language or get_language(),
        "mainEntityOfPage": request.build_absolute_uri(article.get_absolute_url()),
        "datePublished": article.publish_at,
        "dateModified": article.last_updated or article.publish_at,
        "publisher": {"@type": "Organization", "name": article.organisation.name},
    }
    if article.guest_author_name:
        data["author"] = {"@type": "Person", "name": article.guest_author_name}
    else:
        data["author"] = {"@type": "Organization", "name": article.organisation.name}
    if article.image:
        data["image"] = [absolute_image_url(request, article.image)]
    return json_ld_script(data)
