from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "newsroom.editorial"
    label = "editorial"
    verbose_name = _("Editorial workflow")

    def ready(self):
        from django.contrib import admin

        from .admin.audit import AuditEntryAdmin
        from .models import AuditEntry
        from .roles import sync_roles_after_migrate

        admin.site.register(AuditEntry, AuditEntryAdmin)

        # Housekeeping, not business logic: models that other apps add in later migrations (and
        # test databases flushed between tests) get their permissions into the roles again.
        post_migrate.connect(
            sync_roles_after_migrate, sender=self, dispatch_uid="editorial.sync_roles"
        )
