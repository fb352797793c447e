"""Real servers for tests that need several processes: a database of the test's own and
gunicorn with several workers on it (pytest-django's test database is invisible to them).

The database is a temporary SQLite file, or, when the suite runs on PostgreSQL
(DATABASE_URL), a temporary database on that server, made with ``createdb`` and dropped after.
"""

import http.client
import os
import socket
import subprocess
import sys
import time
import uuid
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
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


def manage(env, *args):
    """``manage.py`` in a subprocess with ``env``; its output."""
    command = [sys.executable, "manage.py", *args]
    return subprocess.run(
        command, env=env, cwd=ROOT, check=True, capture_output=True, text=True, timeout=300
    ).stdout


@contextmanager
def gunicorn(env, tmp_path, workers):
    """Migrate ``env``'s database, serve it with gunicorn on a free loopback port until
    ``/readyz`` answers; yields ``(port, access_log)`` (lines: pid method path status)."""
    manage(env, "migrate", "--no-input", "-v", "0")
    port = free_port()
    access_log = tmp_path / "access.log"
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "newsroom.wsgi",
        *("--workers", str(workers), "--bind", f"127.0.0.1:{port}", "--no-control-socket"),
        *("--access-logfile", str(access_log), "--access-logformat", "%(p)s %(m)s %(U)s %(s)s"),
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
