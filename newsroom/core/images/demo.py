"""Fictional demo pictures drawn with Pillow, so the demo needs no files from elsewhere."""

import io
import random

from django.core.files.base import ContentFile
from PIL import Image as PILImage
from PIL import ImageDraw

from .models import Image


def demo_image(key, *, alt_sv, alt_en="", caption_sv="", credit="Demobild", size=(1600, 900)):
    """The demo image called ``key``, drawn the first time it is asked for."""
    existing = Image.objects.filter(file__endswith=f"demo-{key}.jpg").first()
    if existing:
        return existing
    rng = random.Random(key)
    picture = PILImage.new("RGB", size, tuple(rng.randrange(40, 200) for _ in range(3)))
    draw = ImageDraw.Draw(picture)
    for _ in range(12):
        x, y = rng.randrange(size[0]), rng.randrange(size[1])
        r = rng.randrange(60, 400)
        draw.ellipse(
            (x - r, y - r, x + r, y + r), fill=tuple(rng.randrange(0, 256) for _ in range(3))
        )
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=85)
    # Stored by Image.save with its renditions, so a failure leaves none of the files behind.
    image = Image(
        file=ContentFile(buffer.getvalue(), name=f"demo-{key}.jpg"),
        alt_text_sv=alt_sv,
        alt_text_en=alt_en,
        caption_sv=caption_sv,
        credit=credit,
    )
    image.full_clean()
    image.save()
    return image
