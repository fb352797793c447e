import io

import factory
from django.core.files.base import ContentFile
from PIL import Image as PILImage

from newsroom.core.images.models import Image


def image_bytes(size=(800, 600), fmt="JPEG", colour=(30, 90, 160)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, fmt)
    return buffer.getvalue()


class ImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Image

    file = factory.LazyFunction(lambda: ContentFile(image_bytes(), name="photo.jpg"))
    alt_text_sv = factory.Sequence(lambda n: f"Bild {n}")
    alt_text_en = factory.Sequence(lambda n: f"Picture {n}")
    credit = "Testfotograf"
