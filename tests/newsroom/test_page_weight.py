"""The front end's size budgets: at most 60 kB of CSS and 15 kB of JavaScript on any page."""

import importlib.util
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from newsroom.pages import demo_identities
from tests.newsroom.core.images.factories import ImageFactory
from tests.newsroom.news.factories import ArticleFactory
from tests.newsroom.pages.factories import PageFactory

pytestmark = pytest.mark.django_db

spec = importlib.util.spec_from_file_location(
    "page_weight", Path(__file__).resolve().parents[2] / "bench" / "page_weight.py"
)
page_weight = importlib.util.module_from_spec(spec)
spec.loader.exec_module(page_weight)


def test_pages_keep_within_the_css_and_javascript_budgets(settings):
    """The page types whose assets differ: the article page adds the video script."""
    settings.WHITENOISE_USE_FINDERS = True
    demo_identities.apply("region")
    article = ArticleFactory(
        image=ImageFactory(), video_url="https://www.youtube-nocookie.com/embed/abc123"
    )
    urls = {
        "home": reverse("home"),
        "news list": reverse("news:list"),
        "article": article.get_absolute_url(),
        "site page": PageFactory().get_absolute_url(),
        "search": reverse("search") + "?q=nyhet",
    }
    client = Client()

    for name, url in urls.items():
        weight = page_weight.page_weight(client, url)
        assert 20_000 < weight["css"] <= page_weight.CSS_BUDGET, name  # site.css and identity
        assert 0 < weight["js"] <= page_weight.JS_BUDGET, name
