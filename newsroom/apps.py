from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    """The project package: settings, URLs, the demo command and the registrations that tell
    the cross-cutting apps about content, the one place that knows every app."""

    name = "newsroom"
    label = "site"
    verbose_name = _("Site")

    def ready(self):
        from . import registrations

        registrations.register()
