"""Responsive renditions: a fixed set of widths, made once when the file is saved.

Each width is stored as WebP and in a fallback format browsers without WebP show (the
original's format; PNG for GIFs, whose renditions are still pictures). What was made is
recorded in ``Image.renditions``:

    {"source": "<stored name of the original>",
     "fallback_type": "image/jpeg",
     "webp": [[320, "<name>"], ...], "fallback": [[320, "<name>"], ...]}

Templates read that record; nothing is resized while a page is rendered.
"""

import io
import posixpath

from django.core.files.base import ContentFile
from PIL import Image as PILImage

WIDTHS = (320, 640, 960, 1280, 1920)
FALLBACK = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "PNG", "GIF": "PNG"}
MIME_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png"}
OPTIONS = {"JPEG": {"quality": 82, "optimize": True}, "PNG": {"optimize": True}}
WEBP_OPTIONS = {"quality": 80, "method": 4}


def widths_for(original_width):
    """The widths made for an original: every fixed width below it, and it capped at the max."""
    widest = min(original_width, WIDTHS[-1])
    return [*(width for width in WIDTHS if width < widest), widest]


def make(storage, name, *, save=None):
    """Make the renditions of the stored original ``name`` and describe them.

    Each file is written with ``save(name, content)`` (``storage.save`` unless told), so the
    caller can remove them all again if one cannot be written (``storing.Written``).
    """
    save = save or storage.save
    with storage.open(name) as file, PILImage.open(file) as original:
        original_format = original.format
        fallback = FALLBACK[original_format]
        original.seek(0)  # an animation's first frame
        has_alpha = original.mode in ("RGBA", "LA", "PA") or "transparency" in original.info
        # The colour profile keeps photos' colours right; a CMYK one no longer fits after RGB.
        profile = original.info.get("icc_profile") if original.mode != "CMYK" else None
        picture = original.convert("RGBA" if has_alpha else "RGB")
    if fallback == "JPEG" and has_alpha:
        fallback = "PNG"
    stem, _extension = posixpath.splitext(posixpath.basename(name))
    folder = posixpath.join(posixpath.dirname(name), "renditions")
    record = {"source": name, "fallback_type": MIME_TYPES[fallback], "webp": [], "fallback": []}
    for width in widths_for(picture.width):
        height = max(1, round(picture.height * width / picture.width))
        resized = picture.resize((width, height), PILImage.Resampling.LANCZOS)
        for key, image_format, options in (
            ("webp", "WEBP", WEBP_OPTIONS),
            ("fallback", fallback, OPTIONS[fallback]),
        ):
            buffer = io.BytesIO()
            resized.save(
                buffer, image_format, **options, **({"icc_profile": profile} if profile else {})
            )
            extension = "jpg" if image_format == "JPEG" else image_format.lower()
            saved = save(
                posixpath.join(folder, f"{stem}-{width}.{extension}"),
                ContentFile(buffer.getvalue()),
            )
            record[key].append([width, saved])
    return record


def names(record):
    """The stored names of the renditions a record lists (not its source)."""
    return [name for key in ("webp", "fallback") for _width, name in record.get(key, [])]


def srcset(storage, record, key):
    return ", ".join(f"{storage.url(name)} {width}w" for width, name in record.get(key, []))
