"""Settings for a test server whose default cache is Redis (test_rate_limit_workers.py).

The project's settings with one change: the default cache, from TEST_REDIS_URL and
TEST_CACHE_PREFIX.
"""

import os

from newsroom.settings import *  # noqa: F403

CACHES = {
    **CACHES,  # noqa: F405
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ["TEST_REDIS_URL"],
        "KEY_PREFIX": os.environ["TEST_CACHE_PREFIX"],
    },
}
