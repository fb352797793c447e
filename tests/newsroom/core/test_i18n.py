import datetime

import pytest
from django.http import Http404
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from newsroom.core import i18n
from newsroom.pages.models import Page


@pytest.mark.parametrize(
    ("language", "chain"),
    [
        ("sv", ["sv", "nb", "nn", "en"]),
        ("nb", ["nb", "nn", "sv", "en"]),
        ("nn", ["nn", "nb", "sv", "en"]),
        ("en", ["en", "sv", "nb", "nn"]),
    ],
)
def test_fallback_chains_are_explicit(language, chain):
    assert i18n.fallback_chain(language) == chain
    with translation.override(language):
        assert i18n.fallback_chain() == chain


def test_fallback_chain_without_an_active_language_starts_with_the_default_language():
    with translation.override(None):
        assert i18n.fallback_chain() == ["sv", "nb", "nn", "en"]


def page(**fields):
    return Page(**{"title_sv": "Om webbplatsen", "slug_sv": "om-webbplatsen", **fields})


def test_field_language_follows_the_fallbacks():
    about = page(title_nb="Om nettstaden")

    assert i18n.field_language(about, "title", "nb") == "nb"
    assert i18n.field_language(about, "title", "nn") == "nb"
    assert i18n.field_language(about, "title", "en") == "sv"
    assert i18n.field_language(page(title_sv=""), "title", "en") is None


def test_translated_content_knows_its_languages():
    about = page(title_en="About the site")

    assert about.available_languages == ["sv", "en"]
    with translation.override("en"):
        assert about.content_language == "en"
    with translation.override("nn"):
        assert about.content_language == "sv"


@pytest.mark.django_db
def test_get_by_translated_slug_uses_the_active_language_and_its_fallbacks():
    about = page(slug_nb="om-nettstaden", slug_en="about")
    about.save()
    pages = Page.objects.all()

    with translation.override("en"):
        assert i18n.get_by_translated_slug(pages, "about") == about
        assert i18n.get_by_translated_slug(pages, "om-webbplatsen") == about  # falls back to sv
        # Every chain reaches every language: an item written only in nb has a page in en.
        assert i18n.get_by_translated_slug(pages, "om-nettstaden") == about
    with translation.override("nn"):
        assert i18n.get_by_translated_slug(pages, "om-nettstaden") == about
    with translation.override("sv"), pytest.raises(Http404):
        i18n.get_by_translated_slug(pages, "no-such-page")


@pytest.mark.django_db
def test_get_by_translated_slug_prefers_the_active_language_when_slugs_collide():
    swedish = page(title_sv="Kontakt", slug_sv="kontakt")
    swedish.save()
    english = page(title_sv="Kontakta oss", slug_sv="kontakta-oss", slug_en="kontakt")
    english.save()

    with translation.override("en"):
        assert i18n.get_by_translated_slug(Page.objects.all(), "kontakt") == english
    with translation.override("sv"):
        assert i18n.get_by_translated_slug(Page.objects.all(), "kontakt") == swedish


@pytest.mark.parametrize("hostile", ["", "x" * 5000, "a\x00b", "<script>", "' OR 1=1 --"])
@pytest.mark.django_db
def test_get_by_translated_slug_turns_hostile_slugs_into_404(hostile):
    page().save()
    with pytest.raises(Http404):
        i18n.get_by_translated_slug(Page.objects.all(), hostile)


def alternates_for(path, language):
    with translation.override(language):
        return {a["code"]: a for a in i18n.alternates(RequestFactory().get(path), None)}


def test_alternates_of_the_home_page_lead_to_every_languages_home_page():
    alternates = alternates_for("/en/", "en")

    assert {code: a["url"] for code, a in alternates.items()} == {
        "sv": "/",
        "nb": "/nb/",
        "nn": "/nn/",
        "en": "/en/",
    }
    assert all(a["exists"] for a in alternates.values())


def test_alternates_keep_the_query_string():
    alternates = alternates_for("/en/?page=2&q=%3Cb%3E", "en")

    assert alternates["sv"]["url"] == "/?page=2&q=%3Cb%3E"


def test_alternates_of_a_missing_page_lead_to_home_pages_without_hreflang():
    alternates = alternates_for("/en/no-such-page/", "en")

    assert alternates["sv"]["url"] == "/"
    assert alternates["nb"]["url"] == "/nb/"
    assert not alternates["sv"]["exists"]
    assert alternates["en"]["url"] == "/en/no-such-page/"


@pytest.mark.parametrize(
    ("page", "code", "name"),
    [
        ("sv", "nb", "norska (bokmål)"),
        ("nb", "sv", "svensk"),
        ("nn", "nn", "norsk (nynorsk)"),
        ("en", "nb", "Norwegian Bokmål"),
    ],
)
def test_language_names_read_as_part_of_a_sentence(page, code, name):
    with translation.override(page):
        assert i18n.language_name(code) == name


@pytest.mark.parametrize(
    ("language", "written"),
    [
        ("sv", "15 december 2026 · tisdag 15 december 2026"),
        ("nb", "15. desember 2026 · tirsdag 15. desember 2026"),
        ("nn", "15. desember 2026 · tysdag 15. desember 2026"),
        ("en", "15 December 2026 · Tuesday 15 December 2026"),
    ],
)
def test_dates_are_written_as_each_language_writes_them(language, written):
    template = Template('{{ day|date:_("j F Y") }} · {{ day|date:_("l j F Y") }}')
    with translation.override(language):
        assert template.render(Context({"day": datetime.date(2026, 12, 15)})) == written
