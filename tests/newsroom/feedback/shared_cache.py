"""A real Redis for the tests of the shared-cache rate limit (127.0.0.1:6379 on our machines).

Without Redis those tests skip, except in CI (CI=true), where they fail: there they must run.
Each test uses keys of its own prefix and deletes them afterwards; nothing flushes the database.
"""

import os
import uuid
from contextlib import contextmanager

import pytest
from django.conf import settings
from django.test import override_settings

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
REDIS_BACKEND = "django.core.cache.backends.redis.RedisCache"


def require_redis():
    try:
        import redis
    except ImportError:
        reason = "the redis package is not installed (pip install redis)"
    else:
        try:
            redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
            return
        except redis.RedisError as error:
            reason = f"Redis at {REDIS_URL} is unreachable ({error})"
    if os.environ.get("CI"):
        pytest.fail(f"CI=true but {reason}: the shared-cache tests must run")
    pytest.skip(reason)


def new_prefix():
    return f"newsroom-test-{uuid.uuid4().hex}"


def delete_keys(prefix):
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    keys = list(client.scan_iter(match=f"{prefix}:*"))
    if keys:
        client.delete(*keys)
    client.close()


@contextmanager
def redis_as_default_cache():
    """Django's built-in Redis backend as the default cache, under a prefix of its own; the
    other caches stay as they are."""
    require_redis()
    prefix = new_prefix()
    default = {"BACKEND": REDIS_BACKEND, "LOCATION": REDIS_URL, "KEY_PREFIX": prefix}
    try:
        with override_settings(CACHES={**settings.CACHES, "default": default}):
            yield prefix
    finally:
        delete_keys(prefix)
