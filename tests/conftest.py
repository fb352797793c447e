import pytest
from django.utils import translation

pytest_plugins = ["tests.smtp"]  # the smtp_server fixture: a real SMTP server on loopback


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded files and renditions go to a fresh folder per test."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _page_cache(settings, tmp_path):
    """Pages are rendered anew in every request (query counts measure the real work); the
    page cache's own tests turn it on. What pages show is remembered as in production (a
    query count is the first request's after a change). Every test has a cache folder of its
    own, so a generation of its own."""
    settings.PAGE_CACHE_SECONDS = 0
    settings.CONTENT_MEMO_SECONDS = 300  # as in production (it is off under DEBUG)
    settings.CACHES = {
        **settings.CACHES,
        "pages": {**settings.CACHES["pages"], "LOCATION": tmp_path / "page-cache"},
    }


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in the site's default language, whatever the one before activated."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
