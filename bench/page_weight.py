"""Bytes per public page type: HTML, CSS and JavaScript, against the front end's budgets.

    .venv/bin/python bench/page_weight.py

Loads the demo (in a SQLite database in a temporary folder), renders one page of each type in
process with Django's test client, fetches every style sheet and script the page links to (the
identity style sheet included) and prints their uncompressed sizes, and each as a share of its
budget: CSS 60 kB and JavaScript 15 kB per page. Shares, not pass/fail;
tests/newsroom/test_page_weight.py holds the budgets.
"""

import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CSS_BUDGET = 60 * 1024
JS_BUDGET = 15 * 1024
STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)"')
SCRIPT = re.compile(r'<script src="([^"]+)"')


def page_weight(client, url):
    """``{"html", "css", "js"}`` bytes of the page at ``url`` and what it links to."""
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    html = response.content.decode()
    return {
        "html": len(response.content),
        "css": sum(_size(client, href) for href in STYLESHEET.findall(html)),
        "js": sum(_size(client, src) for src in SCRIPT.findall(html)),
    }


def _size(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    if response.streaming:
        return sum(len(chunk) for chunk in response.streaming_content)
    return len(response.content)


def page_urls():
    from django.urls import reverse

    from events.models import Event
    from newsroom.news.models import Article, Topic
    from newsroom.pages.models import Page
    from organisations.models import Organisation

    return {
        "home": reverse("home"),
        "news list": reverse("news:list"),
        "article": Article.objects.published().order_by("pk").first().get_absolute_url(),
        "topic": Topic.objects.order_by("pk").first().get_absolute_url(),
        "event list": reverse("events:list"),
        "event": Event.objects.published().order_by("pk").first().get_absolute_url(),
        "directory": reverse("organisations:list"),
        "organisation": Organisation.objects.order_by("pk").first().get_absolute_url(),
        "site page": Page.objects.published().order_by("pk").first().get_absolute_url(),
        "search": reverse("search") + "?q=digital",
    }


def main():
    folder = tempfile.mkdtemp(prefix="newsroom-weight-")
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "newsroom.settings",
            "DEBUG": "1",  # static files through the finders, no collectstatic needed
            "DATA_DIR": folder,
            "DATABASE_URL": f"sqlite:///{folder}/weight.sqlite3",
            "LOG_LEVEL": "WARNING",
        }
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.utils import translation

    setup_test_environment()  # ALLOWED_HOSTS accepts the test client's "testserver"
    call_command("migrate", verbosity=0)
    with translation.override("sv"):
        from newsroom.management.commands.demo import STEPS

        for step in STEPS:
            step()
        urls = page_urls()
    client = Client()
    print(f"{'page':<14}{'HTML':>9}{'CSS':>9}{'of 60 kB':>10}{'JS':>8}{'of 15 kB':>10}")
    for name, url in urls.items():
        weight = page_weight(client, url)
        print(
            f"{name:<14}{weight['html']:>9}{weight['css']:>9}{weight['css'] / CSS_BUDGET:>10.0%}"
            f"{weight['js']:>8}{weight['js'] / JS_BUDGET:>10.0%}"
        )


if __name__ == "__main__":
    main()
