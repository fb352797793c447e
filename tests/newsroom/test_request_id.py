"""Every request has a short id, sent back as X-Request-ID, shown on error pages and logged."""

import io
import json
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings
from django.utils import translation

from newsroom.logs import JsonFormatter, RequestIdFilter

ROOT = Path(__file__).resolve().parents[2]
PREFIXES = {"sv": "", "nb": "/nb", "nn": "/nn", "en": "/en"}
GENERATED = re.compile(r"[0-9a-f]{10}")


def test_every_response_carries_a_new_short_id(client):
    first = client.get("/healthz")["X-Request-ID"]
    second = client.get("/static/css/site.css")["X-Request-ID"]

    assert GENERATED.fullmatch(first)
    assert GENERATED.fullmatch(second)
    assert first != second


@pytest.mark.parametrize("incoming", ["abc-123", "0af7651916cd43dd8448eb211c80319c", "x" * 64])
def test_a_short_plain_id_from_a_proxy_is_kept(client, incoming):
    response = client.get("/healthz", headers={"X-Request-ID": incoming})

    assert response["X-Request-ID"] == incoming


@pytest.mark.parametrize(
    "incoming", ["", "x" * 65, "two words", "id\nInjected: line", "<script>", "ärende", "a_b"]
)
def test_any_other_id_is_replaced(client, incoming):
    response = client.get("/healthz", headers={"X-Request-ID": incoming})

    assert GENERATED.fullmatch(response["X-Request-ID"])


@pytest.fixture
def console():
    """What the configured log handler writes, as an operator reads it."""
    [handler] = [
        h
        for h in logging.getLogger().handlers
        if any(isinstance(f, RequestIdFilter) for f in h.filters)
    ]
    stream = io.StringIO()
    previous = handler.setStream(stream)
    yield stream
    handler.setStream(previous)


@override_settings(ROOT_URLCONF="tests.newsroom.error_urls")
@pytest.mark.parametrize(("language", "prefix"), PREFIXES.items())
def test_a_failure_is_a_500_whose_page_header_and_log_line_share_the_id(
    client, caplog, console, language, prefix
):
    # No django_db mark: the 500 page must not query the database.
    client.raise_request_exception = False

    with caplog.at_level(logging.ERROR):
        response = client.get(f"{prefix}/fail/")

    assert response.status_code == 500
    assert "no-store" in response["Cache-Control"]
    request_id = response["X-Request-ID"]
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    with translation.override(language):
        assert f"{translation.gettext('Error code')}: <strong>{request_id}</strong>" in html
    [record] = [r for r in caplog.records if r.name == "django.request"]
    assert record.getMessage() == f"Internal Server Error: {prefix}/fail/"
    assert record.request_id == request_id
    assert record.status_code == 500
    assert record.exc_info[0] is RuntimeError
    line = next(line for line in console.getvalue().splitlines() if "django.request" in line)
    assert f"ERROR django.request [{request_id}] Internal Server Error: {prefix}/fail/" in line
    assert "RuntimeError: Deliberate failure" in console.getvalue()


def test_the_swedish_500_page_says_felkod(client):
    client.raise_request_exception = False

    with override_settings(ROOT_URLCONF="tests.newsroom.error_urls"):
        html = client.get("/fail/").content.decode()

    with translation.override("sv"):
        assert f"{translation.gettext('Error code')}: <strong>" in html
    assert "Något gick fel" in html


def record(message="Service Unavailable: %s", *args, exc_info=None, **extra):
    made = logging.LogRecord("django.request", logging.ERROR, __file__, 1, message, args, exc_info)
    made.__dict__.update(extra)
    return made


class FakeRequest:
    """What the filter reads of a request: its id and path."""

    request_id = "abc-123"
    path = "/en/news/"


def test_the_json_formatter_writes_one_parseable_object_per_line():
    try:
        raise RuntimeError('database said "no"\nsecond line')
    except RuntimeError:
        exc_info = sys.exc_info()
    entry = record(
        "Service Unavailable: %s",
        "/sv/sök/ å ä ö",
        exc_info=exc_info,
        request=FakeRequest(),
        status_code=503,
    )
    RequestIdFilter().filter(entry)

    line = JsonFormatter().format(entry)

    assert "\n" not in line
    data = json.loads(line)
    assert data["level"] == "ERROR"
    assert data["logger"] == "django.request"
    assert data["message"] == "Service Unavailable: /sv/sök/ å ä ö"
    assert data["request_id"] == "abc-123"
    assert data["path"] == "/en/news/"
    assert data["status"] == 503
    assert 'RuntimeError: database said "no"\nsecond line' in data["exception"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", data["time"])


def test_a_record_outside_a_request_has_no_id_path_or_status():
    entry = record("Purged %d comments", 3)
    RequestIdFilter().filter(entry)

    data = json.loads(JsonFormatter().format(entry))

    assert data["message"] == "Purged 3 comments"
    assert (data["request_id"], data["path"], data["status"], data["exception"]) == (
        None,
        None,
        None,
        None,
    )
    assert entry.request_id == "-"  # in the text format


def manage(*args, **env):
    names = {"DEBUG", "LOG_FORMAT", "LOG_LEVEL", "DATABASE_URL"}
    clean = {key: value for key, value in os.environ.items() if key not in names}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, "DEBUG": "1", **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


LOG_A_LINE = "import logging; logging.getLogger('newsroom.check').warning('Disk %s full', 'is')"


def test_log_format_json_writes_json_lines():
    result = manage("shell", "-c", LOG_A_LINE, LOG_FORMAT="json")

    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stderr.splitlines() if line.strip()]
    [entry] = [entry for entry in lines if entry["logger"] == "newsroom.check"]
    assert entry["level"] == "WARNING"
    assert entry["message"] == "Disk is full"
    assert entry["request_id"] is None


def test_log_format_text_is_the_default():
    result = manage("shell", "-c", LOG_A_LINE)

    assert result.returncode == 0, result.stderr
    assert re.search(r"^\S+ \S+ WARNING newsroom\.check \[-\] Disk is full$", result.stderr, re.M)


def test_an_unknown_log_format_stops_the_process():
    result = manage("check", LOG_FORMAT="xml")

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "LOG_FORMAT must be one of text, json" in result.stderr
