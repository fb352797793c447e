from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RedirectsConfig(AppConfig):
    name = "newsroom.redirects"
    label = "redirects"
    verbose_name = _("Redirects")
