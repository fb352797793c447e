"""The page shell's promises: security headers, no cookies for readers, health, error pages."""

import os
import secrets
import socket
import subprocess
import sys
from contextlib import suppress
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connections
from django.test import override_settings
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from newsroom import security

BASE_DIR = Path(settings.BASE_DIR)
PREFIXES = {"sv": "", "nb": "/nb", "nn": "/nn", "en": "/en"}


def public_urls():
    """Every public list page that exists so far, in every language, and a missing page."""
    urls = []
    for code in PREFIXES:
        with translation.override(code):
            for name in ["home", "news:list", "events:list", "organisations:list", "search"]:
                with suppress(NoReverseMatch):  # that app is not there yet
                    urls.append(reverse(name))
    return [*urls, "/finns-inte/", "/en/no-such-page/"]


def assert_security_headers(response):
    policy = response["Content-Security-Policy"]
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    assert "default-src 'self'" in policy
    assert "frame-ancestors" in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_every_kind_of_response_carries_the_security_headers(client, admin_client):
    for url in [*public_urls(), "/healthz", "/readyz", "/admin/login/", "/static/css/site.css"]:
        assert_security_headers(client.get(url))
    assert_security_headers(admin_client.get("/admin/"))
    assert_security_headers(admin_client.get(reverse("admin:images_image_add")))


@pytest.mark.django_db
def test_public_policy_allows_no_inline_script_or_style_at_all(client):
    policy = client.get("/")["Content-Security-Policy"]

    assert "script-src 'self';" in policy
    assert "style-src 'self';" in policy
    assert "object-src 'none'" in policy


def test_admin_policy_allows_the_import_map_by_hash_and_no_other_inline_script():
    import_map = b'{"imports": {"django-prose-editor/editor": "/static/editor.js"}}'
    injected = b"alert(document.cookie)"
    html = (
        b'<script type="importmap">' + import_map + b"</script>"
        b"<script>" + injected + b"</script><script src='/static/x.js'></script>"
    )

    policy = security.admin_policy(html)

    assert security._hash(import_map) in policy
    assert security._hash(injected) not in policy
    assert "unsafe-inline" not in policy


@pytest.mark.django_db
def test_a_readers_get_sets_no_cookie_and_does_not_vary_on_cookie(client):
    for url in public_urls():
        response = client.get(url)
        assert response.status_code in (200, 404), url
        assert not response.cookies, (url, response.cookies)
        assert "cookie" not in response.get("Vary", "").lower(), url


@pytest.mark.django_db
def test_a_logged_in_editor_reading_the_site_gets_a_cacheable_page_too(admin_client):
    admin_client.get("/admin/")  # the session and CSRF cookies an editor has

    for url in public_urls():
        response = admin_client.get(url)
        assert not response.cookies, (url, response.cookies)
        assert "cookie" not in response.get("Vary", "").lower(), url


def test_healthz_says_the_process_is_alive(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_readyz_is_ready_when_the_database_answers(client):
    assert client.get("/readyz").status_code == 200


def closed_port():
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        return listener.getsockname()[1]  # closed again when the block ends


@pytest.mark.django_db
def test_readyz_is_503_when_the_database_cannot_be_reached(client, tmp_path):
    """A real failure: the default connection points at a database that is not there."""
    working = connections["default"]
    if working.vendor == "sqlite":
        broken_settings = {**working.settings_dict, "NAME": str(tmp_path / "gone" / "db.sqlite3")}
    else:
        broken_settings = {**working.settings_dict, "HOST": "127.0.0.1", "PORT": closed_port()}
    broken = working.__class__(broken_settings, "default")
    connections["default"] = broken
    try:
        response = client.get("/readyz")
    finally:
        connections["default"] = working
        broken.close()

    assert response.status_code == 503
    assert "no-cache" in response["Cache-Control"]
    assert client.get("/readyz").status_code == 200


def manage(*args, **env):
    """Run manage.py in a fresh process with only the given configuration variables."""
    clean_env = {key: value for key, value in os.environ.items() if key not in CONFIG_VARIABLES}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env={**clean_env, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


CONFIG_VARIABLES = {
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SILENCE_HSTS_CHECK",
    "CSRF_TRUSTED_ORIGINS",
    "DJANGO_ALLOW_ASYNC_UNSAFE",  # set for the browser tests; never in production
}


def test_check_deploy_reports_nothing_with_production_variables():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="news.example.org",
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_settings_refuse_to_start_without_a_secret_key_when_debug_is_off():
    result = manage("check")

    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


@pytest.mark.django_db
@pytest.mark.parametrize(("code", "prefix"), PREFIXES.items())
def test_a_missing_page_is_a_404_in_the_page_shell_in_every_language(client, code, prefix):
    response = client.get(f"{prefix}/det-har-finns-inte/")

    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{code}">' in html
    assert 'class="skip-link" href="#main"' in html
    assert '<main id="main"' in html
    assert 'class="site-header"' in html
    with translation.override(code):
        assert f'href="{reverse("home")}"' in html


@override_settings(ROOT_URLCONF="tests.newsroom.failing_urls")
@pytest.mark.parametrize(("code", "prefix"), PREFIXES.items())
def test_a_failure_shows_the_500_page_without_touching_the_database(client, code, prefix):
    # No django_db mark: any database query here would fail the test.
    client.raise_request_exception = False

    response = client.get(f"{prefix}/fail/")

    assert response.status_code == 500
    html = response.content.decode()
    assert f'<html lang="{code}">' in html
    assert 'class="skip-link" href="#main"' in html
    assert f'class="site-header__name" href="{prefix}/"' in html
    assert '<main id="main"' in html
    assert "<h1" in html
    assert_security_headers(response)
