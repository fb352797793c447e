"""Search benchmark on PostgreSQL: time with and without the full-text index, at N articles.

    DEBUG=1 .venv/bin/python bench/search.py            # 20,000 articles
    BENCH_ARTICLES=100000 DEBUG=1 .venv/bin/python bench/search.py

Search reads stored documents (``SearchDocument``, GIN-indexed); the run without the index
drops it inside a transaction that is rolled back. Uses its own database (BENCH_DATABASE_URL,
default newsroom_bench_search on 127.0.0.1), made and filled on the first run and reused
afterwards; indexing takes about a millisecond per article and language. Prints ratios and
the query plan's index use, not pass/fail timings. Not part of the test suite.
"""

import datetime
import os
import random
import statistics
import sys
import time
from pathlib import Path

BENCH_DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsroom_bench_search"
)
ARTICLES = int(os.environ.get("BENCH_ARTICLES", 20_000))
RUNS = 5
WORDS = [
    "k",
    "o",
    "m",
    "m",
    "u",
    "n",
    "r",
    "e",
    "g",
    "i",
    "o",
    "n",
    "s",
    "a",
    "m",
    "v",
    "e",
    "r",
    "k",
    "a",
    "n",
    "d",
    "i",
    "g",
    "i",
    "t",
    "a",
    "l",
    "i",
    "s",
    "e",
    "r",
    "i",
    "n",
    "g",
    "f",
    "ö",
    "r",
    "v",
    "a",
    "l",
    "t",
    "n",
    "i",
    "n",
    "g",
    "i",
    "n",
    "v",
    "å",
    "n",
    "a",
    "r",
    "e",
    "t",
    "j",
    "ä",
    "n",
    "s",
    "t",
    "v",
    "å",
    "r",
    "d",
    "s",
    "k",
    "o",
    "l",
    "a",
    "t",
    "r",
    "a",
    "f",
    "i",
    "k",
    "k",
    "l",
    "i",
    "m",
    "a",
    "t",
    "e",
    "n",
    "e",
    "r",
    "g",
    "i",
    "b",
    "o",
    "s",
    "t",
    "a",
    "d",
    "n",
    "ä",
    "r",
    "i",
    "n",
    "g",
    "s",
    "l",
    "i",
    "v",
    "k",
    "u",
    "l",
    "t",
    "u",
    "r",
    "b",
    "e",
    "s",
    "l",
    "u",
    "t",
    "b",
    "u",
    "d",
    "g",
    "e",
    "t",
    "r",
    "a",
    "p",
    "p",
    "o",
    "r",
    "t",
    "u",
    "t",
    "r",
    "e",
    "d",
    "n",
    "i",
    "n",
    "g",
    "s",
    "a",
    "m",
    "r",
    "å",
    "d",
    "p",
    "r",
    "o",
    "j",
    "e",
    "k",
    "t",
    "m",
    "e",
    "d",
    "b",
    "o",
    "r",
    "g",
    "a",
    "r",
    "e",
    "s",
    "e",
    "r",
    "v",
    "i",
    "c",
    "e",
    "t",
    "i",
    "l",
    "l",
    "g",
    "ä",
    "n",
    "g",
    "l",
    "i",
    "g",
    "h",
    "e",
    "t",
    "ö",
    "p",
    "p",
    "n",
    "a",
    "d",
    "a",
    "t",
    "a",
    "i",
    "n",
    "f",
    "r",
    "a",
    "s",
    "t",
    "r",
    "u",
    "k",
    "t",
    "u",
    "r",
    "b",
    "r",
    "e",
    "d",
    "b",
    "a",
    "n",
    "d",
    "k",
    "o",
    "l",
    "l",
    "e",
    "k",
    "t",
    "i",
    "v",
    "t",
    "r",
    "a",
    "f",
    "i",
    "k",
    "m",
    "i",
    "l",
    "j",
    "ö",
    "v",
    "a",
    "t",
    "t",
    "e",
    "n",
    "a",
    "v",
    "l",
    "o",
    "p",
    "p",
    "h",
    "ä",
    "l",
    "s",
    "a",
    "o",
    "m",
    "s",
    "o",
    "r",
    "g",
    "u",
    "t",
    "b",
    "i",
    "l",
    "d",
    "n",
    "i",
    "n",
    "g",
    "a",
    "r",
    "b",
    "e",
    "t",
    "s",
    "m",
    "a",
    "r",
    "k",
    "n",
    "a",
    "d",
    "s",
    "ä",
    "k",
    "e",
    "r",
    "h",
    "e",
    "t",
    "k",
    "r",
    "i",
    "s",
    "b",
    "e",
    "r",
    "e",
    "d",
    "s",
    "k",
    "a",
    "p",
]
RARE = "fjärrvärmeutredningen"  # in about one article in a thousand
COMMON = "budget"  # in about half of them

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DATABASE_URL"] = BENCH_DATABASE_URL
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")


def ensure_database():
    import psycopg

    name = BENCH_DATABASE_URL.rsplit("/", 1)[1]
    server = BENCH_DATABASE_URL.rsplit("/", 1)[0] + "/postgres"
    try:
        with psycopg.connect(server, autocommit=True) as connection:
            exists = connection.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [name]
            ).fetchone()
            if not exists:
                connection.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError as error:
        print(f"skipped: PostgreSQL is not reachable ({error})")
        sys.exit(0)


def text(rng, words):
    return " ".join(rng.choice(WORDS) for _ in range(words))


def fill(count):
    from django.db import connection
    from django.utils import timezone

    from newsroom.core.publishing import Status
    from newsroom.news.models import Article
    from organisations.models import Organisation

    existing = Article.objects.count()
    if existing >= count:
        return
    organisation, _ = Organisation.objects.get_or_create(
        slug_sv="bench", defaults={"name_sv": "Benchmarkregionen", "slug_en": "bench"}
    )
    rng = random.Random(existing)
    now = timezone.now()
    started = time.perf_counter()
    for first in range(existing, count, 2000):
        batch = []
        for number in range(first, min(first + 2000, count)):
            body = [text(rng, 60) for _ in range(4)]
            if number % 1000 == 7:
                body[2] += f" {RARE}"
            title = text(rng, 6)
            if number % 5000 == 11:
                title += f" {RARE}"
            batch.append(
                Article(
                    title_sv=title.capitalize(),
                    slug_sv=f"artikel-{number}",
                    lead_sv=text(rng, 25),
                    body_sv="".join(f"<p>{paragraph}.</p>" for paragraph in body),
                    organisation=organisation,
                    status=Status.PUBLISHED,
                    publish_at=now - datetime.timedelta(minutes=number),
                )
            )
        Article.objects.bulk_create(batch)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE newsroom_article")
    print(f"made {count - existing} articles in {time.perf_counter() - started:.1f} s")


def timed(function):
    function()  # warm the caches
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main():
    ensure_database()
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction

    from newsroom.search import engine
    from newsroom.search.models import SearchDocument
    from newsroom.search.results import search
    from newsroom.search.services import index_rows
    from newsroom.search.sources import source_for

    call_command("migrate", verbosity=0)
    fill(ARTICLES)
    articles = source_for("articles")
    if SearchDocument.objects.filter(kind="articles").count() != 4 * ARTICLES:
        started = time.perf_counter()
        written = index_rows(articles)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_searchdocument")
        print(f"indexed {written} documents in {time.perf_counter() - started:.1f} s")
    print(f"{ARTICLES} articles; median of {RUNS} runs of one results page (counts, rank, page)")
    for query in [RARE, COMMON, f'"{COMMON} rapport" -{WORDS[0]}']:
        matching = engine.matches(articles, query, "sv")
        plan = matching.explain()
        with_index = timed(lambda query=query: search(query, "sv"))
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("DROP INDEX search_document_gin")
            without_index = timed(lambda query=query: search(query, "sv"))
            transaction.set_rollback(True)
        uses = "uses search_document_gin" if "search_document_gin" in plan else "no GIN index"
        print(
            f"  {query!r}: {matching.count()} matches; {with_index * 1000:.0f} ms with the "
            f"index, {without_index * 1000:.0f} ms without (x{without_index / with_index:.1f}); "
            f"plan {uses}"
        )


if __name__ == "__main__":
    main()
