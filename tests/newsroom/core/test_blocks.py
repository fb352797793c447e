"""Blocks in a body: what is stored survives sanitising, and readers get the rendered block."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from newsroom.core.richtext import render, sanitize, sanitize_body

from .images.factories import ImageFactory

pytestmark = pytest.mark.django_db

QUOTE = (
    '<figure data-block="quote"><blockquote><p>Vi bygger för alla.</p></blockquote>'
    "<figcaption><cite>Kim Berg</cite><small>regionråd</small></figcaption></figure>"
)
FACTS = '<div data-block="facts"><h3>Så söker du</h3><ul><li><p>Fyll i</p></li></ul></div>'
VIDEO = (
    '<figure data-block="video" data-url="https://www.youtube-nocookie.com/embed/abc" '
    'data-duration="200"><figcaption>Invigningen</figcaption><p>Talaren hälsar.</p>'
    "<p>Bandet klipps.</p></figure>"
)
CTA = '<p data-block="cta"><a href="https://anmalan.example.org/">Anmäl dig</a></p>'
DOCUMENTS = '<ul data-block="documents"><li><a href="/documents/1/">Program</a></li></ul>'


def image_block(image, **attributes):
    extra = "".join(f' data-{name}="{value}"' for name, value in attributes.items())
    return f'<figure data-block="image" data-image="{image.pk}"{extra}></figure>'


@pytest.mark.parametrize("block", [QUOTE, FACTS, VIDEO, CTA, DOCUMENTS])
def test_a_body_keeps_its_blocks_when_sanitised(block):
    assert sanitize_body(f"<p>Före</p>{block}<p>Efter</p>") == f"<p>Före</p>{block}<p>Efter</p>"


def test_a_text_that_is_not_a_body_does_not_take_blocks():
    assert "data-block" not in sanitize(QUOTE + FACTS + CTA)


@pytest.mark.parametrize(
    "dirty",
    [
        '<figure data-block="image" data-image="1" onload="alert(1)"></figure>',
        '<figure data-block="video" data-url="javascript:alert(1)" style="x"></figure>',
        '<div data-block="facts" class="evil"><script>alert(1)</script><p>x</p></div>',
        '<p data-block="cta"><a href="javascript:alert(1)">Klicka</a></p>',
        '<figure data-block="image" data-image="²"></figure>',
    ],
)
def test_blocks_keep_no_script_nor_style(dirty):
    shown = render(dirty)
    for gone in ("onload", "style=", "<script", "javascript:", 'class="evil"'):
        assert gone not in shown


def test_an_image_block_shows_the_library_image_with_this_uses_own_words():
    image = ImageFactory(
        alt_text_sv="Två personer", caption_sv="Bibliotekets text", credit="Ann Ek"
    )
    with translation.override("sv"):
        html = render(
            f'<figure data-block="image" data-image="{image.pk}" data-layout="inset" '
            'data-alt="Kim Berg vid hamnen"><figcaption>Kim Berg, ny direktör</figcaption></figure>'
        )
    assert '<figure class="image image--inset">' in html
    assert 'alt="Kim Berg vid hamnen"' in html
    assert "Kim Berg, ny direktör" in html
    assert "Bibliotekets text" not in html
    assert "Foto: Ann Ek" in html
    assert image.src in html


def test_an_image_block_without_its_own_words_uses_the_library():
    image = ImageFactory(alt_text_sv="Hamnen", caption_sv="Hamnen en vårdag")
    with translation.override("sv"):
        html = render(image_block(image))
    assert 'alt="Hamnen"' in html
    assert "Hamnen en vårdag" in html
    assert "image--full" in html


def test_an_image_deleted_from_the_library_leaves_the_rest_of_the_body():
    image = ImageFactory()
    block = image_block(image)
    image.delete()
    assert render(f"<p>Text</p>{block}") == "<p>Text</p>"


def test_images_in_a_body_cost_one_query_however_many():
    one = image_block(ImageFactory())
    many = "".join(image_block(ImageFactory()) for _ in range(6))
    counts = []
    for html in (one, many):
        with CaptureQueriesContext(connection) as queries:
            render(html)
        counts.append(len(queries))
    assert counts == [1, 1]


def test_a_quote_is_a_pull_quote_with_its_speaker():
    html = render(QUOTE)
    assert html.startswith('<figure class="pull-quote"><blockquote><p>Vi bygger för alla.</p>')
    assert '<cite class="pull-quote__speaker">Kim Berg</cite>' in html
    assert '<span class="pull-quote__role">regionråd</span>' in html


def test_a_video_loads_nothing_until_asked_and_has_its_transcript():
    with translation.override("sv"):
        html = render(VIDEO)
    assert 'data-video-embed="https://www.youtube-nocookie.com/embed/abc"' in html
    assert "<iframe" not in html
    assert '<time datetime="PT3M20S">3 min 20 s</time>' in html
    assert "Talaren hälsar." in html
    assert "Bandet klipps." in html
    assert "Video: Invigningen" in html


def test_a_video_from_a_host_no_longer_allowed_is_a_plain_link(settings):
    settings.EMBED_HOSTS = ["player.vimeo.com"]
    html = render(VIDEO)
    assert "data-video-embed" not in html
    assert '<a href="https://www.youtube-nocookie.com/embed/abc"' in html


def test_a_call_to_action_is_a_button_link_marked_as_leading_elsewhere():
    with translation.override("sv"):
        html = render(CTA)
    assert html.startswith('<p class="call-to-action"><a class="button"')
    assert "Anmäl dig" in html
    assert "link-external" in html


def test_a_fact_box_in_a_body_keeps_its_text():
    html = render(FACTS)
    assert html.startswith('<div class="fact-box fact-box--in-body"><h3>Så söker du</h3>')


def test_a_video_whose_length_is_not_a_number_is_shown_without_one():
    html = render(VIDEO.replace('data-duration="200"', 'data-duration="²"'))
    assert "data-video-embed" in html
    assert "<time" not in html
