"""Page speed by data size: in-process median time and SQL queries of each public page.

    .venv/bin/python bench/pages.py --sizes 2000,20000              # SQLite files under /tmp
    .venv/bin/python bench/pages.py --sizes 2000,20000 --db postgres  # databases bench_<n>
    .venv/bin/python bench/pages.py --database-url sqlite:////tmp/x.sqlite3   # one, filled already

With ``--sizes``, each size gets a database of its own, filled by ``manage.py bench_content``:
a SQLite file /tmp/newsroom-bench/bench_<n>.sqlite3, or with ``--db postgres`` a database
``bench_<n>`` made with ``createdb`` on the server of DATABASE_URL (default
postgres://postgres@127.0.0.1:5432; loopback only; dropped and made again unless ``--reuse``).
Prints how long each took to fill, a table per size and the growth table: the median at the
larger size over the median at the smaller, per page, with the query counts, which should not
change with the size. Ratios, not pass/fail.

Measuring goes through ../shared/perf-anchor/inprocess.py (PERF_ANCHOR overrides the folder):
Django's test client in a process of its own with DEBUG off and production storage
(collectstatic into /tmp/newsroom-bench/static), three requests first (query counts cold and
warm), then timed renders, about as many as fit in two seconds per page (10 to 200). Numbers are
as noisy as the machine: compare ratios within one run.

Warm renders are what a worker serves once it has a page's objects and HTML in memory
(``newsroom/core/memo.py``); ``CONTENT_MEMO_SECONDS=0`` in the environment measures what the
first reader after a change pays instead: every query and the whole template, every time.
"""

import argparse
import json
import math
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
PERF_ANCHOR = Path(os.environ.get("PERF_ANCHOR", ROOT.parent / "shared" / "perf-anchor"))
WORK = Path(os.environ.get("BENCH_PAGES_DIR", "/tmp/newsroom-bench"))
PYTHON = sys.executable
SECONDS_PER_PAGE = 2.0  # of timed renders, after the first pass
RENDER_GROUPS = (10, 25, 60, 200)  # renders per page: the most that fit in SECONDS_PER_PAGE
# What the measuring process runs with: production settings on loopback (README, Configuration).
PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "newsroom.settings",
    "DEBUG": "0",
    "SECRET_KEY": "bench-only-not-secret-0123456789abcdef0123456789abcdef",
    "ALLOWED_HOSTS": "testserver,127.0.0.1",
    "SECURE_SSL_REDIRECT": "0",
    "SILENCE_HSTS_CHECK": "1",
    "LOG_LEVEL": "WARNING",
    "PYTHONDONTWRITEBYTECODE": "1",
}
CASES = [
    "home",
    "news_list",
    "news_last_page",
    "article",
    "topic",
    "event_list",
    "event",
    "organisations",
    "organisation",
    "search_common",
    "search_rare",
    "healthz",
]


def environment(database_url, media, page_cache=False):
    """The measuring process's: DATA_DIR (the page cache's files) beside the database's media."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    data = media.parent / f"{media.name}-data"
    data.mkdir(parents=True, exist_ok=True)
    return {
        **env,
        **PRODUCTION,
        "DATABASE_URL": database_url,
        "DATA_DIR": str(data),
        "MEDIA_ROOT": str(media),
        "STATIC_ROOT": str(WORK / "static"),
        # The work behind each page; with --page-cache, what a reader gets from a warm cache.
        "PAGE_CACHE_SECONDS": os.environ.get("PAGE_CACHE_SECONDS", "300") if page_cache else "0",
    }


def run(command, env, quiet=False):
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=quiet, text=True)
    if result.returncode:
        if quiet:
            sys.stdout.write(result.stdout + result.stderr)
        sys.exit(f"failed: {' '.join(map(str, command))}")
    return result


def manage(env, *args, quiet=True):
    return run([PYTHON, "manage.py", *args], env, quiet=quiet)


# Databases, one per size.


def postgres_server():
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        url = "postgres://postgres@127.0.0.1:5432/postgres"
    parts = urlsplit(url)
    if parts.hostname not in ("127.0.0.1", "localhost", "::1"):
        sys.exit(f"refusing a PostgreSQL server that is not on loopback: {parts.hostname}")
    return parts


def database_for(db, size):
    """(DATABASE_URL, label) of the database of ``size`` articles."""
    name = f"bench_{size}"
    if db == "sqlite":
        return f"sqlite:///{WORK / name}.sqlite3", f"sqlite {size}"
    server = postgres_server()
    return server._replace(path=f"/{name}").geturl(), f"postgres {size}"


def article_count(db, url):
    try:
        if db == "sqlite":
            path = urlsplit(url).path
            if not Path(path).exists():
                return None
            with sqlite3.connect(path) as connection:
                return connection.execute("SELECT count(*) FROM newsroom_article").fetchone()[0]
        import psycopg

        with psycopg.connect(url, connect_timeout=5) as connection:
            return connection.execute("SELECT count(*) FROM newsroom_article").fetchone()[0]
    except Exception:  # no database, or no tables yet
        return None


def fresh_database(db, url):
    if db == "sqlite":
        Path(urlsplit(url).path).unlink(missing_ok=True)
        return
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    where = [
        "-h",
        parts.hostname,
        "-p",
        str(parts.port or 5432),
        "-U",
        parts.username or "postgres",
    ]
    subprocess.run(["dropdb", *where, "--if-exists", name], check=True)
    subprocess.run(["createdb", *where, name], check=True)


def fill(db, size, seed, reuse):
    """Make (or with ``reuse`` keep) the database of ``size`` articles; seconds it took."""
    url, label = database_for(db, size)
    media = WORK / f"media-{db}-{size}"
    env = environment(url, media)
    if reuse and article_count(db, url) == size:
        print(f"[{label}] reusing {url}", flush=True)
        manage(env, "migrate", "--no-input", "-v0")  # what this version adds
        return url, media, None
    fresh_database(db, url)
    shutil.rmtree(media, ignore_errors=True)
    shutil.rmtree(Path(env["DATA_DIR"]) / "cache", ignore_errors=True)
    manage(env, "migrate", "--no-input", "-v0")
    start = time.perf_counter()
    manage(env, "bench_content", "--articles", str(size), "--seed", str(seed), quiet=False)
    seconds = time.perf_counter() - start
    print(f"[{label}] bench_content --articles {size}: {seconds:.0f} s", flush=True)
    return url, media, seconds


# Measuring.


def write_urls(path, seed):
    """Inside Django: the pages to measure in the database at hand, as an inprocess.py list."""
    import django

    sys.path.insert(0, str(ROOT))
    django.setup()
    from django.urls import reverse
    from django.utils import translation

    from events.models import Event
    from newsroom.management.bench_content import Vocabulary
    from newsroom.news.models import Article, Topic
    from newsroom.news.views import PAGE_SIZE
    from organisations.models import Organisation

    with translation.override("sv"):
        published = Article.objects.published()
        article = published.exclude(image=None).order_by("-publish_at", "-pk").first()
        article = article or published.order_by("-publish_at", "-pk").first()
        event = Event.objects.published().upcoming().first() or Event.objects.first()
        topic = Topic.objects.order_by("pk").first()
        organisation = Organisation.objects.active().order_by("pk").first()
        last_page = max(1, math.ceil(published.in_language().count() / PAGE_SIZE))
        vocabulary = Vocabulary("sv", seed)
        search = reverse("search")
        cases = {
            "home": reverse("home"),
            "news_list": reverse("news:list"),
            "news_last_page": f"{reverse('news:list')}?page={last_page}",
            "article": article.get_absolute_url(),
            "topic": topic.get_absolute_url(),
            "event_list": reverse("events:list"),
            "event": event.get_absolute_url(),
            "organisations": reverse("organisations:list"),
            "organisation": organisation.get_absolute_url(),
            "search_common": f"{search}?{urlencode({'q': vocabulary.common_word()})}",
            "search_rare": f"{search}?{urlencode({'q': vocabulary.rare_word()})}",
            "healthz": reverse("healthz"),
        }
    Path(path).write_text("".join(f"{name} {cases[name]}\n" for name in CASES))


def inprocess(env, urls, out, renders, only=None):
    script = PERF_ANCHOR / "inprocess.py"
    command = [PYTHON, script, "--urls", urls, "--renders", str(renders), "--out", out]
    if only:
        command += ["--only", ",".join(only)]
    run(command, env, quiet=True)
    return {r["case"]: r for r in json.loads(Path(out).read_text())}


def measure(url, media, seed, label, page_cache=False):
    """``{case: result}`` for the database at ``url``, as inprocess.py reports it."""
    env = environment(url, media, page_cache)
    with tempfile.TemporaryDirectory(prefix="bench-pages-") as tmp:
        urls = Path(tmp) / "urls.txt"
        run([PYTHON, __file__, "--write-urls", urls, "--seed", str(seed)], env)
        # A first pass: query counts, and about how long each page takes.
        first = inprocess(env, urls, Path(tmp) / "first.json", renders=5)
        groups = {}
        for case, result in first.items():
            wanted = SECONDS_PER_PAGE * 1000 / max(result["median_ms"], 0.01)
            # A few group sizes, so that few processes start.
            renders = max((n for n in RENDER_GROUPS if n <= wanted), default=RENDER_GROUPS[0])
            groups.setdefault(renders, []).append(case)
        results = {}
        for renders, cases in sorted(groups.items()):
            out = Path(tmp) / f"renders-{renders}.json"
            results.update(inprocess(env, urls, out, renders, only=cases))
    for case, result in results.items():
        result["queries_first_pass"] = first[case]["queries_warm"]
    print(f"[{label}] measured", flush=True)
    return results


# Tables.


def table(label, results):
    lines = [
        f"\n{label}: median of warm renders through the test client, DEBUG off\n",
        "| page | path | body kB | renders | median ms | p90 ms | queries warm (cold) |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for case in CASES:
        r = results[case]
        lines.append(
            f"| {case} | `{r['path']}` | {r['bytes'] / 1000:.1f} | {r['renders']} | "
            f"{r['median_ms']:.2f} | {r['p90_ms']:.2f} | "
            f"{r['queries_warm']} ({r['queries_cold']}) |"
        )
    return "\n".join(lines)


def growth(db, small, large, results):
    a, b = results[small], results[large]
    lines = [
        f"\nGrowth on {db}, {small:,} → {large:,} articles: median at {large:,} / median at "
        f"{small:,} (1.00 = no growth)\n",
        f"| page | ms at {small:,} | ms at {large:,} | ratio | queries at {small:,} | "
        f"queries at {large:,} |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for case in CASES:
        x, y = a[case], b[case]
        ratio = y["median_ms"] / max(x["median_ms"], 0.001)
        same = "" if x["queries_warm"] == y["queries_warm"] else " (changed)"
        lines.append(
            f"| {case} | {x['median_ms']:.2f} | {y['median_ms']:.2f} | {ratio:.2f} | "
            f"{x['queries_warm']} | {y['queries_warm']}{same} |"
        )
    lines.append(
        "\nA search runs one query per kind of content on its results page, so its count follows "
        "what it finds; any other change of a count is a regression (N+1)."
    )
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", help="comma-separated article counts, e.g. 2000,20000")
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--database-url", help="measure this database, filled already")
    parser.add_argument("--media-root", help="its MEDIA_ROOT (with --database-url)")
    parser.add_argument("--seed", type=int, default=1, help="bench_content's seed (default 1)")
    parser.add_argument("--reuse", action="store_true", help="keep a database of the right size")
    parser.add_argument(
        "--page-cache",
        action="store_true",
        help="leave the page cache on (warm renders are then cache hits); off by default",
    )
    parser.add_argument("--out", help="also write the results as JSON here")
    parser.add_argument("--write-urls", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.write_urls:
        return write_urls(args.write_urls, args.seed)
    if not (PERF_ANCHOR / "inprocess.py").exists():
        sys.exit(f"needs {PERF_ANCHOR}/inprocess.py (set PERF_ANCHOR to the perf-anchor folder)")
    WORK.mkdir(parents=True, exist_ok=True)
    if args.database_url:
        runs = [(args.database_url, Path(args.media_root or WORK / "media"), "given", None)]
    elif args.sizes:
        sizes = sorted(int(size) for size in args.sizes.split(","))
        runs = []
        for size in sizes:
            url, media, seconds = fill(args.db, size, args.seed, args.reuse)
            runs.append((url, media, size, seconds))
    else:
        parser.error("give --sizes or --database-url")

    # Production storage needs the manifest: collected once for every database.
    env = environment(runs[0][0], runs[0][1])
    manage(env, "collectstatic", "--no-input", "-v0")
    results, report = {}, []
    for url, media, size, _seconds in runs:
        label = f"{args.db} {size:,}" if size != "given" else url
        results[size] = measure(url, media, args.seed, label, args.page_cache)
        report.append(table(label, results[size]))
    sizes = [size for _url, _media, size, _seconds in runs]
    if len(sizes) > 1:
        for large in sizes[1:]:
            report.append(growth(args.db, sizes[0], large, results))
    fills = [(size, seconds) for _u, _m, size, seconds in runs if seconds is not None]
    if fills:
        report.append(
            "\nbench_content: "
            + ", ".join(f"{size:,} articles in {seconds:.0f} s" for size, seconds in fills)
            + f" ({args.db})"
        )
    print("\n".join(report))
    if args.out:
        Path(args.out).write_text(json.dumps({str(k): v for k, v in results.items()}, indent=1))


if __name__ == "__main__":
    sys.exit(main())
