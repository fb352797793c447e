"""The default install (files, no Redis) with several gunicorn workers: a change made in any
process reaches the readers of every worker."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
GUNICORN = Path(sys.executable).with_name("gunicorn")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=180,
    ).stdout


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode(), response.headers.get("X-Page-Cache")


@pytest.fixture
def site(tmp_path):
    env = {
        **os.environ,
        "DEBUG": "1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "DATA_DIR": str(tmp_path),
        "PAGE_CACHE_SECONDS": "300",
    }
    manage(env, "migrate", "--no-input", "-v", "0")
    manage(env, "demo")
    port = free_port()
    server = subprocess.Popen(
        [
            GUNICORN,
            "newsroom.wsgi",
            *("--workers", "3", "--bind", f"127.0.0.1:{port}"),
            *("--no-control-socket", "--log-level", "warning"),
        ],
        cwd=ROOT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    for _attempt in range(100):
        try:
            fetch(f"{base}/healthz")
            break
        except OSError:
            time.sleep(0.1)
    yield env, base
    server.terminate()
    server.wait(timeout=20)


def test_a_change_in_one_process_reaches_every_worker(site):
    env, base = site
    path = manage(
        env,
        "shell",
        "-v",
        "0",
        "-c",
        "from newsroom.news.models import Article; "
        "print(Article.objects.published().order_by('pk').first().get_absolute_url())",
    ).strip()
    before = [fetch(base + path) for _ in range(12)]
    assert sum(hit == "hit" for _page, hit in before) >= 9  # every worker has it cached
    manage(
        env,
        "shell",
        "-c",
        "from newsroom.news.models import Article; "
        "a = Article.objects.published().order_by('pk').first(); "
        "a.title_sv = 'Rättad rubrik från en annan process'; a.save()",
    )
    after = [fetch(base + path) for _ in range(12)]
    assert all("Rättad rubrik från en annan process" in page for page, _hit in after)
