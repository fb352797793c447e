from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The kernel: building blocks every content app uses. It imports nothing else of ours."""

    name = "newsroom.core"
    label = "core"
    verbose_name = _("Core")
