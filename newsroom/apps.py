from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    """The project package: settings, URLs, the demo command and the registrations that tell
    the cross-cutting apps about content, the one place that knows every app."""

    name = "newsroom"
    label = "site"
    verbose_name = _("Site")

    def ready(self):
        from django.db.backends.signals import connection_created

        from . import registrations, timeouts

        registrations.register()
        # Commands and cron jobs may run longer statements than a reader's request.
        connection_created.connect(timeouts.command_statement_timeout, dispatch_uid=__name__)
