import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import ExifTags
from PIL import Image as PILImage

from newsroom.core.images import files
from newsroom.core.images.models import Image
from newsroom.core.images.renditions import widths_for

from .factories import ImageFactory, image_bytes

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:images_image_add")


def picture_bytes(fmt, size=(800, 600), mode="RGB", **options):
    buffer = io.BytesIO()
    picture = PILImage.new(mode, size, 120 if mode in ("1", "L", "P") else (30, 90, 160))
    picture.save(buffer, fmt, **options)
    return buffer.getvalue()


def gps_exif(orientation=None):
    exif = PILImage.Exif()
    exif[ExifTags.Base.Make] = "Spycam"
    if orientation:
        exif[ExifTags.Base.Orientation] = orientation
    exif.get_ifd(ExifTags.IFD.GPSInfo).update(
        {
            ExifTags.GPS.GPSLatitudeRef: "N",
            ExifTags.GPS.GPSLatitude: (59.0, 19.0, 46.0),
            ExifTags.GPS.GPSLongitudeRef: "E",
            ExifTags.GPS.GPSLongitude: (18.0, 4.0, 7.0),
        }
    )
    return exif


def upload(admin_client, content, name="photo.jpg", **fields):
    data = {"alt_text_sv": "En bild", "credit": "Testfotograf", **fields}
    data["file"] = SimpleUploadedFile(name, content)
    return admin_client.post(ADD_URL, data)


def file_errors(response):
    """The codes of the upload's errors (the messages get translated)."""
    assert response.status_code == 200, response.status_code
    form = response.context["adminform"].form
    return {error.code for error in form.errors.as_data().get("file", [])}


@pytest.mark.parametrize(
    ("fmt", "name", "fallback"),
    [
        ("JPEG", "photo.jpg", "image/jpeg"),
        ("PNG", "chart.png", "image/png"),
        ("WEBP", "photo.webp", "image/png"),
        ("GIF", "animation.gif", "image/png"),
    ],
)
def test_each_accepted_format_is_stored_with_renditions(admin_client, fmt, name, fallback):
    response = upload(admin_client, picture_bytes(fmt), name=name)

    assert response.status_code == 302
    image = Image.objects.get()
    assert (image.width, image.height) == (800, 600)
    with image.file.open() as stored, PILImage.open(stored) as picture:
        assert picture.format == fmt
    assert image.renditions["fallback_type"] == fallback
    assert [width for width, _name in image.renditions["webp"]] == [320, 640, 800]


def test_the_format_comes_from_the_bytes_not_the_name(admin_client):
    response = upload(admin_client, picture_bytes("PNG"), name="mislabelled.jpg")

    assert response.status_code == 302
    assert Image.objects.get().file.name.endswith(".png")


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (b"This is plain text, not a picture.\n" * 20, "notes.jpg"),
        (picture_bytes("BMP"), "bitmap.png"),
        (picture_bytes("TIFF"), "scan.jpg"),
        (b"\x00" * 2048, "nul.png"),
        (b"GIF89a<script>alert(1)</script>", "polyglot.gif"),
    ],
)
def test_files_that_are_not_accepted_images_get_a_clear_error(admin_client, content, name):
    response = upload(admin_client, content, name=name)

    assert file_errors(response) & {"invalid_format", "corrupt"}
    assert not Image.objects.exists()


def test_a_text_file_named_jpg_is_refused_as_not_an_image(admin_client):
    response = upload(admin_client, b"hello, I am text", name="holiday.jpg")

    assert file_errors(response) == {"invalid_format"}


def test_a_file_over_the_byte_limit_is_refused(admin_client):
    content = picture_bytes("PNG") + b"\0" * files.MAX_BYTES

    response = upload(admin_client, content, name="huge.png")

    assert file_errors(response) == {"too_many_bytes"}
    assert not Image.objects.exists()


# As in production (ImagesConfig.ready); pytest resets warning filters for each test.
@pytest.mark.filterwarnings("error::PIL.Image.DecompressionBombWarning")
@pytest.mark.parametrize(
    "size",
    [
        (10_000, 10_000),  # 100 MP: over twice the limit, Pillow's own error
        (7_000, 7_000),  # 49 MP: Pillow only warns; we refuse it all the same
    ],
)
def test_a_decompression_bomb_is_refused_with_a_form_error(admin_client, size):
    # A 1-bit PNG of one colour compresses to a few kilobytes whatever its declared size.
    content = picture_bytes("PNG", size=size, mode="1")
    assert len(content) < 100_000

    response = upload(admin_client, content, name="bomb.png")

    assert file_errors(response) == {"too_many_pixels"}
    assert not Image.objects.exists()


def animation_bytes(frames, size=(200, 100)):
    pictures = [PILImage.new("RGB", size, (index * 40, 80, 160)) for index in range(frames)]
    buffer = io.BytesIO()
    pictures[0].save(buffer, "GIF", save_all=True, append_images=pictures[1:], duration=200)
    return buffer.getvalue()


def test_an_animation_keeps_its_frames_and_its_renditions_are_still(admin_client):
    assert upload(admin_client, animation_bytes(5), name="anim.gif").status_code == 302

    image = Image.objects.get()
    with image.file.open() as stored, PILImage.open(stored) as picture:
        assert picture.n_frames == 5
    assert image.renditions["fallback_type"] == "image/png"


def test_an_animation_with_too_many_pixels_in_all_is_refused(admin_client, monkeypatch):
    monkeypatch.setattr(files, "MAX_ANIMATION_PIXELS", 200 * 100 * 4)

    response = upload(admin_client, animation_bytes(5), name="anim.gif")

    assert file_errors(response) == {"too_many_pixels"}


def test_an_animation_with_a_damaged_frame_is_refused(admin_client):
    content = animation_bytes(3)

    response = upload(admin_client, content[:-40], name="anim.gif")

    assert file_errors(response) == {"corrupt"}


def test_a_truncated_file_is_refused_as_damaged(admin_client):
    content = picture_bytes("PNG", size=(1200, 900), mode="RGB", compress_level=0)

    response = upload(admin_client, content[: len(content) // 2], name="half.png")

    assert file_errors(response) == {"corrupt"}


def test_alt_text_is_required_unless_the_image_is_decorative(admin_client):
    response = upload(admin_client, picture_bytes("JPEG"), alt_text_sv="")
    assert response.status_code == 200
    assert "alt_text_sv" in response.context["adminform"].form.errors

    response = upload(admin_client, picture_bytes("JPEG"), alt_text_sv="", decorative="on")
    assert response.status_code == 302


def test_nul_bytes_in_text_fields_are_a_form_error(admin_client):
    response = upload(admin_client, picture_bytes("JPEG"), alt_text_sv="bild\x00")

    assert response.status_code == 200
    assert not Image.objects.exists()


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_gps_and_other_exif_are_removed_from_everything_served(admin_client, fmt):
    content = picture_bytes(fmt, exif=gps_exif())
    with PILImage.open(io.BytesIO(content)) as original:  # the test file really carries GPS
        assert original.getexif().get_ifd(ExifTags.IFD.GPSInfo)

    assert upload(admin_client, content, name=f"photo.{fmt.lower()}").status_code == 302

    image = Image.objects.get()
    served = [image.file.name] + [name for _w, name in image.renditions["webp"]]
    served += [name for _w, name in image.renditions["fallback"]]
    for name in served:
        with default_storage.open(name) as stored:
            raw = stored.read()
        with PILImage.open(io.BytesIO(raw)) as picture:
            exif = picture.getexif()
            assert not exif.get_ifd(ExifTags.IFD.GPSInfo), name
            assert ExifTags.Base.Make not in exif, name
        assert b"Spycam" not in raw, name


def test_exif_orientation_is_applied_before_the_metadata_goes(admin_client):
    # Orientation 6: the camera was turned; the picture must be shown rotated 90°.
    content = picture_bytes("JPEG", size=(800, 600), exif=gps_exif(orientation=6))

    upload(admin_client, content)

    image = Image.objects.get()
    assert (image.width, image.height) == (600, 800)
    with image.file.open() as stored, PILImage.open(stored) as picture:
        assert picture.size == (600, 800)
        assert ExifTags.Base.Orientation not in picture.getexif()


def test_renditions_have_the_fixed_widths_in_webp_and_the_original_format():
    image = ImageFactory(file=ContentFile(image_bytes(size=(2400, 1200)), name="wide.jpg"))

    assert [w for w, _n in image.renditions["webp"]] == [320, 640, 960, 1280, 1920]
    assert [w for w, _n in image.renditions["fallback"]] == [320, 640, 960, 1280, 1920]
    for key, fmt in (("webp", "WEBP"), ("fallback", "JPEG")):
        for width, name in image.renditions[key]:
            with default_storage.open(name) as stored, PILImage.open(stored) as picture:
                assert picture.format == fmt
                assert picture.size == (width, width // 2)


def test_rendition_widths_never_exceed_the_original():
    assert widths_for(200) == [200]
    assert widths_for(320) == [320]
    assert widths_for(1000) == [320, 640, 960, 1000]
    assert widths_for(5000) == [320, 640, 960, 1280, 1920]


def test_renditions_are_made_once_and_reused():
    image = ImageFactory()
    made = image.renditions

    image.alt_text_sv = "Ny alternativtext"
    image.save()
    image.refresh_from_db()

    assert image.renditions == made
    assert all(default_storage.exists(name) for _w, name in made["webp"])


def test_renditions_are_remade_and_old_files_deleted_when_the_file_changes(
    django_capture_on_commit_callbacks,
):
    image = ImageFactory()
    old = image.renditions
    old_names = [old["source"], *(name for key in ("webp", "fallback") for _w, name in old[key])]

    with django_capture_on_commit_callbacks(execute=True):
        image.file = ContentFile(image_bytes(size=(400, 300), fmt="PNG"), name="new.png")
        image.save()
        # Until the change is committed the row may still be rolled back to the old files.
        assert all(default_storage.exists(name) for name in old_names)

    assert image.renditions["source"] == image.file.name != old["source"]
    assert image.renditions["fallback_type"] == "image/png"
    assert [w for w, _n in image.renditions["webp"]] == [320, 400]
    assert not any(default_storage.exists(name) for name in old_names)


def test_deleting_an_image_deletes_its_files(django_capture_on_commit_callbacks):
    image = ImageFactory()
    names = [image.file.name, *(name for _w, name in image.renditions["webp"])]

    with django_capture_on_commit_callbacks(execute=True):
        image.delete()
        assert all(default_storage.exists(name) for name in names)

    assert not any(default_storage.exists(name) for name in names)


def test_admin_list_shows_thumbnails_and_searches_alt_text_caption_and_credit(admin_client):
    ImageFactory(alt_text_sv="Solnedgång över fjärden", caption_en="Sunset", credit="Kim Foto")
    ImageFactory(alt_text_sv="Rådhuset")
    url = reverse("admin:images_image_changelist")

    response = admin_client.get(url)
    assert response.status_code == 200
    assert response.content.count(b'<img src="/media/images/') == 2

    for query, expected in [("fjärden", 1), ("Sunset", 1), ("Kim", 1), ("Rådhuset", 1)]:
        response = admin_client.get(url, {"q": query})
        assert response.context["cl"].result_count == expected, query


def test_admin_change_form_shows_a_preview(admin_client):
    image = ImageFactory()

    response = admin_client.get(reverse("admin:images_image_change", args=[image.pk]))

    assert response.status_code == 200
    assert f'<img src="{image.thumbnail_url}" alt=""'.encode() in response.content
    assert b"style=" not in response.content.split(b'id="image_form"')[1].split(b"</form>")[0]


def test_stored_images_are_served_with_cache_and_security_headers(client):
    image = ImageFactory()

    response = client.get(image.src)

    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert "max-age=86400" in response["Cache-Control"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert client.get("/media/../newsroom/settings.py").status_code in (400, 404)


def test_editing_texts_in_the_admin_keeps_the_file_and_its_renditions(admin_client):
    image = ImageFactory()
    made = image.renditions

    response = admin_client.post(
        reverse("admin:images_image_change", args=[image.pk]),
        {"alt_text_sv": "Ny text", "alt_text_en": "New text", "credit": "Kim"},
    )

    assert response.status_code == 302
    image.refresh_from_db()
    assert (image.alt_text_sv, image.renditions) == ("Ny text", made)
