"""A stalled database fails requests fast instead of holding them, and never holds /healthz."""

import http.client
import json
import os
import shlex
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection, connections
from django.test import override_settings

from . import outage

ROOT = Path(__file__).resolve().parents[2]
ERROR_URLS = "tests.newsroom.error_urls"


def database_options(**env):
    """settings.DATABASES["default"]["OPTIONS"] in a fresh process with ``env``."""
    names = {"DEBUG", "DATABASE_URL"} | {
        name for name in os.environ if name.startswith("DATABASE_")
    }
    clean = {key: value for key, value in os.environ.items() if key not in names}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import json; from newsroom import settings; "
            "print(json.dumps(settings.DATABASES['default'].get('OPTIONS')))",
        ],
        cwd=ROOT,
        env={**clean, "DEBUG": "1", **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    return result.returncode, result.stdout, result.stderr


POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/newsroom"


def test_postgresql_connections_start_with_the_connect_and_statement_timeouts():
    code, out, err = database_options(DATABASE_URL=POSTGRES_URL)
    assert code == 0, err
    assert json.loads(out) == {"connect_timeout": 3, "options": "-c statement_timeout=5000"}

    code, out, err = database_options(
        DATABASE_URL=POSTGRES_URL + "?options=-c%20search_path%3Dnews",
        DATABASE_CONNECT_TIMEOUT="7",
        DATABASE_STATEMENT_TIMEOUT_MS="1500",
    )
    assert code == 0, err
    assert json.loads(out) == {
        "connect_timeout": 7,
        "options": "-c search_path=news -c statement_timeout=1500",
    }


def test_sqlite_waits_for_a_lock_as_long_as_a_statement_may_run():
    code, out, err = database_options(DATABASE_STATEMENT_TIMEOUT_MS="2500")

    assert code == 0, err
    assert json.loads(out) == {"timeout": 2.5}


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("DATABASE_CONNECT_TIMEOUT", "soon"),
        ("DATABASE_CONNECT_TIMEOUT", "1"),  # the PostgreSQL client waits 2 s at least
        ("DATABASE_STATEMENT_TIMEOUT_MS", "0"),  # a reader's request is always bounded
        ("DATABASE_STATEMENT_TIMEOUT_MS", "5s"),
        ("DATABASE_ADMIN_STATEMENT_TIMEOUT_MS", "-1"),
        ("DATABASE_COMMAND_STATEMENT_TIMEOUT_MS", "1.5"),
    ],
)
def test_a_timeout_that_cannot_be_read_stops_the_process(name, value):
    code, _out, err = database_options(DATABASE_URL=POSTGRES_URL, **{name: value})

    assert code != 0
    assert "ImproperlyConfigured" in err
    assert f"{name} must be a whole number" in err


postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's statement_timeout"
)


def fresh_connection(statement_timeout_ms):
    """The default database's settings with a shorter reader's timeout in the start-up options
    (the value the settings put there replaced), for a connection opened inside a request."""
    settings_dict = connections["default"].settings_dict
    options = settings_dict["OPTIONS"]["options"]
    configured = f"statement_timeout={settings.DATABASE_STATEMENT_TIMEOUT_MS}"
    assert configured in options
    shorter = options.replace(configured, f"statement_timeout={statement_timeout_ms}")
    return outage.default_database(
        {**settings_dict, "OPTIONS": {**settings_dict["OPTIONS"], "options": shorter}}
    )


@postgresql_only
@pytest.mark.django_db
@override_settings(ROOT_URLCONF=ERROR_URLS)
def test_a_readers_request_that_runs_too_long_is_a_503_not_a_wait(client):
    with fresh_connection(300):
        response = client.get("/en/sleep/", {"seconds": "30"}, headers={"Accept-Language": "sv"})

    assert response.status_code == 503
    assert response["Retry-After"]
    assert '<html lang="en">' in response.content.decode()


@postgresql_only
@pytest.mark.django_db
@override_settings(ROOT_URLCONF=ERROR_URLS, DATABASE_ADMIN_STATEMENT_TIMEOUT_MS=20_000)
def test_an_admin_request_may_run_longer_and_the_next_readers_request_may_not(client):
    with fresh_connection(300):
        assert client.get("/statement-timeout/").content == b"300"
        assert client.get("/admin/test-statement-timeout/").content == b"20000"
        assert client.get("/admin/test-sleep/", {"seconds": "0.6"}).status_code == 200
        # The same kept connection, back to the reader's timeout:
        assert client.get("/statement-timeout/").content == b"300"
        assert client.get("/sleep/", {"seconds": "0.6"}).status_code == 503


@postgresql_only
@pytest.mark.django_db
def test_work_outside_a_request_gets_the_commands_timeout():
    with fresh_connection(300) as fresh, fresh.cursor() as cursor:  # opened outside a request
        cursor.execute("SELECT setting FROM pg_settings WHERE name = 'statement_timeout'")
        assert cursor.fetchone()[0] == str(settings.DATABASE_COMMAND_STATEMENT_TIMEOUT_MS)
    assert settings.DATABASE_COMMAND_STATEMENT_TIMEOUT_MS > settings.DATABASE_STATEMENT_TIMEOUT_MS


def documented_gunicorn():
    """The gunicorn options of `make serve` (README documents the same), without --bind."""
    line = next(
        line for line in (ROOT / "Makefile").read_text().splitlines() if "gunicorn newsroom" in line
    )
    options = shlex.split(line.split("newsroom.wsgi", 1)[1])
    bind = options.index("--bind")
    return options[:bind] + options[bind + 2 :]


def get(port, path, timeout):
    """(status, headers, body) of GET ``path``; ``timeout`` only bounds a test that went wrong."""
    client = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        client.request("GET", path)
        response = client.getresponse()
        return response.status, dict(response.getheaders()), response.read().decode()
    finally:
        client.close()


@pytest.fixture
def stalled_site(tmp_path):
    """gunicorn as `make serve` runs it, on a database server that accepts and never answers."""
    with outage.SilentServer() as database:
        port = outage.closed_port()
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_", "DJANGO_"))},
            "DEBUG": "1",
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:{database.port}/newsroom",
            "DATABASE_CONNECT_TIMEOUT": "4",
            "DATA_DIR": str(tmp_path),
        }
        command = [sys.executable, "-m", "gunicorn", "newsroom.wsgi", *documented_gunicorn()]
        command += ["--bind", f"127.0.0.1:{port}", "--no-control-socket"]
        log = (tmp_path / "gunicorn.log").open("w")
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log)
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    get(port, "/healthz", timeout=5)
                    break
                except OSError:
                    assert server.poll() is None, (tmp_path / "gunicorn.log").read_text()
                    assert time.monotonic() < deadline, "gunicorn did not start"
                    time.sleep(0.2)
            yield port, database
        finally:
            server.send_signal(signal.SIGINT)
            server.wait(timeout=30)
            log.close()


def option(options, name):
    return int(options[options.index(name) + 1])


def test_healthz_answers_while_pages_wait_on_a_stalled_database(stalled_site):
    """Every thread of every worker but one waits on the database; /healthz gets that one.
    (With one thread a worker, or with workers that queue requests behind busy threads, it
    would wait.)"""
    port, database = stalled_site
    options = documented_gunicorn()
    stalled = option(options, "--workers") * option(options, "--threads") - 1
    pages = []
    waiting = [
        threading.Thread(target=lambda: pages.append(get(port, "/en/", timeout=30)))
        for _ in range(stalled)
    ]
    for thread in waiting:
        thread.start()
    assert database.wait_for_clients(stalled, timeout=15), "the pages never asked the database"

    health = get(port, "/healthz", timeout=5)

    assert all(thread.is_alive() for thread in waiting), "the pages should still be waiting"
    assert health[0] == 200
    assert get(port, "/readyz", timeout=30)[0] == 503
    for thread in waiting:
        thread.join(timeout=30)
    assert len(pages) == stalled
    for status, headers, body in pages:
        assert status == 503
        assert headers["Retry-After"] == "30"
        assert '<html lang="en">' in body
