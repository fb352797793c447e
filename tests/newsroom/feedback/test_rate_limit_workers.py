"""Several worker processes, one limit: gunicorn with 3 workers and one client posting past it.

gunicorn cannot see pytest-django's test database, so each test gives it a database of its own,
migrated with ``manage.py migrate`` in a subprocess: a temporary SQLite file, or, when the suite
runs on PostgreSQL (DATABASE_URL), a temporary database on that server, made with ``createdb``
and dropped afterwards. The client posts in concurrent rounds until every worker has served
answers (each worker would have counted on its own with a per-process count), then the number
accepted and the number stored must both be exactly the limit.
"""

import os
import sqlite3
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from urllib.parse import urlencode, urlsplit

from tests.servers import POSTGRES_SCHEMES, gunicorn, request, scratch_database

from .conftest import TOKEN, endpoint
from .shared_cache import REDIS_URL, delete_keys, new_prefix, require_redis

WORKERS = 3
LIMIT = 4
CONCURRENT = 8  # posts at once in each round
ROUNDS = 12  # at most


def stored_answers(database_url, table="feedback_feedback"):
    if database_url.startswith(POSTGRES_SCHEMES):
        import psycopg

        with psycopg.connect(database_url) as connection:
            return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    with sqlite3.connect(urlsplit(database_url).path[1:]) as connection:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


@contextmanager
def limited_site(database_url, tmp_path, **environment):
    """gunicorn with 3 workers and a limit of 4 answers; yields ``(port, access_log)``."""
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
    with gunicorn(env, tmp_path, WORKERS) as served:
        yield served


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
        with limited_site(database_url, tmp_path) as (port, access_log):
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
            with limited_site(database_url, tmp_path, **environment) as (port, access_log):
                statuses = post_past_the_limit(port, access_log)
                workers = answering_workers(access_log)
            assert len(workers) >= 2, "the answers must have been served by several processes"
            assert statuses[200] == LIMIT
            assert statuses[429] == sum(statuses.values()) - LIMIT
            assert stored_answers(database_url) == LIMIT
            assert stored_answers(database_url, "feedback_ratecount") == 0
    finally:
        delete_keys(prefix)
