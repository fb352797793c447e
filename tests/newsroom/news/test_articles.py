import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from newsroom.core.publishing import Status
from newsroom.news.models import Article
from tests.newsroom.news.factories import (
    ArticleFactory,
    ContactPersonFactory,
    OrganisationFactory,
    TopicFactory,
    draft,
    expired,
    scheduled,
)

pytestmark = pytest.mark.django_db

LANGUAGES = ["", "/nb", "/nn", "/en"]


def invisible_articles():
    return [draft(), scheduled(), expired()]


def url(name, language="sv", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def article_url(article, language="sv"):
    with translation.override(language):
        return article.get_absolute_url()


# The one visibility rule, on every surface


def test_list_shows_only_published_articles(client):
    visible = ArticleFactory()
    hidden = invisible_articles()
    content = client.get(url("news:list")).content.decode()
    assert visible.title_sv in content
    for article in hidden:
        assert article.title_sv not in content


def test_detail_of_unpublished_articles_is_404(client):
    for article in invisible_articles():
        assert client.get(article_url(article)).status_code == 404


def test_detail_of_published_article(client):
    article = ArticleFactory()
    response = client.get(article_url(article))
    assert response.status_code == 200
    assert response.context["object"] == article


def test_home_shows_only_published_articles(client):
    visible = ArticleFactory()
    hidden = invisible_articles()
    content = client.get("/").content.decode()
    assert visible.title_sv in content
    for article in hidden:
        assert article.title_sv not in content


def test_home_empty_state(client):
    assert "Nothing has been published yet." in client.get("/en/").content.decode()


def test_topic_page_shows_only_published_articles(client):
    topic = TopicFactory()
    visible = ArticleFactory(topics=[topic])
    hidden = [draft(topics=[topic]), scheduled(topics=[topic]), expired(topics=[topic])]
    with translation.override("sv"):
        response = client.get(topic.get_absolute_url())
    assert response.status_code == 200
    content = response.content.decode()
    assert visible.title_sv in content
    for article in hidden:
        assert article.title_sv not in content


def test_organisation_include_lists_only_published_articles():
    from django.template.loader import render_to_string

    organisation = OrganisationFactory()
    visible = ArticleFactory(organisation=organisation)
    hidden = [
        draft(organisation=organisation),
        scheduled(organisation=organisation),
        expired(organisation=organisation),
    ]
    ArticleFactory(title_sv="Annan organisations nyhet")
    with translation.override("sv"):
        html = render_to_string(
            "newsroom/organisation_articles.html", {"organisation": organisation}
        )
    assert visible.title_sv in html
    assert "Annan organisations nyhet" not in html
    for article in hidden:
        assert article.title_sv not in html


def test_related_articles_share_a_topic_and_are_published(client):
    topic = TopicFactory()
    article = ArticleFactory(topics=[topic])
    related = ArticleFactory(topics=[topic])
    draft(topics=[topic], title_sv="Utkast om samma ämne")
    unrelated = ArticleFactory()
    response = client.get(article_url(article))
    assert list(response.context["related_articles"]) == [related]
    content = response.content.decode()
    assert "Utkast om samma ämne" not in content
    assert unrelated.title_sv not in content


# The article page


def test_article_page_shows_every_element(client):
    organisation = OrganisationFactory()
    owner = ContactPersonFactory(name="Ägare Person", organisation=organisation)
    contacts = [ContactPersonFactory(name="Första Kontakt"), ContactPersonFactory(name="Andra")]
    hidden_contact = ContactPersonFactory(name="Intern Person", is_public=False)
    topic = TopicFactory(name_sv="Digital förvaltning")
    partner = OrganisationFactory(name_sv="Samarbetspartner")
    article = ArticleFactory(
        organisation=organisation,
        page_owner=owner,
        contacts=[*contacts, hidden_contact],
        topics=[topic],
        fact_box_heading_sv="Fakta om projektet",
        fact_box_sv="<ul><li>Tre år</li></ul>",
        video_url="https://www.youtube-nocookie.com/embed/abc123",
        video_title_sv="Filmen om mötet",
        video_duration=datetime.timedelta(minutes=5, seconds=30),
        video_transcript_sv="Detta sägs i filmen.",
        guest_author_name="Gäst Skribent",
        guest_author_role_sv="ordförande i expertgruppen",
        kind=Article.Kind.BLOG,
        updated_at=timezone.now(),
    )
    article.related_organisations.add(partner)
    response = client.get(article_url(article))
    content = response.content.decode()
    assert '<nav class="breadcrumb"' in content
    assert reverse("news:list") in content
    assert "<h1" in content
    assert article.title_sv in content
    assert content.count("<time datetime=") >= 2
    assert article.lead_sv in content
    assert '<aside class="fact-box"' in content
    assert "Fakta om projektet" in content
    assert "Första Kontakt" in content
    assert "Andra" in content
    assert content.index("Första Kontakt") < content.index("Andra")
    assert "Intern Person" not in content
    assert "Ägare Person" in content
    assert organisation.name_sv in content
    assert "Samarbetspartner" in content
    assert "Digital förvaltning" in content
    assert "Gäst Skribent" in content
    assert "ordförande i expertgruppen" in content
    assert "<details" in content
    assert "Detta sägs i filmen." in content
    assert 'datetime="PT5M30S"' in content
    assert "<iframe" not in content  # the player loads only when the reader asks
    assert "js/video.js" in content
    assert '"@type": "NewsArticle"' in content
    assert 'property="og:title"' in content
    assert "mailto:?subject=" in content
    assert 'type="application/rss+xml"' in content
    assert "related events: the events app includes its section here" not in content


def test_article_page_sets_no_cookie(client):
    article = ArticleFactory()
    response = client.get(article_url(article))
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")


def test_json_ld_cannot_break_out_of_its_script(client):
    article = ArticleFactory(title_sv="</script><script>alert(1)</script>")
    content = client.get(article_url(article)).content.decode()
    assert "<script>alert(1)" not in content
    assert "\\u003C/script\\u003E" in content


def test_article_in_fallback_language_is_labelled(client):
    article = ArticleFactory(title_en="", lead_en="", body_en="", slug_en="")
    response = client.get(article_url(article, "en"))
    assert response.status_code == 200
    content = response.content.decode()
    assert 'class="notice"' in content
    assert 'lang="sv"' in content
    list_content = client.get(url("news:list", "en")).content.decode()
    assert article.title_sv in list_content
    assert 'lang="sv"' in list_content


def test_other_languages_slug_redirects_to_this_languages_address(client):
    article = ArticleFactory()
    with translation.override("en"):
        wrong = reverse("news:detail", kwargs={"slug": article.slug_sv})
    response = client.get(wrong)
    assert response.status_code == 301
    assert response["Location"] == article_url(article, "en")


def test_pages_in_every_language(client):
    topic = TopicFactory()
    article = ArticleFactory(topics=[topic])
    for prefix, code in zip(LANGUAGES, ["sv", "nb", "nn", "en"], strict=True):
        assert client.get(url("news:list", code)).status_code == 200, prefix
        assert client.get(article_url(article, code)).status_code == 200, prefix
        with translation.override(code):
            assert client.get(topic.get_absolute_url()).status_code == 200, prefix


# The model


def test_slugs_are_made_from_titles_and_unique_per_language():
    article = ArticleFactory(title_sv="Region Exempel satsar", title_en="Example region invests")
    assert article.slug_sv == "region-exempel-satsar"
    assert article.slug_en == "example-region-invests"
    duplicate = Article(
        title_sv="Region Exempel satsar",
        organisation=article.organisation,
        status=Status.DRAFT,
    )
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "slug" in str(error.value)


def test_video_host_must_be_allowed():
    article = ArticleFactory.build(
        organisation=OrganisationFactory(), video_url="https://evil.example/embed/1"
    )
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "video_url" in error.value.message_dict


def test_body_is_sanitised(client):
    article = ArticleFactory.build(
        organisation=OrganisationFactory(),
        body_sv=(
            '<p onclick="steal()">Text<script>alert(1)</script>'
            '<a href="javascript:alert(1)">länk</a><img src=x onerror="alert(1)"></p>'
        ),
        fact_box_sv='<p><a href="javascript:alert(2)" onmouseover="x()">fakta</a></p>',
    )
    article.full_clean()  # as the admin does before saving
    article.save()
    article.refresh_from_db()
    page = client.get(article_url(article)).content.decode()
    for html in [article.body_sv, article.fact_box_sv, page]:
        assert "<script>alert" not in html
        assert "javascript:" not in html
        assert "onclick" not in html
        assert "onerror" not in html
        assert "onmouseover" not in html


# The list's filters and hostile input


def test_list_filters_by_kind_topic_and_organisation(client):
    topic = TopicFactory()
    organisation = OrganisationFactory()
    blog = ArticleFactory(kind=Article.Kind.BLOG)
    on_topic = ArticleFactory(topics=[topic])
    from_organisation = ArticleFactory(organisation=organisation)
    list_url = url("news:list")
    kind = client.get(list_url, {"kind": "blog"}).context["page_obj"].object_list
    assert list(kind) == [blog]
    by_topic = client.get(list_url, {"topic": topic.slug_sv}).context["page_obj"].object_list
    assert list(by_topic) == [on_topic]
    by_org = client.get(list_url, {"organisation": organisation.slug_sv}).context["page_obj"]
    assert list(by_org.object_list) == [from_organisation]


HOSTILE = [
    "x" * 5000,
    "<script>alert(1)</script>",
    "blog\x00",
    "\x00",
    "1' OR '1'='1",
    "-1",
    "999999999999999999999999",
    "../../etc/passwd",
    "%00",
    "😀",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_list_parameters_never_fail(client, value):
    ArticleFactory()
    topic = TopicFactory()
    ArticleFactory(topics=[topic])
    for param in ["kind", "topic", "organisation", "page"]:
        response = client.get(url("news:list"), {param: value})
        assert response.status_code == 200, param
        assert "<script>alert(1)</script>" not in response.content.decode()
    response = client.get(topic.get_absolute_url(), {"page": value})
    assert response.status_code == 200
    response = client.get(url("news:list"), {"kind": [value, "blog"], "page": [value, "2"]})
    assert response.status_code == 200


def test_another_organisations_slug_filter_shows_nothing_wrong(client):
    ArticleFactory()
    other = OrganisationFactory()  # has no published articles: not a valid choice
    response = client.get(url("news:list"), {"organisation": other.slug_sv})
    assert response.status_code == 200
    assert len(response.context["page_obj"].object_list) == 1


@pytest.mark.parametrize("slug", ["x" * 300, "nope", "--", "a_b"])
def test_unknown_slugs_are_404(client, slug):
    assert client.get(url("news:detail", slug=slug)).status_code == 404
    assert client.get(url("news:topic", slug=slug)).status_code == 404
    assert client.get(url("news:topic_rss", slug=slug)).status_code == 404
    assert client.get(url("news:organisation_atom", slug=slug)).status_code == 404


def test_pagination(client):
    ArticleFactory.create_batch(14)
    first = client.get(url("news:list"))
    assert len(first.context["page_obj"].object_list) == 12
    older = re.search(r'href="([^"]*)" rel="next"', first.content.decode())[1]
    second = client.get(url("news:list") + older.replace("&amp;", "&"))
    assert len(second.context["page_obj"].object_list) == 2
    assert 'rel="prev"' in second.content.decode()


# Query counts: constant in the number of articles, contacts and topics


def make_articles(count):
    organisation = OrganisationFactory()
    topics = TopicFactory.create_batch(2)
    for _ in range(count):
        ArticleFactory(
            organisation=organisation,
            topics=topics,
            contacts=ContactPersonFactory.create_batch(2, organisation=organisation),
        )
    return topics[0]


def count_queries(client, path):
    client.get(path)  # warm per-process caches (content types) so only the page is counted
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


@pytest.mark.parametrize("page", ["list", "topic", "home"])
def test_query_count_of_lists_is_constant(client, page):
    topic = make_articles(3)
    paths = {"list": url("news:list"), "topic": topic.get_absolute_url(), "home": "/"}
    few = count_queries(client, paths[page])
    make_articles(9)
    assert count_queries(client, paths[page]) == few


def test_query_count_of_detail_is_constant(client):
    organisation = OrganisationFactory()
    topics = TopicFactory.create_batch(1)
    small = ArticleFactory(
        organisation=organisation,
        topics=topics,
        contacts=ContactPersonFactory.create_batch(1),
    )
    few = count_queries(client, article_url(small))
    topics_many = TopicFactory.create_batch(6)
    big = ArticleFactory(
        organisation=organisation,
        topics=topics_many,
        contacts=ContactPersonFactory.create_batch(6),
    )
    big.related_organisations.set(OrganisationFactory.create_batch(4))
    for _ in range(5):
        ArticleFactory(topics=topics_many)
    assert count_queries(client, article_url(big)) == few


def test_machine_readable_dates_are_valid_html(client):
    """HTML allows at most milliseconds in a date: the stored microseconds must not leak."""
    article = ArticleFactory(updated_at=timezone.now())
    valid = re.compile(r"^\d{4}-\d\d-\d\d(T\d\d:\d\d:\d\d[+-]\d{4})?$")
    for url in [reverse("news:list"), article.get_absolute_url(), reverse("home")]:
        values = re.findall(r'<time datetime="([^"]+)"', client.get(url).content.decode())
        assert values
        assert all(valid.match(value) for value in values), values


def test_query_count_of_a_body_is_constant_in_its_blocks(client):
    from django.core.files.base import ContentFile

    from newsroom.documents.models import Document
    from tests.newsroom.core.images.factories import ImageFactory
    from tests.newsroom.documents import files

    def body(images, documents):
        figures = "".join(
            f'<figure data-block="image" data-image="{image.pk}"></figure>' for image in images
        )
        links = "".join(
            f'<li><a href="{document.get_absolute_url()}">{document.title_sv}</a></li>'
            for document in documents
        )
        return f'<p>Text</p>{figures}<ul data-block="documents">{links}</ul>'

    organisation = OrganisationFactory()

    def documents(count):
        return [
            Document.objects.create(
                file=ContentFile(files.pdf(), name="d.pdf"),
                title_sv=f"Dokument {n}",
                language="sv",
                organisation=organisation,
            )
            for n in range(count)
        ]

    one = ArticleFactory(body_sv=body(ImageFactory.create_batch(1), documents(1)))
    few = count_queries(client, article_url(one))
    many = ArticleFactory(body_sv=body(ImageFactory.create_batch(6), documents(4)))
    assert count_queries(client, article_url(many)) == few
