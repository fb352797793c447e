"""Newsroom beside the Wagtail reference site of ../shared/perf-anchor, in one run.

    .venv/bin/python bench/compare_wagtail.py                      # SQLite
    COMPARE_DBS="sqlite postgres" .venv/bin/python bench/compare_wagtail.py

What ../shared/perf-anchor/compare.sh does, with Newsroom's cases (bench/wagtail-compare-urls.txt):
the Wagtail site is set up by its own setup_wagtail.sh (2,000 news pages; once, reused after;
WAGTAIL_SETUP=1 makes it again), Newsroom gets a database of its own filled by
``bench_content --articles 2000``, collected static files and its newest article's HTML saved as
a static file; then, for RUNS rounds, every case of the Wagtail site and then every case of
Newsroom, each served by gunicorn sync -w 2 with DEBUG off and loaded by wrk (the harness's
bench.py), so a noisy machine slows both alike.

Newsroom is served twice per round: with its page cache off (the work behind each page, what
Wagtail, which has no page cache, is compared with) and with it on as in production (the
article page against the same page's HTML as a static file from the same gunicorn: how close a
cached page comes to static-file speed). Prints server CPU milliseconds per request (the
steadiest figure on a shared machine; PostgreSQL's CPU included) and requests per second per
case, with the ratio Newsroom/Wagtail. Compare within one run only.

Env: RUNS (3), DURATION (5 s of wrk per case and round), WARMUP (2), CONN (16), COMPARE_DBS
("sqlite"), OUT (/tmp/newsroom-compare), ANCHORS (/tmp/anchors), PERF_ANCHOR (the harness),
WAGTAIL_PORT (8101), NEWSROOM_PORT (8102). Everything binds 127.0.0.1. PostgreSQL runs are on
the harness's own server (pg.sh, 127.0.0.1:5433), whose CPU bench.py counts.
"""

import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HARNESS = Path(os.environ.get("PERF_ANCHOR", ROOT.parent / "shared" / "perf-anchor")).resolve()
ANCHORS = Path(os.environ.get("ANCHORS", "/tmp/anchors"))
OUT = Path(os.environ.get("OUT", "/tmp/newsroom-compare"))
URLS = ROOT / "bench" / "wagtail-compare-urls.txt"
RUNS = int(os.environ.get("RUNS", 3))
DURATION = int(os.environ.get("DURATION", 5))
WARMUP = int(os.environ.get("WARMUP", 2))
CONN = int(os.environ.get("CONN", 16))
DBS = os.environ.get("COMPARE_DBS", "sqlite").split()
WAGTAIL_PORT = int(os.environ.get("WAGTAIL_PORT", 8101))
NEWSROOM_PORT = int(os.environ.get("NEWSROOM_PORT", 8102))
ARTICLES = 2000  # as many as the Wagtail site's news pages
PG = "postgres://postgres@127.0.0.1:5433/newsroom_compare"
CASES = ["detail", "index", "home", "plain", "static"]
CACHED_CASES = ["detail", "static"]
OWN_CASES = ["event", "organisation", "search"]  # no Wagtail counterpart: against "plain"
OWN_LIMIT = 15  # the most times /healthz's CPU per request each of them may cost
TITLES = {
    "detail": "article page",
    "index": "news list",
    "home": "home",
    "plain": "plain view",
    "static": "static file",
    "event": "event page",
    "organisation": "organisation page",
    "search": "search, common word",
}
BIN = Path(sys.executable).parent


def say(text):
    print(f"\n--- {text} ({time.strftime('%H:%M:%S')})", flush=True)


def run(command, **kwargs):
    subprocess.run(command, check=True, **kwargs)


def ensure_wrk():
    if shutil.which("wrk"):
        return
    say("installing Debian's wrk")
    run(["apt-get", "-o", "DPkg::Lock::Timeout=300", "install", "-y", "wrk"])


def ensure_free(port):
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            sys.exit(f"127.0.0.1:{port} is taken: set WAGTAIL_PORT / NEWSROOM_PORT to free ports")


def harness_env():
    return {**os.environ, "ANCHORS": str(ANCHORS)}


def postgres_pid():
    return (ANCHORS / "pgdata" / "postmaster.pid").read_text().split()[0]


def ensure_postgres():
    """The harness's PostgreSQL runs; True when started here (and to be stopped after)."""
    status = subprocess.run([HARNESS / "pg.sh", "status"], capture_output=True, env=harness_env())
    if status.returncode == 0:
        return False
    action = "start" if (ANCHORS / "pgdata" / "PG_VERSION").exists() else "init"
    run([HARNESS / "pg.sh", action], env=harness_env())
    return True


def setup_wagtail(db):
    marker = ANCHORS / f"data-{db}" / "static" / "bench" / "detail-copy.html"
    if marker.exists() and not os.environ.get("WAGTAIL_SETUP"):
        print(f"Wagtail site on {db}: set up already ({marker.parent.parent.parent})")
        return
    say(f"setting up the Wagtail site on {db} (setup_wagtail.sh)")
    run([HARNESS / "setup_wagtail.sh", db], env=harness_env())


def newsroom_env(db, page_cache):
    folder = OUT / f"newsroom-{db}"
    return {
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "DEBUG": "0",
        "SECRET_KEY": "bench-only-not-secret-0123456789abcdef0123456789abcdef",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "SILENCE_HSTS_CHECK": "1",
        "LOG_LEVEL": "WARNING",
        "DATABASE_URL": f"sqlite:///{folder}/db.sqlite3" if db == "sqlite" else PG,
        "DATA_DIR": str(folder / ("data-cached" if page_cache else "data")),
        "MEDIA_ROOT": str(folder / "media"),
        "STATIC_ROOT": str(folder / "static"),
        "PAGE_CACHE_SECONDS": "300" if page_cache else "0",
        "PYTHONDONTWRITEBYTECODE": "1",
    }


def read_cases():
    cases = {}
    for line in URLS.read_text().splitlines():
        parts = line.split("#", 1)[0].split()
        if parts:
            cases[parts[0]] = parts[1]
    return cases


SAVE_COPY = """
from pathlib import Path
import django
django.setup()
from django.conf import settings
from django.test import Client
response = Client().get({path!r}, HTTP_HOST="127.0.0.1")
assert response.status_code == 200, response.status_code
copy = Path(settings.STATIC_ROOT) / {copy!r}
copy.parent.mkdir(parents=True, exist_ok=True)
copy.write_bytes(response.content)
print(f"wrote {{copy}} ({{len(response.content)}} bytes)")
"""


def setup_newsroom(db):
    """A database of 2,000 articles, static files and the article page as a static file."""
    say(f"setting up Newsroom on {db}: bench_content --articles {ARTICLES}")
    folder = OUT / f"newsroom-{db}"
    shutil.rmtree(folder, ignore_errors=True)
    for sub in ("data", "data-cached", "media", "static"):
        (folder / sub).mkdir(parents=True)
    env = {**os.environ, **newsroom_env(db, page_cache=False)}
    env.pop("PYTHONPATH", None)
    if db == "postgres":
        where = ["-h", "127.0.0.1", "-p", "5433", "-U", "postgres"]
        run(["dropdb", *where, "--if-exists", "newsroom_compare"])
        run(["createdb", *where, "newsroom_compare"])
    manage = [sys.executable, "manage.py"]
    run([*manage, "migrate", "--no-input", "-v0"], cwd=ROOT, env=env)
    start = time.perf_counter()
    run([*manage, "bench_content", "--articles", str(ARTICLES)], cwd=ROOT, env=env)
    filled = time.perf_counter() - start
    run([*manage, "collectstatic", "--no-input", "-v0"], cwd=ROOT, env=env)
    # After collectstatic, under its own name: WhiteNoise serves what STATIC_ROOT holds when
    # gunicorn starts (WHITENOISE_USE_FINDERS is off in production), manifest or not.
    cases = read_cases()
    copy = cases["static"].removeprefix("/static/")
    code = SAVE_COPY.format(path=cases["detail"], copy=copy)
    run([sys.executable, "-c", code], cwd=ROOT, env=env)
    return filled


def bench(label, base, urls, only, env, cwd, server, out, extra):
    command = [
        sys.executable,
        HARNESS / "bench.py",
        "--label",
        label,
        "--cwd",
        cwd,
        "--base",
        base,
        "--urls",
        urls,
        "--only",
        ",".join(only),
        "--server",
        server,
        "--runs",
        "1",
        "--duration",
        str(DURATION),
        "--warmup",
        str(WARMUP),
        "--connections",
        str(CONN),
        "--out",
        out,
        *extra,
    ]
    for key, value in env.items():
        command += ["--env", f"{key}={value}"]
    run(command)


def median(values):
    return statistics.median(values) if values else float("nan")


def summarise(jsonl, fills):
    groups = defaultdict(list)
    for line in jsonl.read_text().splitlines():
        record = json.loads(line)
        groups[(record["label"], record["case"])].append(record)

    def figures(label, case):
        records = groups.get((label, case), [])
        cpu = [
            1000 * (r["server_cpu_s"] + r.get("extra_cpu_s", 0)) / max(r["requests"], 1)
            for r in records
        ]
        errors = sum(sum(r["errors"].values()) for r in records)
        return median([r["rps"] for r in records]), median(cpu), len(records), errors

    lines = []
    for db in DBS:
        wagtail, newsroom, cached = (
            f"wagtail-{db}-w2",
            f"newsroom-{db}-w2",
            f"newsroom-cached-{db}-w2",
        )
        lines += [
            f"\n### {db}: server CPU ms per request (median of {RUNS} rounds; "
            f"wrk -t2 -c{CONN}, {DURATION} s per case and round, gunicorn sync -w 2, DEBUG off)\n",
            "| case | Wagtail CPU ms/req | Newsroom CPU ms/req | Newsroom/Wagtail | "
            "Wagtail req/s | Newsroom req/s |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        for case in CASES:
            w_rps, w_cpu, _n, w_err = figures(wagtail, case)
            n_rps, n_cpu, _n, n_err = figures(newsroom, case)
            errors = f" ({w_err}/{n_err} errors)" if w_err or n_err else ""
            lines.append(
                f"| {TITLES[case]} | {w_cpu:.2f} | {n_cpu:.2f} | {n_cpu / w_cpu:.2f} | "
                f"{w_rps:.0f} | {n_rps:.0f}{errors} |"
            )
        plain_cpu = figures(newsroom, "plain")[1]
        lines += [
            f"\n{db}, Newsroom's pages without a Wagtail counterpart, page cache off, against "
            f"its /healthz (at most {OWN_LIMIT} times):\n",
            "| case | CPU ms/req | times /healthz | req/s |",
            "|---|---:|---:|---:|",
        ]
        for case in OWN_CASES:
            rps, cpu, _n, errors = figures(newsroom, case)
            note = f" ({errors} errors)" if errors else ""
            lines.append(
                f"| {TITLES[case]} | {cpu:.2f} | {cpu / plain_cpu:.1f} | {rps:.0f}{note} |"
            )
        lines += [
            f"\n{db}, Newsroom with its page cache on (as in production; Wagtail has none):\n",
            "| case | CPU ms/req | req/s | req/s / static file's |",
            "|---|---:|---:|---:|",
        ]
        static_rps = figures(cached, "static")[0]
        for case in CACHED_CASES:
            rps, cpu, _n, errors = figures(cached, case)
            note = f" ({errors} errors)" if errors else ""
            lines.append(
                f"| {TITLES[case]} | {cpu:.2f} | {rps:.0f}{note} | {rps / static_rps:.3f} |"
            )
        ratios = [
            figures(label, "detail")[0] / figures(label, "static")[0]
            for label in (cached, newsroom, wagtail)
        ]
        lines.append(
            "\nArticle page / the same HTML as a static file, from the same gunicorn "
            "(throughput ratio): Newsroom cached {:.3f}, Newsroom uncached {:.3f}, "
            "Wagtail {:.3f}".format(*ratios)
        )
        if db in fills:
            lines.append(
                f"\nNewsroom's bench_content --articles {ARTICLES} on {db}: {fills[db]:.0f} s"
            )
    return "\n".join(lines)


def main():
    if not (HARNESS / "bench.py").exists():
        sys.exit(f"no harness at {HARNESS} (set PERF_ANCHOR)")
    if OUT.resolve().is_relative_to(HARNESS):
        sys.exit("OUT must be outside the harness's folder")
    ensure_wrk()
    ensure_free(WAGTAIL_PORT)
    ensure_free(NEWSROOM_PORT)
    OUT.mkdir(parents=True, exist_ok=True)
    jsonl = OUT / "wrk.jsonl"
    jsonl.unlink(missing_ok=True)
    started_postgres = "postgres" in DBS and ensure_postgres()
    try:
        compare(jsonl)
    finally:
        if started_postgres:
            run([HARNESS / "pg.sh", "stop"], env=harness_env())


def compare(jsonl):
    fills = {}
    for db in DBS:
        setup_wagtail(db)
        fills[db] = setup_newsroom(db)
    wagtail_base = f"http://127.0.0.1:{WAGTAIL_PORT}"
    newsroom_base = f"http://127.0.0.1:{NEWSROOM_PORT}"
    gunicorn = f"{BIN}/gunicorn newsroom.wsgi -k sync -w 2 -b 127.0.0.1:{NEWSROOM_PORT}"
    for db in DBS:
        extra = ["--cpu-pid", postgres_pid()] if db == "postgres" else []
        wagtail_env = {"ANCHOR_DB": db, "ANCHOR_DATA": ANCHORS / f"data-{db}"}
        for number in range(1, RUNS + 1):
            say(f"{db}: round {number} of {RUNS}")
            bench(
                f"wagtail-{db}-w2",
                wagtail_base,
                HARNESS / "urls" / "wagtail-all.txt",
                CASES,
                wagtail_env,
                HARNESS / "wagtail_site",
                f"{ANCHORS}/wagtail-venv/bin/gunicorn newsbench.wsgi:application -k sync -w 2 "
                f"-b 127.0.0.1:{WAGTAIL_PORT}",
                jsonl,
                extra,
            )
            for label, page_cache, cases in [
                (f"newsroom-{db}-w2", False, CASES + OWN_CASES),
                (f"newsroom-cached-{db}-w2", True, CACHED_CASES),
            ]:
                env = newsroom_env(db, page_cache)
                shutil.rmtree(Path(env["DATA_DIR"]) / "cache", ignore_errors=True)
                bench(label, newsroom_base, URLS, cases, env, ROOT, gunicorn, jsonl, extra)
    say("summary")
    full = subprocess.run(
        [sys.executable, HARNESS / "summarize.py", jsonl], capture_output=True, text=True
    )
    (OUT / "summary.md").write_text(full.stdout)
    report = summarise(jsonl, fills)
    (OUT / "compare.md").write_text(report + "\n")
    print(report)
    print(f"\nevery run: {OUT}/summary.md (summarize.py); the records: {jsonl}")


if __name__ == "__main__":
    sys.exit(main())
