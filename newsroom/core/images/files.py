"""What an uploaded image must be, and the clean copy of it that is stored and served.

Pillow detects the format from the bytes, never from the file name. Only the formats every
browser shows are accepted, and only their decoders are tried, so exotic parsers never see
an upload. The stored original is re-encoded without metadata (EXIF with GPS position,
camera serial numbers, XMP, comments) after the EXIF orientation has been applied.
"""

import io
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from PIL import ImageOps

FORMATS = ("JPEG", "PNG", "WEBP", "GIF")
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}
MAX_BYTES = 15 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAX_ANIMATION_PIXELS = 4 * MAX_PIXELS  # all frames of an animation together
# Pillow refuses images above twice its limit and only warns between one and two times it;
# ImagesConfig.ready turns that warning into an error for every decode in the process.
PILImage.MAX_IMAGE_PIXELS = MAX_PIXELS

# Kept when re-encoding: they change how the picture looks, and say nothing about anyone.
KEPT_INFO = ("icc_profile", "transparency", "duration", "loop", "background")


@dataclass
class CleanImage:
    content: bytes
    format: str
    width: int
    height: int

    @property
    def extension(self):
        return EXTENSIONS[self.format]


def _open(file):
    """Open and fully decode ``file``, or say in plain words why it cannot be used."""
    file.seek(0)
    content = file.read(MAX_BYTES + 1)
    file.seek(0)
    if len(content) > MAX_BYTES:
        raise ValidationError(
            _("The file is larger than %(limit)s, the most an image may be. Make it smaller."),
            code="too_many_bytes",
            params={"limit": filesizeformat(MAX_BYTES)},
        )
    # Pillow reads a copy, so closing the picture never closes the upload.
    file = io.BytesIO(content)
    try:
        picture = PILImage.open(file, formats=FORMATS)
        frames = getattr(picture, "n_frames", 1)
        if picture.width * picture.height > MAX_PIXELS:  # also when warnings are not errors
            raise PILImage.DecompressionBombError
        if picture.width * picture.height * frames > MAX_ANIMATION_PIXELS:
            raise PILImage.DecompressionBombError
        for frame in range(frames):  # every frame, so a damaged one is found now, not on save
            picture.seek(frame)
            picture.load()
        picture.seek(0)
    except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning) as error:
        raise ValidationError(
            _(
                "The image has too many pixels: at most %(megapixels)s megapixels are accepted. "
                "Make it smaller and upload it again."
            ),
            code="too_many_pixels",
            params={"megapixels": MAX_PIXELS // 1_000_000},
        ) from error
    except PILImage.UnidentifiedImageError as error:
        raise ValidationError(
            _("This is not a JPEG, PNG, WebP or GIF image. Upload a picture in one of those."),
            code="invalid_format",
        ) from error
    except (OSError, SyntaxError, ValueError, EOFError) as error:
        raise ValidationError(
            _("The image file is damaged or incomplete. Save it again and upload the new copy."),
            code="corrupt",
        ) from error
    return picture


def validate_image_file(file):
    """Raise ``ValidationError`` unless ``file`` is an image we accept."""
    _open(file).close()


def clean_image(file):
    """The picture in ``file`` upright and re-encoded in its own format, without metadata."""
    picture = _open(file)
    image_format = picture.format
    animated = getattr(picture, "n_frames", 1) > 1
    if not animated:  # exif_transpose works frame by frame; animations are left as drawn
        picture = ImageOps.exif_transpose(picture)
    picture.info = {key: value for key, value in picture.info.items() if key in KEPT_INFO}
    buffer = io.BytesIO()
    options = {
        "JPEG": {"quality": 90, "optimize": True, "icc_profile": picture.info.get("icc_profile")},
        "PNG": {"optimize": True},
        "WEBP": {"quality": 90},
        "GIF": {"save_all": animated},
    }[image_format]
    if image_format == "WEBP" and animated:
        options["save_all"] = True
    picture.save(buffer, image_format, **{k: v for k, v in options.items() if v is not None})
    return CleanImage(buffer.getvalue(), image_format, picture.width, picture.height)
