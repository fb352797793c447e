"""django-axes in the admin, in the editor's language.

Axes ships no Swedish or Norwegian catalogue. Its words are listed here so that ``makemessages``
keeps them in ours, where Django looks first (LOCALE_PATHS). Its access log and failure log are
switched off (settings: successful logins are never recorded), so their always empty pages are
not offered; the lockouts are, for a site administrator who unlocks someone.
"""

from axes.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

AXES_WORDS = [
    gettext_noop("access attempt"),
    gettext_noop("access attempts"),
    gettext_noop("access attempt expiration"),
    gettext_noop("access attempt expirations"),
    gettext_noop("access failure"),
    gettext_noop("access failures"),
    gettext_noop("access log"),
    gettext_noop("access logs"),
    gettext_noop("Access Attempt"),
    gettext_noop("Access lock out"),
    gettext_noop("Attempt Remaining"),
    gettext_noop("Attempt Time"),
    gettext_noop("Clean up expired attempts"),
    gettext_noop("Expires At"),
    gettext_noop("Failed Logins"),
    gettext_noop("Form Data"),
    gettext_noop("GET Data"),
    gettext_noop("HTTP Accept"),
    gettext_noop("IP Address"),
    gettext_noop("Locked Out"),
    gettext_noop("Logout Time"),
    gettext_noop("Meta Data"),
    gettext_noop("Not set"),
    gettext_noop("POST Data"),
    gettext_noop("Path"),
    gettext_noop("Session key hash (sha256)"),
    gettext_noop("The time when access attempt expires and is no longer valid."),
    gettext_noop("User Agent"),
    gettext_noop("Username"),
]


class LoginProtectionConfig(AppConfig):
    verbose_name = _("Login protection")

    def ready(self):
        super().ready()
        from axes.models import AccessFailureLog, AccessLog
        from django.contrib import admin

        for model in (AccessLog, AccessFailureLog):
            if admin.site.is_registered(model):
                admin.site.unregister(model)
