"""The default install (files, no Redis) with several gunicorn workers: a change made in any
process reaches the readers of every worker. On SQLite, and on PostgreSQL in its pass."""

import http.client
import os

from tests.servers import gunicorn, manage, scratch_database

FIRST_ARTICLE = (
    "from newsroom.news.models import Article; "
    "a = Article.objects.published().order_by('pk').first(); "
)


def fetch(port, path):
    """The page and whether the page cache served it."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.read().decode(), response.getheader("X-Page-Cache") == "hit"
    finally:
        connection.close()


def test_a_change_in_one_process_reaches_every_worker(tmp_path):
    with scratch_database(tmp_path) as database_url:
        env = {
            **os.environ,
            "DEBUG": "1",
            "DATABASE_URL": database_url,
            "DATA_DIR": str(tmp_path),
            "PAGE_CACHE_SECONDS": "300",
        }
        with gunicorn(env, tmp_path, workers=3) as (port, _access_log):
            manage(env, "demo")
            shown = manage(
                env, "shell", "-v", "0", "-c", FIRST_ARTICLE + "print(a.get_absolute_url())"
            )
            path = shown.strip().splitlines()[-1]
            before = [fetch(port, path) for _ in range(12)]
            assert sum(hit for _page, hit in before) >= 9  # every worker serves the stored copy
            fix = "a.title_sv = 'Rättad rubrik från en annan process'; a.save()"
            manage(env, "shell", "-c", FIRST_ARTICLE + fix)
            after = [fetch(port, path) for _ in range(12)]
            assert all("Rättad rubrik från en annan process" in page for page, _hit in after)
