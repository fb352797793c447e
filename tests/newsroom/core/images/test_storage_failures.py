"""A full disk is a form error, and leaves nothing behind (issue 16).

Writing an image's files (its original and renditions) is all or nothing: when one write fails,
every file written for the image is removed, its row is not saved, and the editor gets the form
back with the reason on the file field. Files an image lets go of (replaced, or the image
deleted) are deleted once the change is committed; one the storage cannot delete stays listed
until it can. A full temporary folder for uploads answers 503.

Real files throughout: a tiny tmpfs where this machine lets us mount one (always in CI), and
elsewhere storages that fail as a full disk does (part of the file written, then ENOSPC).
"""

import errno
import io
import os
import random
import subprocess
from pathlib import Path

import pytest
from django.contrib.admin.models import LogEntry
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import TemporaryFileUploadHandler
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from PIL import Image as PILImage

from newsroom.core.images import renditions
from newsroom.core.images.models import Image, PendingDeletion, delete_pending
from newsroom.core.images.storing import NotStored

from .factories import ImageFactory, image_bytes

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:images_image_add")
NO_ROOM = (
    "There is no room to save the image right now. Try again later or tell the site administrator."
)
NOT_RECEIVED = "The server has no room to receive the file right now, so nothing was saved."


class FullDiskStorage(FileSystemStorage):
    """A disk that is full from the ``fail_at``-th file on: part of it is written, then
    ``OSError(error)``."""

    def __init__(self, fail_at=3, error=errno.ENOSPC, **kwargs):
        super().__init__(**kwargs)
        self.fail_at, self.error, self.saves = fail_at, error, 0

    def _save(self, name, content):
        self.saves += 1
        if self.saves < self.fail_at:
            return super()._save(name, content)
        data = content.read()
        super()._save(name, ContentFile(data[: len(data) // 2]))
        raise self.failure(name)

    def failure(self, name):
        return OSError(self.error, os.strerror(self.error), self.path(name))


class BrokenStorage(FullDiskStorage):
    """Fails with something other than an ``OSError`` (as an object store's client may)."""

    def failure(self, name):
        return RuntimeError(f"the store refused {name}")


class UndeletableStorage(FileSystemStorage):
    """Cannot delete WebP files: an I/O error each time."""

    def delete(self, name):
        if name.endswith(".webp"):
            raise OSError(errno.EIO, os.strerror(errno.EIO), self.path(name))
        super().delete(name)


class FullTempDirUploadHandler(TemporaryFileUploadHandler):
    """Writes an upload's first chunk to FILE_UPLOAD_TEMP_DIR, then finds the folder full."""

    def receive_data_chunk(self, raw_data, start):
        if start:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), self.file.name)
        return super().receive_data_chunk(raw_data, start)


@pytest.fixture
def use_storage(settings):
    """Make ``backend`` (with ``options``) the default storage, as an operator would."""

    def use(backend, **options):
        path = f"{backend.__module__}.{backend.__qualname__}"
        settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": path, "OPTIONS": options}}

    return use


def ci():
    return os.environ.get("CI", "").lower() not in ("", "0", "false", "no")


@pytest.fixture
def tiny_filesystem(tmp_path):
    """Mount a tmpfs of ``size`` (e.g. "900k") and give its path; unmounted after the test.

    Skipped where mounting is not permitted (not root, no CAP_SYS_ADMIN), except in CI.
    """
    mounted = []

    def mount(size):
        path = tmp_path / f"tmpfs-{len(mounted)}"
        path.mkdir()
        try:
            result = subprocess.run(
                ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(path)],
                capture_output=True,
                text=True,
                check=False,
            )
            problem = result.stderr.strip() if result.returncode else None
        except OSError as error:  # no mount(8)
            problem = str(error)
        if problem:
            if ci():
                pytest.fail(f"CI must be able to mount a tmpfs: {problem}")
            pytest.skip(f"mounting a tmpfs is not permitted here: {problem}")
        mounted.append(path)
        return path

    yield mount
    for path in reversed(mounted):
        if subprocess.run(["umount", str(path)], check=False).returncode:
            subprocess.run(["umount", "--lazy", str(path)], check=True)  # a file still open


@pytest.fixture
def csrf_client(admin_user):
    """An editor's browser: logged in, and with CSRF checks on (the test client's are off),
    so Django's CSRF middleware would read the request body before any view runs."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)
    client.csrf_token = str(client.get(ADD_URL).context["csrf_token"])
    return client


def photo_bytes(size=(1000, 750), seed=16):
    """A JPEG that compresses no better than a photo: this one is about 680 kB, and its
    renditions take about 1.1 MB more."""
    pixels = random.Random(seed).randbytes(size[0] * size[1] * 3)
    buffer = io.BytesIO()
    PILImage.frombytes("RGB", size, pixels).save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def post_image(client, url, content, name="photo.jpg", **fields):
    data = {"alt_text_sv": "En bild", "credit": "Testfotograf", **fields}
    data["file"] = SimpleUploadedFile(name, content)
    return client.post(url, data, HTTP_ACCEPT_LANGUAGE="en")


def served(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    try:
        return b"".join(response.streaming_content)
    finally:
        response.close()  # the open file would keep the filesystem busy


def stored_files(root):
    """Every file under ``root`` and its bytes (folders left empty are not files)."""
    root = Path(root)
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def stored_row():
    """The image's row, every column (not the fields modeltranslation reads per language)."""
    return {
        k: v for k, v in Image.objects.values().get().items() if k not in ("alt_text", "caption")
    }


def image_names(image):
    return {image.file.name, *renditions.names(image.renditions)}


def assert_no_room_on_the_file_field(response):
    assert response.status_code == 200, response.status_code
    form = response.context["adminform"].form
    assert [error.code for error in form.errors.as_data()["file"]] == ["no_room"]
    assert form.errors["file"] == [NO_ROOM]
    assert set(form.errors) == {"file"}
    assert NO_ROOM in response.content.decode()
    assert b'value="Testfotograf"' in response.content  # what the editor wrote is still there


# A real full filesystem.


def test_a_full_filesystem_is_a_form_error_and_keeps_nothing(
    admin_client, settings, tiny_filesystem
):
    settings.MEDIA_ROOT = tiny_filesystem("900k")

    # The original fits; its renditions do not.
    response = post_image(admin_client, ADD_URL, photo_bytes())

    assert_no_room_on_the_file_field(response)
    assert not Image.objects.exists()
    assert not LogEntry.objects.exists()
    assert stored_files(settings.MEDIA_ROOT) == {}
    # The room is free again: a smaller image fits.
    assert post_image(admin_client, ADD_URL, image_bytes()).status_code == 302
    assert set(stored_files(settings.MEDIA_ROOT)) == image_names(Image.objects.get())


def test_replacing_the_file_on_a_full_filesystem_keeps_the_old_image(
    admin_client, client, settings, tiny_filesystem, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tiny_filesystem("900k")
    image = ImageFactory()
    row, files = stored_row(), stored_files(settings.MEDIA_ROOT)

    with django_capture_on_commit_callbacks(execute=True):
        response = post_image(
            admin_client,
            reverse("admin:images_image_change", args=[image.pk]),
            photo_bytes(),
            name="new.jpg",
            alt_text_sv="Ny text",
        )

    assert_no_room_on_the_file_field(response)
    assert stored_row() == row
    assert stored_files(settings.MEDIA_ROOT) == files
    assert served(client, image.src) == files[image.renditions["fallback"][-1][1]]


def test_a_full_upload_temp_dir_answers_503_and_keeps_nothing(
    csrf_client, settings, tiny_filesystem
):
    settings.FILE_UPLOAD_TEMP_DIR = str(tiny_filesystem("256k"))
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 64 * 1024  # larger uploads go to the folder

    response = post_image(
        csrf_client, ADD_URL, photo_bytes(), csrfmiddlewaretoken=csrf_client.csrf_token
    )

    assert response.status_code == 503
    assert NOT_RECEIVED in response.content.decode()
    assert not Image.objects.exists()
    assert list(Path(settings.FILE_UPLOAD_TEMP_DIR).iterdir()) == []
    assert stored_files(settings.MEDIA_ROOT) == {}


# Storages that fail as a full disk does, wherever a tmpfs cannot be mounted.


@pytest.mark.parametrize(
    "fail_at",
    [1, 2, 4, 7],  # an 800 x 600 image is 7 files: its original, then 3 widths in 2 formats
    ids=["original", "first rendition", "part-way", "last rendition"],
)
def test_a_full_disk_while_storing_an_upload_is_a_form_error_and_keeps_nothing(
    admin_client, settings, use_storage, fail_at
):
    use_storage(FullDiskStorage, fail_at=fail_at)

    response = post_image(admin_client, ADD_URL, image_bytes(size=(800, 600)))

    assert_no_room_on_the_file_field(response)
    assert response.context["adminform"].form.instance.pk is None
    assert not Image.objects.exists()
    assert not LogEntry.objects.exists()
    assert stored_files(settings.MEDIA_ROOT) == {}
    assert not PendingDeletion.objects.exists()


@pytest.mark.parametrize("error", [errno.EDQUOT, errno.EIO, errno.EROFS])
def test_any_storage_error_is_the_same_form_error(admin_client, settings, use_storage, error):
    use_storage(FullDiskStorage, fail_at=3, error=error)

    response = post_image(admin_client, ADD_URL, image_bytes())

    assert_no_room_on_the_file_field(response)
    assert not Image.objects.exists()
    assert stored_files(settings.MEDIA_ROOT) == {}


@pytest.mark.parametrize("fail_at", [1, 3])
def test_a_full_disk_while_replacing_the_file_keeps_the_old_image(
    admin_client, client, settings, use_storage, django_capture_on_commit_callbacks, fail_at
):
    image = ImageFactory()
    row, files = stored_row(), stored_files(settings.MEDIA_ROOT)
    use_storage(FullDiskStorage, fail_at=fail_at)
    url = reverse("admin:images_image_change", args=[image.pk])

    with django_capture_on_commit_callbacks(execute=True):
        response = post_image(
            admin_client, url, image_bytes(size=(1200, 900), fmt="PNG"), name="new.png"
        )

    assert_no_room_on_the_file_field(response)
    assert stored_row() == row
    assert stored_files(settings.MEDIA_ROOT) == files
    assert not PendingDeletion.objects.exists()
    # Still usable: the form shows it, the site serves it and its renditions.
    assert f'<img src="{image.thumbnail_url}" alt=""'.encode() in response.content
    for _width, name in image.renditions["webp"] + image.renditions["fallback"]:
        assert served(client, image.file.storage.url(name)) == files[name]
    assert served(client, image.file.url) == files[image.file.name]


def test_saving_again_once_there_is_room_stores_the_image(settings, use_storage):
    use_storage(FullDiskStorage, fail_at=3)
    image = Image(file=ContentFile(image_bytes(), name="photo.jpg"), alt_text_sv="Bild")

    with pytest.raises(NotStored) as failure:
        image.save()

    assert failure.value.__cause__.errno == errno.ENOSPC
    assert (image.pk, image.renditions, stored_files(settings.MEDIA_ROOT)) == (None, {}, {})
    use_storage(FileSystemStorage)
    image.save()
    assert set(stored_files(settings.MEDIA_ROOT)) == image_names(Image.objects.get())


def test_other_failures_keep_no_files_either(settings, use_storage):
    use_storage(BrokenStorage, fail_at=4)

    with pytest.raises(RuntimeError):
        ImageFactory()

    assert not Image.objects.exists()
    assert stored_files(settings.MEDIA_ROOT) == {}


def test_the_upload_form_still_needs_its_csrf_token(csrf_client):
    image = ImageFactory()
    change_url = reverse("admin:images_image_change", args=[image.pk])

    assert post_image(csrf_client, ADD_URL, image_bytes()).status_code == 403
    assert post_image(csrf_client, change_url, image_bytes(), name="new.jpg").status_code == 403
    assert Image.objects.get() == image
    token = {"csrfmiddlewaretoken": csrf_client.csrf_token}
    assert post_image(csrf_client, ADD_URL, image_bytes(), **token).status_code == 302


def test_a_temp_dir_that_fills_up_during_an_upload_answers_503(csrf_client, settings, tmp_path):
    handler = FullTempDirUploadHandler
    settings.FILE_UPLOAD_HANDLERS = [f"{handler.__module__}.{handler.__qualname__}"]
    settings.FILE_UPLOAD_TEMP_DIR = tmp_path / "uploads"
    settings.FILE_UPLOAD_TEMP_DIR.mkdir()

    response = post_image(
        csrf_client, ADD_URL, photo_bytes(), csrfmiddlewaretoken=csrf_client.csrf_token
    )

    assert response.status_code == 503
    assert NOT_RECEIVED in response.content.decode()
    assert b'href="/admin/images/image/add/"' in response.content  # back to the form
    assert list(settings.FILE_UPLOAD_TEMP_DIR.iterdir()) == []  # the first chunk is gone too
    assert not Image.objects.exists()


# Files an image lets go of.


def test_deleting_an_image_in_the_admin_deletes_all_its_files(
    admin_client, settings, django_capture_on_commit_callbacks
):
    image = ImageFactory()

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("admin:images_image_delete", args=[image.pk]), {"post": "yes"}
        )

    assert response.status_code == 302
    assert stored_files(settings.MEDIA_ROOT) == {}
    assert not PendingDeletion.objects.exists()


def test_deleting_images_with_the_list_action_deletes_their_files(
    admin_client, settings, django_capture_on_commit_callbacks
):
    images = ImageFactory.create_batch(2)

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("admin:images_image_changelist"),
            {
                "action": "delete_selected",
                "_selected_action": [i.pk for i in images],
                "post": "yes",
            },
        )

    assert response.status_code == 302
    assert not Image.objects.exists()
    assert stored_files(settings.MEDIA_ROOT) == {}


def test_files_the_storage_cannot_delete_stay_listed_until_it_can(
    admin_client, settings, use_storage, django_capture_on_commit_callbacks
):
    image = ImageFactory()
    webp = {name for _width, name in image.renditions["webp"]}
    use_storage(UndeletableStorage)

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("admin:images_image_delete", args=[image.pk]), {"post": "yes"}
        )

    assert response.status_code == 302
    assert not Image.objects.exists()
    assert set(stored_files(settings.MEDIA_ROOT)) == webp
    assert set(PendingDeletion.objects.values_list("name", flat=True)) == webp
    call_command("delete_image_files", stdout=io.StringIO(), stderr=io.StringIO())
    assert set(PendingDeletion.objects.values_list("name", flat=True)) == webp  # still failing
    use_storage(FileSystemStorage)
    output = io.StringIO()
    call_command("delete_image_files", stdout=output)
    assert f"Deleted {len(webp)} image files; 0 could not" in output.getvalue()
    assert stored_files(settings.MEDIA_ROOT) == {}
    assert not PendingDeletion.objects.exists()


def test_old_files_the_storage_cannot_delete_after_a_replacement_stay_listed(
    admin_client, settings, use_storage, django_capture_on_commit_callbacks
):
    image = ImageFactory()
    old_webp = {name for _width, name in image.renditions["webp"]}
    use_storage(UndeletableStorage)

    with django_capture_on_commit_callbacks(execute=True):
        response = post_image(
            admin_client,
            reverse("admin:images_image_change", args=[image.pk]),
            image_bytes(size=(400, 300), fmt="PNG"),
            name="new.png",
        )

    assert response.status_code == 302
    image.refresh_from_db()
    assert image.file.name.endswith(".png")
    assert set(stored_files(settings.MEDIA_ROOT)) == image_names(image) | old_webp
    assert set(PendingDeletion.objects.values_list("name", flat=True)) == old_webp
    use_storage(FileSystemStorage)
    assert delete_pending() == len(old_webp)
    assert set(stored_files(settings.MEDIA_ROOT)) == image_names(image)


def test_a_name_waiting_to_be_deleted_is_not_given_to_a_new_file(settings):
    # As if the storage had deleted the file but the database failed to forget it just then.
    name = Image._meta.get_field("file").generate_filename(None, "photo.jpg")
    PendingDeletion.objects.create(name=name)

    image = ImageFactory(file=ContentFile(image_bytes(), name="photo.jpg"))

    assert image.file.name != name
    delete_pending()
    assert set(stored_files(settings.MEDIA_ROOT)) == image_names(image)
