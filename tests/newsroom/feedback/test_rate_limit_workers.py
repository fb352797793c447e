"""Several worker processes, one limit: gunicorn with 3 workers and one client posting past it.

gunicorn cannot see pytest-django's test database, so each test gives it a database of its own,
migrated with ``manage.py migrate`` in a subprocess: a temporary SQLite file, or, when the suite
runs on PostgreSQL (DATABASE_URL), a temporary database on that server, made with ``createdb``
and dropped afterwards. The client posts in concurrent rounds until every worker has served
answers (each worker would have counted on its own with a per-process count), then the number
accepted and the number stored must both be exactly the limit.
"""

import http.client
import os
import socket
import sqlite3
import subprocess
import sys
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest

from .conftest import TOKEN, endpoint
from .shared_cache import REDIS_URL, delete_keys, new_prefix, require_redis

ROOT = Path(__file__).resolve().parents[3]
WORKERS = 3
LIMIT = 4
CONCURRENT = 8  # posts at once in each round
ROUNDS = 12  # at most
POSTGRES_SCHEMES = ("postgres://", "postgresql://", "pgsql://")


def _postgres_tool_args(parts):
    return [
        "-h",
        parts.hostname or "127.0.0.1",
        "-p",
        str(parts.port or 5432),
        "-U",
        parts.username or "postgres",
    ]


@contextmanager
def scratch_database(tmp_path):
    """The URL of an empty database that only this test uses; dropped afterwards."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(POSTGRES_SCHEMES):
        yield f"sqlite:///{tmp_path / 'db.sqlite3'}"
        return
    parts = urlsplit(url)
    name = f"newsroom_workers_{uuid.uuid4().hex[:12]}"
    env = {**os.environ, "PGPASSWORD": parts.password or os.environ.get("PGPASSWORD", "")}
    args = _postgres_tool_args(parts)
    subprocess.run(["createdb", *args, name], env=env, check=True)
    try:
        yield parts._replace(path=f"/{name}").geturl()
    finally:
        subprocess.run(["dropdb", *args, "--force", name], env=env, check=False)


def stored_answers(database_url, table="feedback_feedback"):
    if database_url.startswith(POSTGRES_SCHEMES):
        import psycopg

        with psycopg.connect(database_url) as connection:
            return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    with sqlite3.connect(urlsplit(database_url).path[1:]) as connection:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def request(port, method, path, body=None, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.read().decode()
    finally:
        connection.close()


@contextmanager
def gunicorn(database_url, tmp_path, **environment):
    """gunicorn with 3 workers on a free loopback port; yields ``(port, access_log)``."""
    env = {
        **os.environ,
        "DEBUG": "1",
        "DATABASE_URL": database_url,
        "DATA_DIR": str(tmp_path),
        "FEEDBACK_MIN_SECONDS": "0",
        "FEEDBACK_RATE_LIMIT": str(LIMIT),
        "PAGE_CACHE_SECONDS": "0",  # every GET renders the page, with a form token of its own
        **environment,
    }
    migrate = [sys.executable, "manage.py", "migrate", "--no-input", "-v", "0"]
    subprocess.run(migrate, env=env, cwd=ROOT, check=True, capture_output=True)
    port = free_port()
    access_log = tmp_path / "access.log"
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "newsroom.wsgi",
        "--workers",
        str(WORKERS),
        "--bind",
        f"127.0.0.1:{port}",
        "--no-control-socket",
        "--access-logfile",
        str(access_log),
        "--access-logformat",
        "%(p)s %(m)s %(U)s %(s)s",
    ]
    with (tmp_path / "gunicorn.log").open("wb") as output:
        server = subprocess.Popen(command, env=env, cwd=ROOT, stdout=output, stderr=output)
    try:
        for _attempt in range(300):
            assert server.poll() is None, (tmp_path / "gunicorn.log").read_text()
            try:
                if request(port, "GET", "/readyz")[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.1)
        else:
            pytest.fail("gunicorn did not become ready")
        yield port, access_log
    finally:
        server.terminate()
        server.wait(timeout=30)


def answer_once(port):
    """Load the page, then answer it from the one client address: the status of the answer."""
    status, html = request(port, "GET", "/")
    assert status == 200
    body = urlencode({"token": TOKEN.search(html).group(1), "helpful": "yes"})
    headers = {
        "Origin": f"http://127.0.0.1:{port}",
        "Accept": "application/json",
        "Content-Type": "application/x-www-form-urlencoded",
    }
    return request(port, "POST", endpoint("answer"), body, headers)[0]


def answering_workers(access_log):
    """The process ids of the workers that served answers."""
    answer_path = endpoint("answer")
    return {
        line.split()[0]
        for line in access_log.read_text().splitlines()
        if f" POST {answer_path} " in line
    }


def post_past_the_limit(port, access_log):
    """Concurrent rounds of answers until every worker has served some; their statuses."""
    statuses = Counter()
    with ThreadPoolExecutor(CONCURRENT) as pool:
        for _round in range(ROUNDS):
            statuses.update(pool.map(lambda _index: answer_once(port), range(CONCURRENT)))
            if len(answering_workers(access_log)) == WORKERS:
                break
    return statuses


def test_limit_is_exact_across_worker_processes_counting_in_the_database(tmp_path):
    with scratch_database(tmp_path) as database_url:
        with gunicorn(database_url, tmp_path) as (port, access_log):
            statuses = post_past_the_limit(port, access_log)
            workers = answering_workers(access_log)
        assert len(workers) >= 2, "the answers must have been served by several processes"
        assert statuses[200] == LIMIT
        assert statuses[429] == sum(statuses.values()) - LIMIT
        assert stored_answers(database_url) == LIMIT
        assert stored_answers(database_url, "feedback_ratecount") == 1


def test_limit_is_exact_across_worker_processes_counting_in_redis(tmp_path):
    require_redis()
    prefix = new_prefix()
    environment = {
        "DJANGO_SETTINGS_MODULE": "tests.newsroom.feedback.redis_settings",
        "TEST_REDIS_URL": REDIS_URL,
        "TEST_CACHE_PREFIX": prefix,
    }
    try:
        with scratch_database(tmp_path) as database_url:
            with gunicorn(database_url, tmp_path, **environment) as (port, access_log):
                statuses = post_past_the_limit(port, access_log)
                workers = answering_workers(access_log)
            assert len(workers) >= 2, "the answers must have been served by several processes"
            assert statuses[200] == LIMIT
            assert statuses[429] == sum(statuses.values()) - LIMIT
            assert stored_answers(database_url) == LIMIT
            assert stored_answers(database_url, "feedback_ratecount") == 0
    finally:
        delete_keys(prefix)
