import re

import pytest
from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.utils import translation

from .factories import ImageFactory, image_bytes

pytestmark = pytest.mark.django_db


def render(**context):
    return render_to_string("components/image.html", context)


def test_picture_has_webp_and_fallback_srcsets_dimensions_and_alt_text():
    image = ImageFactory(file=ContentFile(image_bytes(size=(1000, 500)), name="harbour.jpg"))

    with translation.override("sv"):
        html = render(image=image, sizes="(min-width: 46rem) 46rem, 100vw")

    source = re.search(r"<source [^>]*>", html).group()
    img = re.search(r"<img [^>]*>", html).group()
    assert 'type="image/webp"' in source
    assert re.search(r'srcset="[^"]*-320\.webp 320w, [^"]*-640\.webp 640w', source)
    assert "1000w" in source
    assert 'sizes="(min-width: 46rem) 46rem, 100vw"' in source
    assert re.search(r'srcset="[^"]*-320\.jpg 320w', img)
    assert re.search(r'src="/media/images/[^"]*-1000\.jpg"', img)
    assert 'width="1000" height="500"' in img
    assert f'alt="{image.alt_text_sv}"' in img
    assert 'loading="lazy"' in img
    assert 'decoding="async"' in img
    assert "lang=" not in img
    assert "<figure" not in html


def test_alt_text_shown_in_a_fallback_language_is_marked_with_its_language():
    image = ImageFactory(alt_text_sv="Hamnen i kvällsljus", alt_text_en="")

    with translation.override("en"):
        html = render(image=image)

    assert 'alt="Hamnen i kvällsljus" lang="sv"' in html


def test_decorative_image_has_empty_alt_text():
    image = ImageFactory(decorative=True, alt_text_sv="", alt_text_en="")

    html = render(image=image)

    assert 'alt=""' in html


def test_figure_shows_caption_and_credit():
    image = ImageFactory(caption_sv="Hamnen en vårdag", credit="Kim Svensson")

    with translation.override("sv"):
        html = render(image=image, figure=True)

    assert html.strip().startswith('<figure class="image">')
    assert re.search(r"<figcaption[^>]*>.*Hamnen en vårdag.*Kim Svensson.*</figcaption>", html)


def test_markup_in_texts_is_escaped():
    image = ImageFactory(alt_text_sv='"><script>alert(1)</script>', caption_sv="<b>x</b>")

    with translation.override("sv"):
        html = render(image=image, figure=True)

    assert "<script>" not in html
    assert "<b>" not in html


def test_no_image_renders_nothing():
    assert render(image=None).strip() == ""
