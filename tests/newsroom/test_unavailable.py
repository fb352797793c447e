"""While the database cannot be used, readers get a 503 page in their language, never a 500."""

import logging
import re

import pytest
from django.db import connection, connections
from django.utils import translation

from newsroom.core import pagecache

from . import outage
from .feedback.conftest import ORIGIN, REF, endpoint, form_token, post_answer

PREFIXES = {"sv": "", "nb": "/nb", "nn": "/nn", "en": "/en"}
PHONE = "+46 8 123 456 78"
EMAIL = "info@myndigheten.example"


@pytest.fixture(autouse=True)
def _contact(settings):
    settings.SITE_NAME = "Exempelmyndigheten"
    settings.SITE_CONTACT_PHONE = PHONE
    settings.SITE_CONTACT_EMAIL = EMAIL
    settings.FEEDBACK_MIN_SECONDS = 0


@pytest.fixture
def database_down(tmp_path):
    with outage.default_database(outage.unreachable_settings(tmp_path)):
        yield


def assert_unavailable(
    response, language, heading="The website is temporarily unavailable", *, public=True
):
    """The 503 page in ``language``: the site's shell, what happened, whom to call, the code."""
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    if public:  # the admin may use its cookies
        assert not response.cookies
        assert "cookie" not in response.get("Vary", "").lower()
    policy = response["Content-Security-Policy"]
    assert "unsafe-inline" not in policy
    assert "default-src 'self'" in policy
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert 'class="skip-link" href="#main"' in html
    assert 'class="site-header__name"' in html
    assert ">Exempelmyndigheten</a>" in html
    assert '<main id="main"' in html
    assert "<style" not in html
    assert " style=" not in html
    assert all("src=" in tag for tag in re.findall(r"<script[^>]*>", html))
    with translation.override(language):
        assert translation.gettext("Skip to main content") in html
        assert f'<h1 class="page-title">{translation.gettext(heading)}</h1>' in html
        assert f"{translation.gettext('Phone')}: " in html
        assert f"{translation.gettext('Error code')}: <strong>{response['X-Request-ID']}" in html
    assert 'href="tel:+46812345678"' in html
    assert f'href="mailto:{EMAIL}"' in html
    return html


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "prefix"), PREFIXES.items())
def test_a_page_is_503_in_the_readers_language_while_the_database_is_down(
    client, database_down, language, prefix
):
    response = client.get(f"{prefix}/")

    html = assert_unavailable(response, language)
    assert f'class="site-header__name" href="{prefix}/"' in html


@pytest.mark.django_db
def test_the_swedish_page_is_in_swedish(client, database_down):
    html = client.get("/").content.decode()

    assert "Hoppa till huvudinnehållet" in html
    assert "Telefon: " in html


@pytest.mark.django_db
def test_the_503_is_logged_as_an_error_with_its_traceback_and_request_id(
    client, database_down, caplog
):
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = client.get("/en/")

    [record] = [r for r in caplog.records if r.name == "django.request"]
    assert record.levelno == logging.ERROR
    assert record.getMessage() == "Service Unavailable: /en/"
    assert record.exc_info is not None
    assert record.status_code == 503
    assert record.request_id == response["X-Request-ID"]


@pytest.mark.django_db
def test_a_missing_page_while_the_database_is_down_is_503_not_500(client, database_down, caplog):
    """The 404 page's shell reads the site settings: that failure goes to handler500."""
    client.raise_request_exception = False

    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = client.get("/en/no-such-page/")

    assert_unavailable(response, "en")
    [record] = [r for r in caplog.records if r.name == "django.request"]
    assert record.getMessage() == "Service Unavailable: /en/no-such-page/"
    assert record.exc_info is not None
    assert record.request_id == response["X-Request-ID"]


@pytest.mark.django_db
def test_the_admin_is_503_in_the_editors_language(admin_client, tmp_path):
    admin_client.get("/admin/")  # logged in: the next request reads the session

    with outage.default_database(outage.unreachable_settings(tmp_path)):
        response = admin_client.get("/admin/", headers={"Accept-Language": "nb"})

    assert_unavailable(response, "nb", public=False)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["sv", "en"])
def test_an_answer_posted_while_the_database_is_down_is_not_saved_and_the_reader_is_told(
    client, tmp_path, language
):
    token = form_token(client, PREFIXES[language] + "/")

    with outage.default_database(outage.unreachable_settings(tmp_path)):
        response = post_answer(client, token, "yes", url=endpoint("answer", language))

    assert_unavailable(response, language, heading="Your answer was not saved")


@pytest.mark.django_db
def test_the_feedback_script_gets_the_message_to_show_in_place(client, tmp_path):
    token = form_token(client, "/en/")

    with outage.default_database(outage.unreachable_settings(tmp_path)):
        response = post_answer(client, token, "no", json=True, url=endpoint("answer", "en"))

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    assert "your answer was not saved" in response.json()["error"]


@pytest.mark.django_db
def test_a_comment_posted_while_the_database_is_down_is_not_saved_and_the_reader_is_told(
    client, tmp_path
):
    token = form_token(client, "/en/")
    answered = post_answer(client, token, "no", json=True, url=endpoint("answer", "en"))
    ref = REF.search(answered.json()["html"]).group(1)

    with outage.default_database(outage.unreachable_settings(tmp_path)):
        response = client.post(
            endpoint("comment", "en"),
            {"ref": ref, "comment": "The text was hard to follow.", "fb_leave_empty": ""},
            headers={"Origin": ORIGIN},
        )

    assert_unavailable(response, "en", heading="Your comment was not saved")


@pytest.mark.django_db
def test_the_site_answers_again_once_the_database_is_back(client, tmp_path):
    with outage.default_database(outage.unreachable_settings(tmp_path)):
        assert client.get("/en/").status_code == 503

    assert client.get("/en/").status_code == 200


@pytest.mark.django_db
def test_a_connection_the_server_dropped_gives_a_503(client):
    """As when PostgreSQL restarts: the server ends the backend of a kept connection."""
    if connection.vendor != "postgresql":
        pytest.skip("the server ends a backend on PostgreSQL only")
    own = connections["default"]
    with outage.default_database(own.settings_dict) as kept:
        assert client.get("/en/").status_code == 200
        with own.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", [kept.connection.info.backend_pid])
        pagecache.invalidate()  # a change: the page is no longer in the worker's memory

        response = client.get("/en/")

    assert_unavailable(response, "en")
