"""Database stall benchmark: /healthz, /readyz and pages while PostgreSQL is frozen or restarts.

Starts a throwaway PostgreSQL of its own (initdb in a temporary folder, on a free loopback port;
as the postgres user when run as root), migrates a database there and serves the site with
gunicorn exactly as `make serve` does (its options read from the Makefile), DEBUG off and the
page cache off, so that every page asks the database. Then:

1. baseline: /healthz and a page while the database answers;
2. stall: every process of that PostgreSQL is stopped (SIGSTOP) for BENCH_STALL_SECONDS while
   BENCH_STALLED_PAGES page requests wait on it (by default one fewer than gunicorn's threads,
   workers times threads); meanwhile /healthz and /readyz are timed;
3. after SIGCONT, and after a restart (pg_ctl restart -m fast) and a stop of PostgreSQL: the
   answers of page requests, to see that the site recovers by itself.

Prints latencies (median and worst) and the ratio of /healthz during the stall to the baseline.
Skips (and exits 0) where initdb is not installed. Not part of the test suite: `make bench`.

Environment: BENCH_STALL_SECONDS (default 10), BENCH_STALLED_PAGES, and for the site
DATABASE_CONNECT_TIMEOUT and DATABASE_CONN_MAX_AGE (the settings' defaults otherwise).
"""

import http.client
import os
import pwd
import secrets
import shlex
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from glob import glob
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
STALL_SECONDS = float(os.environ.get("BENCH_STALL_SECONDS", 10))
STALLED_PAGES = os.environ.get("BENCH_STALLED_PAGES")
PAGE = "/en/"


def postgres_bin():
    found = sorted(glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).resolve().parent if initdb else None


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ThrowawayPostgres:
    """A PostgreSQL cluster in a temporary folder, owned by this script alone."""

    def __init__(self, bin_dir, folder):
        self.bin_dir = bin_dir
        self.data = folder / "pgdata"
        self.port = free_port()
        self.as_postgres = os.geteuid() == 0  # initdb refuses to run as root
        if self.as_postgres:
            os.chown(folder, pwd.getpwnam("postgres").pw_uid, -1)
        self.run("initdb", "-D", self.data, "-A", "trust", "-U", "postgres", "--no-sync")
        self.options = f"-p {self.port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"

    def run(self, program, *args):
        command = [str(self.bin_dir / program), *map(str, args)]
        if self.as_postgres:
            command = ["su", "postgres", "-s", "/bin/sh", "-c", shlex.join(command)]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)

    def start(self):
        self.run("pg_ctl", "start", "-w", "-D", self.data, "-o", self.options, "-l", self.log)

    @property
    def log(self):
        return self.data.parent / "postgres.log"

    def restart(self):
        self.run("pg_ctl", "restart", "-w", "-m", "fast", "-D", self.data, "-o", self.options)

    def stop(self):
        self.run("pg_ctl", "stop", "-w", "-m", "fast", "-D", self.data)

    def pids(self):
        """The postmaster and every process it started (backends, checkpointer, …)."""
        postmaster = int((self.data / "postmaster.pid").read_text().split()[0])
        children = subprocess.run(
            ["ps", "-o", "pid=", "--ppid", str(postmaster)], capture_output=True, text=True
        ).stdout.split()
        return [postmaster, *map(int, children)]

    def signal(self, number):
        for pid in self.pids():
            os.kill(pid, number)

    def url(self, name):
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"


def get(port, path, timeout=60):
    """(status, seconds) of one GET; status 0 when the client gave up or the connection failed."""
    started = time.monotonic()
    client = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        client.request("GET", path, headers={"X-Forwarded-Proto": "https"})
        response = client.getresponse()
        response.read()
        status = response.status
    except (OSError, http.client.HTTPException):
        status = 0
    finally:
        client.close()
    return status, time.monotonic() - started


def summary(samples):
    seconds = [s for _status, s in samples]
    statuses = sorted({status for status, _s in samples})
    return (
        f"median {statistics.median(seconds) * 1000:7.1f} ms, worst {max(seconds) * 1000:7.1f} ms, "
        f"status {', '.join(map(str, statuses))} (n={len(samples)})"
    )


def gunicorn_options():
    """The options of `make serve`'s gunicorn, without --bind and the access log."""
    makefile = (ROOT / "Makefile").read_text().splitlines()
    line = next(line for line in makefile if "gunicorn newsroom" in line)
    options = shlex.split(line.split("newsroom.wsgi", 1)[1])
    for option in ("--bind", "--access-logfile"):
        if option in options:
            index = options.index(option)
            del options[index : index + 2]
    return options


def main():
    bin_dir = postgres_bin()
    if bin_dir is None:
        print("skipped: initdb (PostgreSQL server binaries) is not installed")
        return
    folder = Path(tempfile.mkdtemp(prefix="newsroom-stall-"))
    postgres = ThrowawayPostgres(bin_dir, folder)
    postgres.start()
    server = None
    try:
        with psycopg.connect(postgres.url("postgres"), autocommit=True) as connection:
            connection.execute("CREATE DATABASE newsroom_stall")
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_", "DJANGO_"))},
            "DEBUG": "0",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "DATABASE_URL": postgres.url("newsroom_stall"),
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "0",
            "DATA_DIR": str(folder),
            "PAGE_CACHE_SECONDS": "0",  # every page asks the database: that is what is measured
        }
        for name in ("DATABASE_CONNECT_TIMEOUT", "DATABASE_CONN_MAX_AGE"):
            if name in os.environ:
                env[name] = os.environ[name]
        manage = [sys.executable, str(ROOT / "manage.py")]
        for command in (["migrate", "--no-input"], ["collectstatic", "--no-input"]):
            subprocess.run([*manage, *command, "-v", "0"], env=env, cwd=ROOT, check=True)
        port = free_port()
        options = gunicorn_options()
        server = subprocess.Popen(
            [
                *(sys.executable, "-m", "gunicorn", "newsroom.wsgi", "--bind", f"127.0.0.1:{port}"),
                *options,
                *("--no-control-socket", "--log-level", "critical"),
            ],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=(folder / "gunicorn.log").open("w"),  # the 503s are logged, as they should
        )
        for _ in range(300):
            if get(port, "/readyz", timeout=5)[0] == 200:
                break
            time.sleep(0.2)
        else:
            sys.exit("gunicorn did not become ready")
        run(port, postgres, options)
    finally:
        if server is not None:
            server.send_signal(signal.SIGINT)
            server.wait(timeout=30)
        try:
            postgres.signal(signal.SIGCONT)
            postgres.stop()
        except (OSError, subprocess.CalledProcessError, FileNotFoundError):
            pass
        shutil.rmtree(folder, ignore_errors=True)


def run(port, postgres, options):
    print(f"gunicorn {' '.join(options)}; throwaway PostgreSQL on port {postgres.port}")
    threads = int(options[options.index("--workers") + 1]) * int(
        options[options.index("--threads") + 1]
    )
    stalled_pages = int(STALLED_PAGES or threads - 1)
    for _ in range(30):  # warm up: workers and threads open and keep their connections
        get(port, PAGE)
    baseline_health = [get(port, "/healthz") for _ in range(50)]
    baseline_pages = [get(port, PAGE) for _ in range(20)]
    print(f"baseline   /healthz  {summary(baseline_health)}")
    print(f"baseline   {PAGE:9} {summary(baseline_pages)}")

    postgres.signal(signal.SIGSTOP)
    stopped_at = time.monotonic()
    stalled = []
    waiting = [
        threading.Thread(target=lambda: stalled.append(get(port, PAGE)))
        for _ in range(stalled_pages)
    ]
    for thread in waiting:
        thread.start()
    time.sleep(0.5)  # the pages are now waiting on the database
    stall_health = []
    while time.monotonic() - stopped_at < min(STALL_SECONDS - 1, 5):
        stall_health.append(get(port, "/healthz"))
        time.sleep(0.05)
    stall_ready = [get(port, "/readyz")]
    time.sleep(max(0, STALL_SECONDS - (time.monotonic() - stopped_at)))
    postgres.signal(signal.SIGCONT)
    resumed_at = time.monotonic()
    for thread in waiting:
        thread.join()
    after_stall = [get(port, PAGE) for _ in range(20)]
    print(f"stall {STALL_SECONDS:.0f} s: {stalled_pages} page requests waiting ({threads} threads)")
    print(f"  during   /healthz  {summary(stall_health)}")
    print(f"  during   /readyz   {summary(stall_ready)}")
    print(f"  waiting  {PAGE:9} {summary(stalled)}")
    done = time.monotonic() - resumed_at
    print(f"  resumed  {PAGE:9} {summary(after_stall)}, all done {done:.1f} s after SIGCONT")
    ratio = statistics.median(s for _st, s in stall_health) / statistics.median(
        s for _st, s in baseline_health
    )
    print(f"  /healthz during the stall / baseline (median): {ratio:.2f}")

    postgres.restart()
    after_restart = [get(port, PAGE) for _ in range(20)]
    print(f"restart    {PAGE:9} {summary(after_restart)}")

    postgres.stop()
    while_stopped = [get(port, PAGE) for _ in range(10)]
    ready_stopped = [get(port, "/readyz") for _ in range(3)]
    print(f"stopped    {PAGE:9} {summary(while_stopped)}")
    print(f"stopped    /readyz   {summary(ready_stopped)}")
    postgres.start()
    restarted = [get(port, PAGE) for _ in range(20)]
    print(f"started    {PAGE:9} {summary(restarted)}")


if __name__ == "__main__":
    main()
