import pytest
from django.template import Context, Template
from django.utils import translation

from newsroom.core.richtext import render, sanitize
from newsroom.pages.models import Page


@pytest.mark.parametrize(
    ("dirty", "gone"),
    [
        ("<p>Hej</p><script>alert(1)</script>", "<script"),
        ('<p onclick="alert(1)">Hej</p>', "onclick"),
        ('<p><a href="javascript:alert(1)">x</a></p>', "javascript:"),
        ('<p><a href="JaVaScRiPt:alert(1)">x</a></p>', "alert"),
        ('<p><a href="data:text/html;base64,PHNjcmlwdD4=">x</a></p>', "data:"),
        ('<p style="color: red">Hej</p>', "style"),
        ('<iframe src="https://evil.example/"></iframe><p>Hej</p>', "iframe"),
        ('<p><img src="x" onerror="alert(1)"></p>', "<img"),
        ("<h1>Too big</h1>", "<h1"),
        ('<p class="x">Hej</p>', "class"),
        ("<svg><script>alert(1)</script></svg>", "<svg"),
        ("<p>Hej<!-- a comment --></p>", "<!--"),
    ],
)
def test_sanitiser_removes_what_is_not_on_the_allow_list(dirty, gone):
    assert gone.lower() not in sanitize(dirty).lower()
    assert gone.lower() not in render(dirty).lower()


def test_sanitiser_keeps_the_allowed_elements():
    html = (
        "<h2>Rubrik</h2><h3>Under</h3><h4>Minst</h4><p><strong>fet</strong> <em>kursiv</em>"
        '<br><a href="https://example.org/">länk</a> <a href="mailto:a@example.org">e-post</a></p>'
        "<ul><li><p>ett</p></li></ul><ol><li><p>två</p></li></ol><blockquote><p>citat</p></blockquote>"
    )
    clean = sanitize(html)
    for kept in ["<h2>", "<h3>", "<h4>", "<strong>", "<em>", "<br>", "<ul>", "<ol>", "<li>"]:
        assert kept in clean
    assert "<blockquote>" in clean
    assert 'href="https://example.org/"' in clean
    assert 'href="mailto:a@example.org"' in clean


def test_external_links_are_marked_and_internal_links_are_left_alone(settings):
    settings.ALLOWED_HOSTS = ["www.region.se"]
    with translation.override("sv"):
        html = render(
            '<p><a href="https://example.org/">ut</a> <a href="/en/news/">in</a> '
            '<a href="https://www.region.se/nyheter/">hemma</a></p>'
        )

    assert '<a href="https://example.org/" rel="noopener noreferrer">ut<svg' in html
    assert 'aria-hidden="true"' in html  # the icon is seen; its words are read
    assert '<span class="visually-hidden"> (annan webbplats)</span></a>' in html
    assert '<a href="/en/news/">in</a>' in html
    assert '<a href="https://www.region.se/nyheter/">hemma</a>' in html
    assert html.count("<svg") == 1


def test_links_opening_a_new_window_say_so_visibly_in_the_page_language():
    html = '<p><a href="https://example.org/rapport.pdf" target="_blank">Rapporten</a></p>'

    with translation.override("en"):
        rendered = render(html)

    assert 'target="_blank"' in rendered
    assert 'rel="noopener noreferrer"' in rendered
    assert 'Rapporten<span class="link-note"> (opens in a new window)</span><svg' in rendered


def test_render_keeps_text_escaped():
    rendered = render("<p>1 &lt; 2 &amp; &lt;script&gt; &#169; &quot;x&quot;</p>")

    assert "&lt;script&gt;" in rendered
    assert "<script" not in rendered
    assert "&amp;" in rendered


def test_template_filter_renders_rich_text():
    template = Template("{% load richtext %}{{ body|richtext }}")

    html = template.render(
        Context(
            {"body": '<p><a href="https://example.org" target="_blank" onclick="x()">a</a></p>'}
        )
    )

    assert "onclick" not in html
    assert 'class="visually-hidden"' in html
    assert template.render(Context({"body": ""})) == ""


@pytest.mark.django_db
def test_rich_text_is_sanitised_when_saved_without_a_form():
    page = Page.objects.create(
        title_sv="Om oss",
        slug_sv="om-oss",
        body_sv='<p onclick="x()">Hej</p><script>alert(1)</script>',
        body_en="<p>Hello</p>",
    )

    page.refresh_from_db()
    assert page.body_sv == "<p>Hej</p>"
    assert page.body_en == "<p>Hello</p>"


@pytest.mark.django_db
def test_saving_in_another_language_does_not_copy_the_fallback_text():
    with translation.override("en"):
        page = Page.objects.create(title_sv="Om oss", slug_sv="om-oss", body_sv="<p>Hej</p>")
        page.save()

    page.refresh_from_db()
    assert not page.body_en


@pytest.mark.parametrize(
    ("stored", "kept"),
    [
        ("<p>Ett</p><p></p><p><br></p><p>&nbsp;</p><p>Två</p>", "<p>Ett</p><p>Två</p>"),
        ("<p>Slut<br></p>", "<p>Slut</p>"),
        ("<p>Rad ett<br>Rad två<br><br> </p>", "<p>Rad ett<br>Rad två</p>"),
        ("<ul><li><p>Punkt<br></p></li><li><p></p></li></ul>", "<ul><li><p>Punkt</p></li></ul>"),
        ("<p>Före</p><blockquote><p> </p></blockquote><h2></h2>", "<p>Före</p>"),
        ("<p></p><p><br></p>", ""),
    ],
)
def test_empty_blocks_and_trailing_breaks_are_dropped(stored, kept):
    assert sanitize(stored) == kept


@pytest.mark.django_db
def test_the_admin_form_stores_no_empty_paragraphs(admin_client):
    from django.urls import reverse

    response = admin_client.post(
        reverse("admin:pages_page_add"),
        {
            "title_sv": "Kontakt",
            "slug_sv": "kontakt",
            "body_sv": "<p>Ring oss.<br></p><p></p><p><br></p>",
            "kind": "contact",
            "status": "published",
            "position": "1",
            "original_language": "sv",
        },
    )
    page = Page.objects.filter(slug_sv="kontakt").first()
    assert page is not None, response.context["adminform"].form.errors
    assert page.body_sv == "<p>Ring oss.</p>"
