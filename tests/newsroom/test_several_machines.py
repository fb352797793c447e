"""Several machines, on loopback: two gunicorn instances (A and B) on one PostgreSQL database,
sharing a Redis of the test's own, an S3 bucket (moto's server, which speaks the S3 HTTP API) and
Varnish with deploy/varnish/newsroom.vcl in front of B. Each instance has a DATA_DIR of its own,
so nothing they share goes through the local disk.

The tests run in order on one cluster: publish through A and read through Varnish and B, upload
an image through B and read it through A and from the bucket, answer feedback past the limit on
both, let Varnish refuse bans (a change still shows once max-age has passed), then stop Redis
(pages still served). Everything started here is stopped at the end.
"""

import html
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import ExitStack, contextmanager
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import pytest

from tests.servers import POSTGRES_SCHEMES, ROOT, free_port, gunicorn, manage, scratch_database

from .feedback.test_rate_limit_workers import answer_once, stored_answers

MAX_AGE = 6  # PAGE_CACHE_SECONDS: how long any copy may be kept, by us or by Varnish
LIMIT = 4  # FEEDBACK_RATE_LIMIT
BUCKET = "newsroom-media"
PASSWORD = "several-machines-Pa55"
VCL = ROOT / "deploy" / "varnish" / "newsroom.vcl"
IMAGE_ADMIN = "/admin/images/image/add/"
ARTICLES_ADMIN = "/admin/newsroom/article/"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
NEWEST = (
    "from newsroom.news.models import Article; "
    "a = Article.objects.published().order_by('-publish_at', '-pk').first(); "
)

pytestmark = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith(POSTGRES_SCHEMES),
    reason="several instances share a PostgreSQL server: runs in the PostgreSQL pass",
)


def require(program):
    if shutil.which(program) is None:
        if os.environ.get("CI"):
            pytest.fail(f"CI=true but {program} is not installed: .ci/run installs it")
        pytest.skip(f"{program} is not installed")


class Client:
    """One browser: HTTP/1.1 to one port, with its own cookies; redirects are not followed."""

    def __init__(self, port):
        self.port = port
        self.cookies = SimpleCookie()

    def request(self, method, path, body=None, headers=None):
        import http.client

        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={m.value}" for k, m in self.cookies.items())
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            for value in response.headers.get_all("Set-Cookie") or []:
                self.cookies.load(value)
            return response.status, dict(response.getheaders()), response.read()
        finally:
            connection.close()

    def get(self, path):
        status, headers, body = self.request("GET", path)
        return status, headers, body.decode(errors="replace")

    def admin_post(self, path, fields, files=None):
        """POST an admin form: its CSRF token from a GET of the same page, multipart if files."""
        page = self.get(path)[2]
        fields = {"csrfmiddlewaretoken": html.unescape(CSRF.search(page).group(1)), **fields}
        if not files:
            body = urlencode(fields, doseq=True).encode()
            content_type = "application/x-www-form-urlencoded"
        else:
            boundary = uuid.uuid4().hex
            parts = []
            for name, value in fields.items():
                for item in value if isinstance(value, list) else [value]:
                    parts.append(
                        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                        f"{item}\r\n".encode()
                    )
            for name, (filename, content) in files.items():
                parts.append(
                    f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                    f'filename="{filename}"\r\nContent-Type: image/png\r\n\r\n'.encode()
                    + content
                    + b"\r\n"
                )
            body = b"".join(parts) + f"--{boundary}--\r\n".encode()
            content_type = f"multipart/form-data; boundary={boundary}"
        return self.request("POST", path, body, {"Content-Type": content_type})

    def log_in(self):
        status, _headers, _body = self.admin_post(
            "/admin/login/", {"username": "admin", "password": PASSWORD, "next": "/admin/"}
        )
        assert status == 302, "the login must succeed"


@contextmanager
def process(command, log, ready):
    """Start ``command`` (output to ``log``) and wait until ``ready()``; stop it afterwards."""
    with log.open("wb") as output:
        started = subprocess.Popen(command, stdout=output, stderr=output, cwd=ROOT)
    try:
        for _attempt in range(200):
            assert started.poll() is None, log.read_text()
            try:
                if ready():
                    break
            except OSError:
                pass
            time.sleep(0.1)
        else:
            pytest.fail(f"{command[0]} did not start: {log.read_text()}")
        yield started
    finally:
        if started.poll() is None:
            started.terminate()
            try:
                started.wait(timeout=20)
            except subprocess.TimeoutExpired:
                started.kill()
                started.wait()


def answers(port, path="/readyz"):
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
    try:
        connection.request("GET", path)
        return connection.getresponse().status < 500
    finally:
        connection.close()


def redis_server(folder):
    port = free_port()
    command = ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
    command += ["--appendonly", "no", "--dir", str(folder)]

    def ready():
        import redis

        return redis.Redis(port=port, socket_connect_timeout=1).ping()

    return port, process(command, folder / "redis.log", ready)


def s3_server(folder):
    port = free_port()
    command = [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)]
    return port, process(command, folder / "moto.log", lambda: answers(port, "/"))


def varnish(folder, backend_port, port):
    """Varnish with the shipped VCL, its backend B; in ``folder``, which varnishd's own user
    (it drops root) must be able to read."""
    vcl = folder / "newsroom.vcl"
    shipped = VCL.read_text()
    assert '.port = "8000";' in shipped
    assert '"Host: news.example.org"' in shipped
    vcl.write_text(
        shipped.replace('.port = "8000";', f'.port = "{backend_port}";').replace(
            '"Host: news.example.org"', '"Host: 127.0.0.1"'
        )
    )
    # The same VCL refusing bans, as a cache that cannot purge (loaded by a test below).
    refusing = folder / "refusing.vcl"
    ban = re.search(r"^\s*ban\(.*?\);$", shipped, re.MULTILINE | re.DOTALL).group(0)
    refusing.write_text(vcl.read_text().replace(ban, 'return (synth(503, "Refused"));'))
    work = folder / "varnish"
    command = ["varnishd", "-F", "-n", str(work), "-a", f"127.0.0.1:{port}", "-f", str(vcl)]
    command += ["-s", "malloc,32m", "-T", f"127.0.0.1:{free_port()}"]
    return work, process(command, folder / "varnish.log", lambda: answers(port))


def bucket_client(port):
    import boto3

    return boto3.client(
        "s3",
        endpoint_url=f"http://127.0.0.1:{port}",
        aws_access_key_id="test",
        aws_secret_access_key="test",
        region_name="us-east-1",
    )


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    for program in ("redis-server", "varnishd", "varnishadm"):
        require(program)
    pytest.importorskip("moto", reason="moto[server] is in the dev extras")
    folder = tmp_path_factory.mktemp("several-machines")
    with ExitStack() as stack:
        redis_port, redis_process = redis_server(folder)
        redis_running = stack.enter_context(redis_process)
        s3_port, s3_process = s3_server(folder)
        stack.enter_context(s3_process)
        bucket_client(s3_port).create_bucket(Bucket=BUCKET)
        database_url = stack.enter_context(scratch_database(folder))
        varnish_port = free_port()
        env = {
            **os.environ,
            "DEBUG": "1",
            "DATABASE_URL": database_url,
            "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
            "MEDIA_STORAGE_URL": f"s3://test:test@{BUCKET}?endpoint=http://127.0.0.1:{s3_port}"
            "&region=us-east-1&addressing=path",
            "HTTP_CACHE_PURGE_URL": f"http://127.0.0.1:{varnish_port}/",
            "PAGE_CACHE_SECONDS": str(MAX_AGE),
            "FEEDBACK_RATE_LIMIT": str(LIMIT),
            "FEEDBACK_MIN_SECONDS": "0",
            "DJANGO_SUPERUSER_PASSWORD": PASSWORD,
        }
        instances = {}
        for name in ("a", "b"):
            data_dir = folder / name
            data_dir.mkdir()
            instance_env = {**env, "DATA_DIR": str(data_dir)}
            port, _log = stack.enter_context(gunicorn(instance_env, data_dir, workers=2))
            instances[name] = (port, data_dir, instance_env)
        readable = Path(tempfile.mkdtemp(prefix="newsroom-varnish-"))
        stack.callback(shutil.rmtree, readable, ignore_errors=True)
        readable.chmod(0o755)
        varnish_work, varnish_process = varnish(readable, instances["b"][0], varnish_port)
        stack.enter_context(varnish_process)
        command_env = instances["a"][2]
        manage(
            command_env, "createsuperuser", "--no-input", "--username", "admin", "--email", "a@x.se"
        )
        manage(command_env, "demo")  # after the account, which it then leaves alone
        yield {
            "env": command_env,
            "database_url": database_url,
            "a": instances["a"],
            "b": instances["b"],
            "varnish": varnish_port,
            "varnish_work": varnish_work,
            "folder": readable,
            "redis": redis_running,
            "s3": s3_port,
        }


def shell(cluster, code):
    """Run ``code`` in ``manage.py shell`` beside the instances; its last line of output."""
    lines = manage(cluster["env"], "shell", "-v", "0", "-c", code).strip().splitlines()
    return lines[-1] if lines else ""


def newest_article(cluster):
    pk, title = shell(cluster, NEWEST + "print(a.pk, a.title_sv, sep='|')").split("|", 1)
    return pk, html.escape(title)


def through(port, path="/"):
    """``(page, Varnish's X-Cache, Age)`` of a GET."""
    status, headers, page = Client(port).get(path)
    assert status == 200, page
    return page, headers.get("X-Cache"), int(headers.get("Age", "0"))


def warm(port, path="/"):
    """Read until Varnish serves its stored copy; ``(page, its age, when)``."""
    for _attempt in range(10):
        page, cache, age = through(port, path)
        if cache == "hit":
            return page, age, time.monotonic()
    pytest.fail("Varnish did not keep the page")


def set_status_through(client, action, pk):
    fields = {"action": action, "_selected_action": pk, "index": "0"}
    status, _headers, body = client.admin_post(ARTICLES_ADMIN, fields)
    assert status == 302, body.decode()[:2000]


def test_publishing_through_a_is_read_at_once_through_varnish_and_b(cluster):
    pk, title = newest_article(cluster)
    varnish, b = cluster["varnish"], cluster["b"][0]
    assert title in through(varnish)[0]
    shell(
        cluster,
        NEWEST + "from newsroom.core.publishing import Status; a.status = Status.DRAFT; a.save()",
    )
    editor = Client(cluster["a"][0])
    editor.log_in()
    page, age, since = warm(varnish)
    assert title not in page
    assert title not in through(b)[0]

    set_status_through(editor, "publish", pk)

    assert title in through(varnish)[0]
    assert title in through(b)[0]
    # Without the purge, Varnish's copy would still have been fresh: it was banned.
    assert age + (time.monotonic() - since) < MAX_AGE


def png(width=1000, height=700):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 40, 40)).save(buffer, "PNG")
    return buffer.getvalue()


def test_an_image_uploaded_through_b_is_served_by_a_and_stored_in_the_bucket(cluster):
    editor = Client(cluster["b"][0])
    editor.log_in()
    status, _headers, body = editor.admin_post(
        IMAGE_ADMIN,
        {"alt_text_sv": "Stormen drar in över kusten", "_save": "1"},
        files={"file": ("storm.png", png())},
    )
    assert status == 302, body.decode()[:2000]
    original, record, src = json.loads(
        shell(
            cluster,
            "import json; from newsroom.core.images.models import Image; "
            "i = Image.objects.latest('created'); "
            "print(json.dumps([i.file.name, i.renditions, i.src]))",
        )
    )
    names = [original] + [name for key in ("webp", "fallback") for _w, name in record[key]]
    assert len(names) == 1 + 2 * 4  # 320, 640, 960 and 1000 pixels wide, WebP and PNG
    assert src == f"/media/{record['fallback'][-1][1]}"
    bucket = bucket_client(cluster["s3"])
    for name in names:
        status, headers, content = Client(cluster["a"][0]).request("GET", f"/media/{name}")
        assert status == 200
        assert content == bucket.get_object(Bucket=BUCKET, Key=name)["Body"].read()
        assert "public" in headers["Cache-Control"]
    for instance in ("a", "b"):
        assert not (cluster[instance][1] / "media").exists()


def test_the_feedback_limit_is_exact_across_both_instances(cluster):
    ports = [cluster["a"][0], cluster["b"][0]]
    before = stored_answers(cluster["database_url"])  # the demo's
    statuses = [answer_once(ports[index % 2]) for index in range(2 * LIMIT)]

    assert statuses == [200] * LIMIT + [429] * LIMIT
    assert stored_answers(cluster["database_url"]) == before + LIMIT
    assert stored_answers(cluster["database_url"], "feedback_ratecount") == 0  # in Redis


def varnishadm(cluster, *command):
    subprocess.run(
        ["varnishadm", "-n", str(cluster["varnish_work"]), *command],
        check=True,
        capture_output=True,
        timeout=30,
    )


def test_a_failed_purge_only_delays_a_change_until_max_age(cluster):
    pk, title = newest_article(cluster)
    varnish, b = cluster["varnish"], cluster["b"][0]
    editor = Client(cluster["a"][0])
    editor.log_in()
    varnishadm(cluster, "vcl.load", "refusing", str(cluster["folder"] / "refusing.vcl"))
    varnishadm(cluster, "vcl.use", "refusing")
    try:
        page, _age, _since = warm(varnish)
        assert title in page

        set_status_through(editor, "unpublish", pk)
        changed = time.monotonic()

        assert title not in through(b)[0]
        assert title in through(varnish)[0]  # the ban was refused: the copy stays, for now
        while title in through(varnish)[0]:
            assert time.monotonic() - changed <= MAX_AGE + 1
            time.sleep(0.25)
    finally:
        varnishadm(cluster, "vcl.use", "boot")
    log = cluster["a"][1] / "gunicorn.log"
    for _attempt in range(40):  # the first retry is logged half a second after the refusal
        if "Could not purge the HTTP cache" in log.read_text():
            break
        time.sleep(0.25)
    else:
        pytest.fail("the failed purge was not logged")


def test_with_redis_stopped_pages_and_feedback_are_still_served(cluster):
    cluster["redis"].terminate()
    cluster["redis"].wait(timeout=20)

    for port in (cluster["a"][0], cluster["b"][0], cluster["varnish"]):
        page, _cache, _age = through(port)
        assert "<main" in page
    assert answer_once(cluster["a"][0]) == 200  # counted in the database now
    assert stored_answers(cluster["database_url"], "feedback_ratecount") == 1
    log = (cluster["a"][1] / "gunicorn.log").read_text()
    assert "The page cache is unavailable; serving pages from the database." in log
    assert "Internal Server Error" not in log
