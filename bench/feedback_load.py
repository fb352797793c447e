"""Load benchmark for "Was this page helpful?": concurrent answers against gunicorn on PostgreSQL.

Starts gunicorn on a free loopback port against a fresh benchmark database (BENCH_DATABASE_URL, or
the server of DATABASE_URL with the database newsroom_bench, default
postgres://postgres@127.0.0.1:5432/newsroom_bench; dropped and created here), submits answers
from many threads - a quarter of them twice at once, as a double click would - and then checks
the table: every acknowledged answer is stored exactly once and no request failed with a 5xx.
Prints submissions per second and the count check. Not part of the test suite: `make bench`.

Environment: BENCH_ANSWERS (default 400), BENCH_THREADS (16), BENCH_SECONDS (120, an upper bound).
"""

import http.client
import json
import os
import re
import secrets
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import psycopg
from django.core import signing

ROOT = Path(__file__).resolve().parent.parent


def bench_database_url():
    """BENCH_DATABASE_URL as given; otherwise DATABASE_URL's server with a database of our own,
    as this script drops and recreates it."""
    if os.environ.get("BENCH_DATABASE_URL"):
        return os.environ["BENCH_DATABASE_URL"]
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        url = "postgres://postgres@127.0.0.1:5432/newsroom_bench"
    return urlsplit(url)._replace(path="/newsroom_bench").geturl()


DATABASE_URL = bench_database_url()
ANSWERS = int(os.environ.get("BENCH_ANSWERS", 400))
THREADS = int(os.environ.get("BENCH_THREADS", 16))
SECONDS = float(os.environ.get("BENCH_SECONDS", 120))
TOKEN = re.compile(r'name="token" value="([^"]+)"')
ACTION = re.compile(r'<form[^>]*action="([^"]+)"[^>]*data-feedback-form')
REF = re.compile(r'name="ref" value="([^"]+)"')
COMMENT_SALT = "newsroom.feedback.comment"  # newsroom/feedback/tokens.py


def fresh_database(url):
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if not re.fullmatch(r"[a-z0-9_]+", name) or parts.hostname not in {"127.0.0.1", "localhost"}:
        sys.exit(
            f"Refusing to recreate database {name!r} on {parts.hostname}: use a local bench db."
        )
    admin_url = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


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


def wait_until_ready(port, server, deadline=60):
    start = time.monotonic()
    while time.monotonic() - start < deadline:
        if server.poll() is not None:
            sys.exit("gunicorn exited before it was ready")
        try:
            if request(port, "GET", "/readyz")[0] == 200:
                return
        except OSError:
            time.sleep(0.2)
    sys.exit("gunicorn did not become ready")


def main():
    fresh_database(DATABASE_URL)
    secret = secrets.token_urlsafe(50)
    static_root = tempfile.mkdtemp(prefix="newsroom-bench-static-")
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": secret,
        "DATABASE_URL": DATABASE_URL,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "SILENCE_HSTS_CHECK": "1",
        "STATIC_ROOT": static_root,
        "FEEDBACK_MIN_SECONDS": "0",
        "FEEDBACK_RATE_LIMIT": str(10 * ANSWERS),  # one client address sends every answer
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--no-input", "-v", "0"], env=env, cwd=ROOT, check=True)
    subprocess.run(
        [*manage, "collectstatic", "--no-input", "-v", "0"], env=env, cwd=ROOT, check=True
    )
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "newsroom.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "4",
            "--threads",
            "4",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
    )
    try:
        wait_until_ready(port, server)
        run(port, secret)
    finally:
        server.terminate()
        server.wait(timeout=30)


def run(port, secret):
    origin = f"http://127.0.0.1:{port}"
    headers = {
        "Origin": origin,
        "Accept": "application/json",
        "Content-Type": "application/x-www-form-urlencoded",
    }
    statuses = Counter()
    acknowledged = []
    lock = threading.Lock()
    stop_at = time.monotonic() + SECONDS

    def post(token, index, action):
        body = urlencode({"token": token, "helpful": "yes" if index % 3 else "no"})
        status, text = request(port, "POST", action, body, headers)
        with lock:
            statuses[status] += 1
            if status == 200:
                ref = REF.search(json.loads(text)["html"]).group(1)
                payload = signing.loads(ref, key=secret, salt=COMMENT_SALT, fallback_keys=[])
                acknowledged.append((payload["i"], payload["s"]))

    tokens = []
    for _index in range(ANSWERS):
        status, html = request(port, "GET", "/en/")
        if status != 200:
            sys.exit(f"GET /en/ answered {status}")
        tokens.append((TOKEN.search(html).group(1), ACTION.search(html).group(1)))

    jobs = []
    for index, (token, action) in enumerate(tokens):
        jobs.append((token, index, action))
        if index % 4 == 0:  # a double click: the same answer twice, at the same time
            jobs.append((token, index, action))

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        futures = [pool.submit(post, *job) for job in jobs]
        for future in futures:
            future.result(timeout=max(1, stop_at - time.monotonic()))
    elapsed = time.monotonic() - started

    rows = Counter()
    with psycopg.connect(DATABASE_URL) as connection:
        for submission_id, count in connection.execute(
            "SELECT submission_id::text, count(*) FROM feedback_feedback GROUP BY 1"
        ):
            rows[submission_id] = count
    acknowledged_ids = {submission_id for _pk, submission_id in acknowledged}
    server_errors = sum(n for status, n in statuses.items() if status >= 500)
    duplicates = sum(1 for count in rows.values() if count > 1)
    missing = [s for s in acknowledged_ids if rows.get(s, 0) != 1]
    unacknowledged = set(rows) - acknowledged_ids

    print(f"posts: {len(jobs)} ({ANSWERS} answers, {len(jobs) - ANSWERS} double clicks)")
    print(f"statuses: {dict(sorted(statuses.items()))}")
    print(f"submissions per second: {len(jobs) / elapsed:.1f} ({THREADS} threads, {elapsed:.2f} s)")
    print(
        f"count check: {len(acknowledged_ids)} acknowledged answers, {sum(rows.values())} rows, "
        f"ratio {sum(rows.values()) / max(1, len(acknowledged_ids)):.3f}, "
        f"duplicates {duplicates}, missing {len(missing)}, 5xx {server_errors}"
    )
    ok = not (server_errors or duplicates or missing or unacknowledged)
    ok = ok and len(acknowledged_ids) == ANSWERS
    print("OK: every acknowledged answer stored exactly once" if ok else "FAILED")
    if not ok:
        sys.exit(1)


if __name__ == "__main__":
    main()
