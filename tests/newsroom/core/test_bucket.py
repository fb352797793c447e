"""Uploads in an S3 bucket (moto's server on loopback, speaking the S3 HTTP API): written there,
served through /media/ when the bucket is private, and copied there from a local MEDIA_ROOT."""

import boto3
import pytest
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command

from newsroom import env
from tests.newsroom.core.images.factories import ImageFactory
from tests.servers import free_port

pytestmark = pytest.mark.django_db

moto_server = pytest.importorskip("moto.server", reason="moto[server] is in the dev extras")


@pytest.fixture(scope="module")
def s3():
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=free_port(), verbose=False)
    server.start()
    yield f"http://127.0.0.1:{server._port}"
    server.stop()


@pytest.fixture
def bucket(s3, settings, tmp_path):
    name = f"media-{tmp_path.name.lower().replace('_', '-')}"[:40].rstrip("-")
    url = f"s3://test:test@{name}?endpoint={s3}&region=us-east-1&addressing=path"
    client = boto3.client(
        "s3",
        endpoint_url=s3,
        region_name="us-east-1",
        aws_access_key_id="test",
        aws_secret_access_key="test",
    )
    client.create_bucket(Bucket=name)
    options, _serve = env.parse_media_storage_url(url)
    settings.MEDIA_STORAGE_URL = url
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "newsroom.core.bucket.ProxiedBucketStorage", "OPTIONS": options},
    }
    return client, name


def stored(bucket):
    client, name = bucket
    return {item["Key"] for item in client.list_objects_v2(Bucket=name).get("Contents", [])}


def test_an_image_and_its_renditions_go_to_the_bucket_and_are_served_through_media(
    bucket, client, settings
):
    image = ImageFactory()

    names = {
        image.file.name,
        *(n for key in ("webp", "fallback") for _w, n in image.renditions[key]),
    }
    assert stored(bucket) == names
    assert not settings.MEDIA_ROOT.exists()
    assert image.src.startswith("/media/images/")
    response = client.get(image.src)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert "public" in response["Cache-Control"]
    assert (
        b"".join(response.streaming_content)
        == bucket[0]
        .get_object(Bucket=bucket[1], Key=image.src.removeprefix("/media/"))["Body"]
        .read()
    )


@pytest.mark.parametrize(
    "path", ["images/none.jpg", "images/../../etc/passwd", "images//x.jpg", "images/a%00.jpg"]
)
def test_a_missing_or_crafted_media_path_is_not_found(bucket, client, path):
    assert client.get(f"/media/{path}").status_code == 404


def test_a_new_name_never_overwrites_a_stored_file(bucket):
    first = default_storage.save("documents/report.pdf", _content(b"one"))
    second = default_storage.save("documents/report.pdf", _content(b"two"))
    assert first == "documents/report.pdf"
    assert second != first
    assert default_storage.open(first).read() == b"one"


def _content(data):
    from django.core.files.base import ContentFile

    return ContentFile(data)


def test_copying_media_root_into_the_bucket_is_idempotent(bucket, settings, capsys):
    folder = settings.MEDIA_ROOT
    (folder / "images" / "2026" / "12").mkdir(parents=True)
    (folder / "images" / "2026" / "12" / "storm.jpg").write_bytes(b"jpeg bytes")
    (folder / "documents").mkdir()
    (folder / "documents" / "plan.pdf").write_bytes(b"pdf bytes")

    call_command("copy_media_to_storage")
    assert "Copied 2 files; 0 were there already; 0 differ." in capsys.readouterr().out
    assert stored(bucket) == {"images/2026/12/storm.jpg", "documents/plan.pdf"}

    call_command("copy_media_to_storage")
    assert "Copied 0 files; 2 were there already; 0 differ." in capsys.readouterr().out

    (folder / "documents" / "plan.pdf").write_bytes(b"another plan")
    with pytest.raises(CommandError):
        call_command("copy_media_to_storage")
    assert "documents/plan.pdf: another file of that name is stored" in capsys.readouterr().err
    assert default_storage.open("documents/plan.pdf").read() == b"pdf bytes"


def test_copying_needs_a_bucket(settings, tmp_path):
    settings.MEDIA_STORAGE_URL = ""
    settings.MEDIA_ROOT = tmp_path
    with pytest.raises(CommandError, match="MEDIA_STORAGE_URL is not set"):
        call_command("copy_media_to_storage")
