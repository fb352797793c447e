"""Outage benchmark for "Was this page helpful?": answers keep coming while workers are killed.

The outside battery's load case: gunicorn with 3 workers on PostgreSQL, readers answering at the
same time - a quarter of the answers sent twice at once, as a double click would - while every
KILL_EVERY seconds one worker is killed with SIGKILL (gunicorn's master starts a new one). A
reader whose connection is cut retries the same answer, as a reader would click again, so every
answer is acknowledged in the end. Then the table is checked: the number of acknowledged answers
must equal the number of rows, with no answer stored twice and no 5xx, and every killed worker
must have been replaced.

Starts gunicorn on a free loopback port (traffic only to 127.0.0.1) against a fresh database
(BENCH_OUTAGE_DATABASE_URL, or DATABASE_URL's server with the database newsroom_outage, default
postgres://postgres@127.0.0.1:5432/newsroom_outage; dropped and created here). Bounded in count
and time: BENCH_OUTAGE_ANSWERS (default 3000) answers at most, for BENCH_OUTAGE_SECONDS (61) at
most, from BENCH_OUTAGE_THREADS (12) readers; BENCH_OUTAGE_KILL_EVERY (20) seconds between kills.
Not part of the test suite: `make bench`.
"""

import http.client
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import psycopg
from django.core import signing
from feedback_load import ACTION, COMMENT_SALT, REF, TOKEN, free_port, fresh_database

ROOT = Path(__file__).resolve().parent.parent
WORKERS = 3
ANSWERS = int(os.environ.get("BENCH_OUTAGE_ANSWERS", 3000))
THREADS = int(os.environ.get("BENCH_OUTAGE_THREADS", 12))
SECONDS = float(os.environ.get("BENCH_OUTAGE_SECONDS", 61))
KILL_EVERY = float(os.environ.get("BENCH_OUTAGE_KILL_EVERY", 20))
ATTEMPTS = 8  # per request, when the connection is cut
CUT = (ConnectionError, http.client.HTTPException, TimeoutError)


def outage_database_url():
    if os.environ.get("BENCH_OUTAGE_DATABASE_URL"):
        return os.environ["BENCH_OUTAGE_DATABASE_URL"]
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        url = "postgres://postgres@127.0.0.1:5432/newsroom_outage"
    return urlsplit(url)._replace(path="/newsroom_outage").geturl()


DATABASE_URL = outage_database_url()


class Tally:
    """What the readers saw, shared between their threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.statuses = Counter()
        self.cut = 0  # requests whose connection was cut and were sent again
        self.acknowledged = set()  # submission ids
        self.posts = 0
        self.given = 0  # answers, each on a page of its own (a double click is one answer)
        self.double = 0
        self.unacknowledged = 0  # posts that were never acknowledged
        self.pages_failed = 0  # pages that could not be loaded

    def add(self, **counts):
        with self.lock:
            for name, value in counts.items():
                setattr(self, name, getattr(self, name) + value)


class Tickets:
    """The answers' numbers, 0 to ``count`` - 1, handed out once each to the reader threads."""

    def __init__(self, count):
        self.lock = threading.Lock()
        self.next = 0
        self.count = count

    def take(self):
        with self.lock:
            if self.next >= self.count:
                return None
            self.next += 1
            return self.next - 1


def send(port, method, path, tally, body=None, headers=None):
    """``(status, text)``, sent again when the connection is cut; ``None`` if it never got one."""
    for attempt in range(ATTEMPTS):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            status, text = response.status, response.read().decode()
        except CUT:
            tally.add(cut=1)
            time.sleep(0.1 * (attempt + 1))
            continue
        finally:
            connection.close()
        with tally.lock:
            tally.statuses[status] += 1
        if status >= 500:
            time.sleep(0.1 * (attempt + 1))
            continue
        return status, text
    return None


def answer(port, tally, secret, token, action, helpful):
    """Post the answer until it is acknowledged; record its submission id."""
    origin = f"http://127.0.0.1:{port}"
    headers = {
        "Origin": origin,
        "Accept": "application/json",
        "Content-Type": "application/x-www-form-urlencoded",
    }
    body = urlencode({"token": token, "helpful": helpful})
    tally.add(posts=1)
    result = send(port, "POST", action, tally, body, headers)
    if result is None or result[0] != 200:
        tally.add(unacknowledged=1)
        return
    ref = REF.search(json.loads(result[1])["html"]).group(1)
    payload = signing.loads(ref, key=secret, salt=COMMENT_SALT, fallback_keys=[])
    with tally.lock:
        tally.acknowledged.add(payload["s"])


def reader(port, tally, secret, tickets, stop_at):
    """Load the page and answer it, again and again, until the answers or the time run out."""
    while time.monotonic() < stop_at:
        index = tickets.take()
        if index is None:
            return
        page = send(port, "GET", "/en/", tally)
        if page is None or page[0] != 200:
            tally.add(pages_failed=1)
            continue
        token, action = TOKEN.search(page[1]).group(1), ACTION.search(page[1]).group(1)
        helpful = "yes" if index % 3 else "no"
        tally.add(given=1)
        if index % 4 == 0:  # a double click: the same answer twice, at the same time
            tally.add(double=1)
            twin = threading.Thread(
                target=answer, args=(port, tally, secret, token, action, helpful)
            )
            twin.start()
            answer(port, tally, secret, token, action, helpful)
            twin.join()
        else:
            answer(port, tally, secret, token, action, helpful)


def workers_of(master):
    """The pids of gunicorn's workers: the master's children."""
    try:
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    except OSError:
        return set()
    return {int(pid) for pid in children}


def killer(master, stop_at, kills):
    """SIGKILL one worker every KILL_EVERY seconds; record each kill and when it was replaced."""
    started = time.monotonic()
    next_kill = started + KILL_EVERY
    while next_kill < stop_at:
        time.sleep(max(0, next_kill - time.monotonic()))
        workers = workers_of(master)
        if not workers:
            return
        victim = min(workers)
        os.kill(victim, signal.SIGKILL)  # one of the workers of the gunicorn this script started
        killed_at = time.monotonic()
        replaced = None
        while time.monotonic() - killed_at < 15:
            now_workers = workers_of(master)
            if victim not in now_workers and len(now_workers) == WORKERS:
                replaced = time.monotonic() - killed_at
                break
            time.sleep(0.05)
        kills.append((victim, killed_at - started, replaced))
        next_kill += KILL_EVERY


def main():
    fresh_database(DATABASE_URL)
    secret = secrets.token_urlsafe(50)
    data_dir = tempfile.mkdtemp(prefix="newsroom-outage-")  # uploads, page cache
    static_root = tempfile.mkdtemp(prefix="newsroom-outage-static-")
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": secret,
        "DATABASE_URL": DATABASE_URL,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "SILENCE_HSTS_CHECK": "1",
        "DATA_DIR": data_dir,
        "STATIC_ROOT": static_root,
        "FEEDBACK_MIN_SECONDS": "0",
        "FEEDBACK_RATE_LIMIT": str(10 * ANSWERS),  # one client address sends every answer
        "LOG_LEVEL": "ERROR",
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
            str(WORKERS),
            "--no-control-socket",
            "--log-level",
            "error",
        ],
        env=env,
        cwd=ROOT,
    )
    try:
        ready(port, server)
        ok = run(port, secret, server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(data_dir, ignore_errors=True)
        shutil.rmtree(static_root, ignore_errors=True)
    if not ok:
        sys.exit(1)


def ready(port, server):
    for _attempt in range(600):
        if server.poll() is not None:
            sys.exit("gunicorn exited before it was ready")
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        try:
            connection.request("GET", "/readyz")
            if connection.getresponse().status == 200 and len(workers_of(server.pid)) == WORKERS:
                return
        except OSError:
            pass
        finally:
            connection.close()
        time.sleep(0.1)
    sys.exit("gunicorn did not become ready")


def run(port, secret, master):
    tally = Tally()
    tickets = Tickets(ANSWERS)
    started = time.monotonic()
    stop_at = started + SECONDS
    kills = []
    threads = [threading.Thread(target=killer, args=(master, stop_at, kills))]
    threads += [
        threading.Thread(target=reader, args=(port, tally, secret, tickets, stop_at))
        for _ in range(THREADS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started

    with psycopg.connect(DATABASE_URL) as connection:
        rows = Counter(
            dict(
                connection.execute(
                    "SELECT submission_id::text, count(*) FROM feedback_feedback GROUP BY 1"
                )
            )
        )
    stored = sum(rows.values())
    duplicates = sum(1 for count in rows.values() if count > 1)
    acknowledged = len(tally.acknowledged)
    missing = sum(1 for submission in tally.acknowledged if rows.get(submission, 0) != 1)
    unacknowledged_rows = len(set(rows) - tally.acknowledged)
    server_errors = sum(n for status, n in tally.statuses.items() if status >= 500)
    replaced = [seconds for _pid, _at, seconds in kills if seconds is not None]

    print(
        f"gunicorn: {WORKERS} workers on PostgreSQL; {len(kills)} killed with SIGKILL, at "
        + ", ".join(f"{at:.0f} s" for _pid, at, _seconds in kills)
        + f"; {len(replaced)} replaced"
        + (f", within {max(replaced):.2f} s" if replaced else "")
    )
    print(
        f"answers: {tally.given} in {elapsed:.1f} s from {THREADS} readers, "
        f"{tally.double} sent twice at once ({tally.posts} posts); "
        f"pages that failed to load: {tally.pages_failed}"
    )
    print(f"statuses: {dict(sorted(tally.statuses.items()))}")
    print(f"connections cut by the kills and sent again: {tally.cut}")
    print(
        f"acknowledged = stored: {acknowledged} acknowledged answers, {stored} rows; "
        f"duplicates {duplicates}, missing {missing}, rows never acknowledged "
        f"{unacknowledged_rows}, posts never acknowledged {tally.unacknowledged}, "
        f"5xx {server_errors}"
    )
    ok = (
        acknowledged == stored == tally.given
        and not (duplicates or missing or unacknowledged_rows or tally.unacknowledged)
        and not tally.pages_failed
        and not server_errors
        and kills
        and len(replaced) == len(kills)
    )
    print("OK: acknowledged = stored through every kill" if ok else "FAILED")
    return ok


if __name__ == "__main__":
    main()
