import pytest
from django.contrib.auth import get_user_model
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from newsroom.core.publishing import Status
from newsroom.pages import demo
from newsroom.pages.models import Page

from .factories import PageFactory

pytestmark = pytest.mark.django_db
LANGUAGES = ["sv", "nb", "nn", "en"]


def url(page, language):
    with translation.override(language):
        return page.get_absolute_url()


@pytest.mark.parametrize("language", LANGUAGES)
def test_demo_pages_render_in_every_language_with_breadcrumb(client, language):
    demo.create()
    for page in Page.objects.all():
        response = client.get(url(page, language))
        content = response.content.decode()
        assert response.status_code == 200
        assert 'class="breadcrumb"' in content
        assert 'aria-current="page"' in content
        assert 'class="meta site-page__updated"' in content
        assert not response.cookies


@pytest.mark.parametrize("language", LANGUAGES)
def test_index_lists_the_pages_in_every_language(client, language):
    page = PageFactory(title_sv="Om oss", title_en="About us")
    with translation.override(language):
        response = client.get(reverse("pages:index"))
    assert response.status_code == 200
    assert url(page, language) in response.content.decode()


def test_the_footer_links_to_published_pages_only(client):
    shown = PageFactory(title_sv="Tillgänglighet", kind=Page.Kind.ACCESSIBILITY)
    PageFactory(title_sv="Utkastet", status=Status.DRAFT)
    PageFactory(title_sv="Gömd", show_in_footer=False)
    content = client.get("/").content.decode()
    assert f'href="{url(shown, "sv")}"' in content
    assert "Utkastet" not in content
    assert "Gömd" not in content


def test_drafts_and_unknown_slugs_are_not_found(client):
    hidden = PageFactory(status=Status.DRAFT)
    assert client.get(url(hidden, "sv")).status_code == 404
    assert client.get("/en/about/no-such-page/").status_code == 404


def test_a_page_in_a_fallback_language_says_so(client):
    page = PageFactory(title_en="", slug_en="", lead_en="", body_en="")
    response = client.get(url(page, "en"))
    content = response.content.decode()
    assert response.status_code == 200
    assert 'lang="sv"' in content
    assert 'class="notice"' in content


def test_a_swedish_slug_finds_the_page_from_the_english_site(client):
    page = PageFactory(slug_sv="om-oss", slug_en="about-us")
    assert client.get("/en/about/om-oss/").status_code == 200
    assert url(page, "en") == "/en/about/about-us/"


def test_body_is_sanitised_and_markup_in_title_escaped(client):
    page = PageFactory(title_sv="<script>x</script>", body_sv="<p>ok</p><script>alert(1)</script>")
    content = client.get(url(page, "sv")).content.decode()
    assert "<script>x" not in content
    assert "alert(1)" not in content
    assert "&lt;script&gt;x" in content


def test_one_page_per_kind_except_other():
    PageFactory(kind=Page.Kind.PRIVACY)
    PageFactory(kind=Page.Kind.OTHER)
    PageFactory(kind=Page.Kind.OTHER)
    with pytest.raises(IntegrityError), transaction.atomic():
        PageFactory(kind=Page.Kind.PRIVACY)


def test_demo_is_idempotent_and_complete():
    demo.create()
    demo.create()
    assert Page.objects.count() == 4
    statement = Page.objects.get(kind=Page.Kind.ACCESSIBILITY)
    for heading in ["Tillsyn", "Digg", "Hur vi testat", "Innehåll som inte är tillgängligt"]:
        assert heading in statement.body_sv
    privacy = Page.objects.get(kind=Page.Kind.PRIVACY)
    assert "90 dagar" in privacy.body_sv
    assert "IP-adress" in privacy.body_sv
    assert "90 days" in privacy.body_en


def test_editors_edit_pages_in_the_admin(client):
    user = get_user_model().objects.create_superuser("editor", "e@example.org", "x" * 16)
    client.force_login(user)
    page = PageFactory()
    assert client.get(reverse("admin:pages_page_changelist")).status_code == 200
    assert client.get(reverse("admin:pages_page_add")).status_code == 200
    response = client.get(reverse("admin:pages_page_change", args=[page.pk]))
    assert response.status_code == 200
    assert "title_en" in response.content.decode()


def test_query_count_of_the_index_is_constant(client, django_assert_num_queries):
    PageFactory()
    client.get(reverse("pages:index"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("pages:index"))
    expected = len(few)
    for _ in range(5):
        PageFactory()
    client.get(reverse("pages:index"))  # what changes once per change of content
    with django_assert_num_queries(expected):
        client.get(reverse("pages:index"))
