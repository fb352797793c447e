"""The rate limit: exact, counted where every worker sees it, and only for posts that passed.

In-process tests of both places it counts in: the database (the default, as LocMem is per
process) and a shared Redis cache. test_rate_limit_workers.py runs it in several processes.
"""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import DatabaseError
from django.test import override_settings

from newsroom.feedback import ratelimit
from newsroom.feedback.models import Feedback, RateCount

from .conftest import REF, endpoint, form_token, post_answer, post_comment
from .shared_cache import REDIS_URL, redis_as_default_cache

ADDRESS = "203.0.113.77"


class CacheSpy:
    """Records every key and value handed to the default cache through Django's cache API.

    It wraps the configured backend's public methods, whatever the backend (LocMem, Redis, …),
    so nothing depends on a backend's private storage."""

    WRITES = ("add", "set", "get_or_set", "incr", "decr", "touch", "set_many")
    READS = ("get", "get_many", "has_key")

    def __init__(self, monkeypatch):
        self.backend = caches["default"]
        self.written = []  # (key, value) pairs
        self.read = []
        for name in self.WRITES + self.READS:
            monkeypatch.setattr(self.backend, name, self._wrap(name, getattr(self.backend, name)))

    def _wrap(self, name, method):
        def spy(*args, **kwargs):
            first = args[0] if args else kwargs.get("key", kwargs.get("keys", kwargs.get("data")))
            pairs = first.items() if isinstance(first, dict) else None
            if name in self.READS:
                self.read.extend(first if isinstance(first, list | tuple) else [first])
            elif pairs is not None:
                self.written.extend(pairs)
            else:
                self.written.append((first, args[1] if len(args) > 1 else kwargs.get("value")))
            return method(*args, **kwargs)

        return spy

    def rate_keys(self):
        return [key for key, _value in self.written if "feedback:rate" in str(key)]


def answers(client, count, *, remote_addr=ADDRESS, helpful="yes", **kwargs):
    """The statuses of ``count`` answers, each on a newly rendered page."""
    return [
        post_answer(client, form_token(client), helpful, remote_addr=remote_addr, **kwargs)
        for _ in range(count)
    ]


def statuses(responses):
    return [response.status_code for response in responses]


@pytest.mark.django_db
def test_exactly_the_limit_is_accepted(client, settings):
    settings.FEEDBACK_RATE_LIMIT = 3
    assert statuses(answers(client, 5)) == [303, 303, 303, 429, 429]
    assert Feedback.objects.count() == 3
    # Another client is not affected.
    assert statuses(answers(client, 1, remote_addr="192.0.2.9")) == [303]


@pytest.mark.django_db
def test_refusal_says_why_in_the_page_language(client, settings):
    settings.FEEDBACK_RATE_LIMIT = 1
    answers(client, 1)
    token = form_token(client, "/en/")
    response = post_answer(
        client, token, json=True, url=endpoint("answer", "en"), remote_addr=ADDRESS
    )
    assert response.status_code == 429
    assert "Many answers have been sent from your connection" in response.json()["error"]


@pytest.mark.django_db
def test_default_cache_is_per_process_so_the_database_counts(client, settings, monkeypatch):
    settings.FEEDBACK_RATE_LIMIT = 2
    spy = CacheSpy(monkeypatch)
    assert not ratelimit.counts_in_cache()
    assert statuses(answers(client, 3)) == [303, 303, 429]
    assert spy.rate_keys() == []
    assert list(RateCount.objects.values_list("count", flat=True)) == [3]
    # The count is in the database, so a cleared cache does not reset it.
    caches["default"].clear()
    assert statuses(answers(client, 1)) == [429]


@pytest.mark.parametrize(
    ("backend", "shared"),
    [
        ("django.core.cache.backends.locmem.LocMemCache", False),
        ("django.core.cache.backends.dummy.DummyCache", False),
        ("django.core.cache.backends.filebased.FileBasedCache", False),  # incr: read, then write
        ("django.core.cache.backends.db.DatabaseCache", False),  # incr: read, then write
        ("django.core.cache.backends.redis.RedisCache", True),
    ],
)
def test_which_caches_count(backend, shared, tmp_path, settings):
    location = {"FileBasedCache": str(tmp_path), "DatabaseCache": "cache_table"}.get(
        backend.rsplit(".", 1)[1], REDIS_URL if shared else ""
    )
    default = {"BACKEND": backend, "LOCATION": location}
    with override_settings(CACHES={**settings.CACHES, "default": default}):
        assert ratelimit.counts_in_cache() is shared


@pytest.mark.django_db
def test_stored_count_names_no_address_and_changes_key_every_window(client):
    assert statuses(answers(client, 2)) == [303, 303]
    row = RateCount.objects.values().get()
    assert row["count"] == 2
    assert ADDRESS not in str(row)
    assert len(row["key"]) == 64
    assert Feedback.objects.filter(comment__contains=ADDRESS).count() == 0
    now = datetime.now(tz=UTC)
    number, _start = ratelimit.current_window(now)
    assert ratelimit.client_key(ADDRESS, number) != ratelimit.client_key(ADDRESS, number + 1)
    assert ratelimit.client_key(ADDRESS, number) != ratelimit.client_key("192.0.2.1", number)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "forwarded",
    ["203.0.113.5, 198.51.100.7", "x" * 10000, "<script>", "'; DROP TABLE feedback_ratecount; --"],
)
def test_hostile_forwarded_header_is_counted_under_a_hash(client, settings, forwarded):
    settings.FEEDBACK_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.FEEDBACK_RATE_LIMIT = 1
    headers = {"X-Forwarded-For": forwarded}
    assert statuses(answers(client, 2, headers=headers)) == [303, 429]
    row = RateCount.objects.values().get()
    assert row["count"] == 2
    assert len(row["key"]) == 64
    assert forwarded.rsplit(",", 1)[-1].strip() not in str(row)


@pytest.mark.django_db
def test_a_new_window_starts_a_new_count_and_ended_windows_are_deleted(monkeypatch):
    monkeypatch.setattr(ratelimit, "_purged_before", None)
    first = datetime(2026, 3, 2, 9, 0, 30, tzinfo=UTC)
    assert [ratelimit.count_post(ADDRESS, now=first) for _ in range(3)] == [1, 2, 3]
    later = first + timedelta(seconds=569)  # 09:09:59, still the window of 09:00 to 09:10
    assert ratelimit.count_post(ADDRESS, now=later) == 4
    next_window = first + timedelta(minutes=10)
    assert ratelimit.count_post(ADDRESS, now=next_window) == 1
    # The first count of this process in the new window deleted the ended one.
    assert list(RateCount.objects.values_list("window_start", "count")) == [
        (datetime(2026, 3, 2, 9, 10, tzinfo=UTC), 1)
    ]


@pytest.mark.django_db
def test_purge_command_deletes_the_counts_of_ended_windows():
    _number, start = ratelimit.current_window()
    RateCount.objects.create(window_start=start - timedelta(minutes=10), key="a" * 64, count=4)
    RateCount.objects.create(window_start=start - timedelta(days=2), key="b" * 64, count=9)
    current = RateCount.objects.create(window_start=start, key="c" * 64, count=1)
    call_command("purge_feedback")
    assert list(RateCount.objects.all()) == [current]


# Refused posts do not use up the allowance.


def _invalid_posts(client, settings):
    """60 posts from one client, each refused, for every reason a post can be refused."""
    responses = []
    for _round in range(12):
        token = form_token(client)
        responses.append(post_answer(client, token, "maybe", remote_addr=ADDRESS))
        responses.append(post_answer(client, "forged-token", remote_addr=ADDRESS))
        responses.append(post_answer(client, token[:-2] + "xx", remote_addr=ADDRESS))
        responses.append(post_answer(client, token, fb_leave_empty="spam", remote_addr=ADDRESS))
        settings.FEEDBACK_MIN_SECONDS = 60
        responses.append(post_answer(client, form_token(client), remote_addr=ADDRESS))
        settings.FEEDBACK_MIN_SECONDS = 0
    return responses


@pytest.mark.django_db
def test_sixty_refused_posts_do_not_use_up_the_allowance(client, settings):
    assert settings.FEEDBACK_RATE_LIMIT == 30
    refused = _invalid_posts(client, settings)
    assert len(refused) == 60
    assert set(statuses(refused)) == {400}
    assert not RateCount.objects.exists()
    # The next valid answer is accepted, and so are the rest of the allowance, but no more.
    assert statuses(answers(client, 30)) == [303] * 30
    assert statuses(answers(client, 1)) == [429]
    assert Feedback.objects.count() == 30


def _comment_ref(response):
    return REF.search(response.json()["html"]).group(1)


@pytest.mark.django_db
def test_refused_comments_do_not_count_and_a_refused_comment_is_kept(client, settings):
    settings.FEEDBACK_RATE_LIMIT = 2
    ref = _comment_ref(post_answer(client, form_token(client), "no", json=True))
    for comment in ["a" * 1001, "bell\x07", "nul\x00"]:
        assert post_comment(client, ref, comment).status_code == 400
    assert post_comment(client, "forged", "Hej").status_code == 400
    assert RateCount.objects.get().count == 1
    # The second accepted post is the comment; a third post is over the limit.
    assert post_comment(client, ref, "Oklart").status_code == 303
    assert post_answer(client, form_token(client), "no", json=True).status_code == 429
    # A comment over the limit is not stored, and the reader's text is kept for another try.
    settings.FEEDBACK_RATE_LIMIT = 4  # three posts counted so far: one more is accepted
    other = _comment_ref(post_answer(client, form_token(client), "no", json=True))
    refused = post_comment(client, other, "Min text finns kvar")
    assert refused.status_code == 429
    html = refused.content.decode()
    assert "Min text finns kvar" in html
    assert 'name="ref"' in html
    assert list(Feedback.objects.exclude(comment="").values_list("comment", flat=True)) == [
        "Oklart"
    ]


# The shared cache: Django's built-in Redis backend against a real Redis.


@pytest.mark.django_db
def test_shared_redis_cache_counts_and_the_database_does_not(client, settings, monkeypatch):
    with redis_as_default_cache():
        settings.FEEDBACK_RATE_LIMIT = 3
        assert ratelimit.counts_in_cache()
        spy = CacheSpy(monkeypatch)
        assert statuses(answers(client, 4)) == [303, 303, 303, 429]
        assert not RateCount.objects.exists()
        keys = set(spy.rate_keys())
        assert len(keys) == 1
        (key,) = keys
        assert caches["default"].get(key) == 4
        for written, value in spy.written:
            assert ADDRESS not in str(written)
            assert ADDRESS not in str(value)
        assert not any(ADDRESS in str(read) for read in spy.read)
        # Another client has a count of its own.
        assert statuses(answers(client, 1, remote_addr="192.0.2.9")) == [303]


@pytest.mark.django_db
def test_shared_cache_key_expires_with_its_window():
    with redis_as_default_cache():
        now = datetime(2026, 3, 2, 9, 9, 0, tzinfo=UTC)  # a minute before the window ends
        assert ratelimit.count_post(ADDRESS, now=now) == 1
        cache = caches["default"]
        number, _start = ratelimit.current_window(now)
        key = f"feedback:rate:{ratelimit.client_key(ADDRESS, number)}"
        assert cache.get(key) == 1
        assert 0 < cache._cache.get_client(key).ttl(cache.make_and_validate_key(key)) <= 60


@pytest.mark.django_db
def test_unreachable_shared_cache_falls_back_to_the_database(client, settings, caplog):
    unreachable = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
    }
    settings.FEEDBACK_RATE_LIMIT = 1
    with override_settings(CACHES={**settings.CACHES, "default": unreachable}):
        assert ratelimit.counts_in_cache()
        assert statuses(answers(client, 2)) == [303, 429]
    assert RateCount.objects.get().count == 2
    assert "counting feedback posts in the database" in caplog.text


@pytest.mark.django_db
def test_a_failed_cleanup_does_not_refuse_the_post(client, monkeypatch):
    def fail(before=None):
        raise DatabaseError("locked")

    monkeypatch.setattr(ratelimit, "_purged_before", None)
    monkeypatch.setattr(ratelimit, "purge_ended_windows", fail)
    assert statuses(answers(client, 1)) == [303]
    assert RateCount.objects.get().count == 1
