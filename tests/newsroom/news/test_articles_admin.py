import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from newsroom.core.publishing import Status
from newsroom.news.models import Article
from tests.newsroom.news.factories import (
    ArticleFactory,
    OrganisationFactory,
    TopicFactory,
    draft,
    expired,
    scheduled,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def english_admin(admin_client):
    admin_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"  # the admin follows the browser
    return admin_client


def test_changelist_with_states_filters_and_search(admin_client):
    ArticleFactory(title_sv="Publicerad nyhet")
    draft(title_sv="Ett utkast")
    scheduled(title_sv="Schemalagd")
    expired(title_sv="Utgången")
    url = reverse("admin:newsroom_article_changelist")
    content = admin_client.get(url).content.decode()
    with translation.override("sv"):
        states = [gettext(state) for state in ["Scheduled", "Expired", "Published", "Draft"]]
    for text in ["Publicerad nyhet", "Ett utkast", *states]:
        assert text in content
    for params in [
        {"workflow": "published"},
        {"workflow": "scheduled"},
        {"workflow": "expired"},
        {"workflow": "draft"},
        {"kind": "blog"},
        {"q": "utkast"},
        {"q": "<script>\x00"},
        {"workflow": "<b>nonsense"},
    ]:
        assert admin_client.get(url, params).status_code == 200, params
    scheduled_only = admin_client.get(url, {"workflow": "scheduled"}).content.decode()
    assert "Schemalagd" in scheduled_only
    assert "Ett utkast" not in scheduled_only


def test_add_form_has_translation_tabs_editor_and_autocomplete(english_admin):
    content = english_admin.get(reverse("admin:newsroom_article_add")).content.decode()
    assert "title_sv" in content
    assert "title_en" in content
    assert "prose-editor" in content or "django_prose_editor" in content
    assert "admin-autocomplete" in content
    assert "Save first to get a preview link." in content


def form_data(organisation, **extra):
    data = {
        "original_language": "sv",
        "kind": "news",
        "title_sv": "Ny artikel",
        "status": Status.DRAFT,
        "organisation": organisation.pk,
        "article_contacts-TOTAL_FORMS": "0",
        "article_contacts-INITIAL_FORMS": "0",
        "article_contacts-MIN_NUM_FORMS": "0",
        "article_contacts-MAX_NUM_FORMS": "1000",
    }
    data.update(extra)
    return data


def test_disallowed_video_host_is_a_clear_error(english_admin):
    admin_client = english_admin
    organisation = OrganisationFactory()
    response = admin_client.post(
        reverse("admin:newsroom_article_add"),
        form_data(organisation, video_url="https://tracker.example/embed/1"),
    )
    assert response.status_code == 200
    assert "Videos can only be embedded over https from these hosts" in response.content.decode()
    assert not Article.objects.exists()


def test_missing_title_in_the_original_language_is_a_clear_error(admin_client):
    organisation = OrganisationFactory()
    response = admin_client.post(
        reverse("admin:newsroom_article_add"), form_data(organisation, title_sv="", title_en="Hi")
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["title_sv"]


def test_saving_in_the_admin_fills_the_slug(admin_client):
    organisation = OrganisationFactory()
    response = admin_client.post(
        reverse("admin:newsroom_article_add"),
        form_data(organisation, title_sv="Årets första nyhet", title_en="First news"),
    )
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.slug_sv == "arets-forsta-nyhet"
    assert article.slug_en == "first-news"


def test_publish_and_unpublish_actions(admin_client):
    article = draft()
    url = reverse("admin:newsroom_article_changelist")
    admin_client.post(url, {"action": "publish", "_selected_action": [article.pk]})
    article.refresh_from_db()
    assert article.is_published()
    admin_client.post(url, {"action": "unpublish", "_selected_action": [article.pk]})
    article.refresh_from_db()
    assert not article.is_published()
    assert article.status == Status.UNPUBLISHED


def test_view_on_site_only_for_published_and_preview_for_all(admin_client):
    published, unpublished = ArticleFactory(), draft()
    for article, on_site in [(published, True), (unpublished, False)]:
        content = admin_client.get(
            reverse("admin:newsroom_article_change", args=[article.pk])
        ).content.decode()
        assert ('class="viewsitelink"' in content) is on_site
        assert "/preview/" in content


def test_topic_autocomplete(admin_client):
    TopicFactory(name_sv="Öppna data")
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "newsroom", "model_name": "article", "field_name": "topics", "term": "data"},
    )
    assert response.status_code == 200
    assert [result["text"] for result in response.json()["results"]] == ["Öppna data"]
