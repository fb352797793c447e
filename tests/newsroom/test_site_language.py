"""The site's own language (SITE_LANGUAGE) has no URL prefix, the others do, and content falls
back to fitting languages. `make test` runs these with the default (sv) and with nb."""

import io
import re

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils.translation import override

from newsroom.core.i18n import fallback_chain
from newsroom.news.models import Article
from tests.newsroom.news.factories import ArticleFactory

pytestmark = [pytest.mark.django_db, pytest.mark.site_language]

SITE = settings.LANGUAGE_CODE
OTHERS = [code for code, _name in settings.LANGUAGES if code != SITE]


def html_lang(response):
    return re.search(r'<html lang="([\w-]+)"', response.content.decode()).group(1)


def test_the_site_language_is_unprefixed_and_the_others_are_prefixed(client):
    with override(SITE):
        assert reverse("home") == "/"
    assert html_lang(client.get("/")) == SITE
    for code in OTHERS:
        with override(code):
            assert reverse("home") == f"/{code}/"
        assert html_lang(client.get(f"/{code}/")) == code
    assert client.get(f"/{SITE}/").status_code == 404


def test_every_language_falls_back_through_all_the_others():
    for code, _name in settings.LANGUAGES:
        chain = fallback_chain(code)
        assert chain[0] == code
        assert sorted(chain) == sorted(code for code, _name in settings.LANGUAGES)
    # English readers get the site's own language first; Norwegian readers the other written form.
    assert fallback_chain("en")[1] == SITE
    assert fallback_chain("nb")[1] == "nn"
    assert fallback_chain("nn")[1] == "nb"


def test_new_items_start_in_the_site_language(admin_client):
    assert Article().original_language == SITE
    page = admin_client.get(reverse("admin:newsroom_article_add")).content.decode()
    assert f'<option value="{SITE}" selected>' in page


def test_an_item_written_only_in_the_site_language_is_shown_in_every_language(client):
    article = ArticleFactory(
        original_language=SITE,
        **{f"title_{code}": "" for code in OTHERS},
        **{f"lead_{code}": "" for code in OTHERS},
        **{f"body_{code}": "" for code in OTHERS},
        **{f"title_{SITE}": "Bare på sidens språk", f"slug_{SITE}": "bare-pa-sidens-sprak"},
    )
    with override(SITE):
        assert not article.get_absolute_url().startswith(f"/{SITE}/")
    for code in OTHERS:
        with override(code):
            url = article.get_absolute_url()
            listing = reverse("news:list")
        assert url.startswith(f"/{code}/")
        page = client.get(url).content.decode()
        assert "Bare på sidens språk" in page
        assert f'lang="{SITE}"' in page
        assert "Bare på sidens språk" in client.get(listing).content.decode()


def test_the_demo_fills_the_site_in_this_configuration(client):
    call_command("demo", site_url="http://127.0.0.1:8123", stdout=io.StringIO())
    assert client.get("/").status_code == 200
    article = Article.objects.published().first()
    for code, _name in settings.LANGUAGES:
        with override(code):
            assert client.get(article.get_absolute_url()).status_code == 200
