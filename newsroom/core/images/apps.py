import warnings

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImagesConfig(AppConfig):
    name = "newsroom.core.images"
    label = "images"
    verbose_name = _("Images")

    def ready(self):
        from PIL import Image

        from . import files  # noqa: F401  (sets Pillow's pixel limit)

        # Between one and two times the limit Pillow only warns, and would decode the bomb.
        # Make that warning an error for the whole process, once, at start-up.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
