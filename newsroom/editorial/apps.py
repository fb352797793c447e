from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "newsroom.editorial"
    label = "editorial"
    verbose_name = _("Editorial workflow")

    def ready(self):
        from django.contrib import admin
        from django.contrib.auth.models import Group, User

        from newsroom.core import pagecache, preview

        from . import services
        from .admin.audit import AuditEntryAdmin
        from .admin.users import StaffUserAdmin
        from .admin.working_copies import PREVIEW_VARIANT, preview_working_copy
        from .models import AuditEntry
        from .roles import sync_roles_after_migrate

        admin.site.register(AuditEntry, AuditEntryAdmin)
        # Roles are groups whose permissions roles.py keeps in line (a change in the admin
        # would be undone), given on the user's page with the organisations: no group page.
        admin.site.unregister(Group)
        admin.site.unregister(User)
        admin.site.register(User, StaffUserAdmin)
        preview.register_variant(PREVIEW_VARIANT, preview_working_copy)
        # A scheduled working copy is a scheduled change: no cached page outlives its time.
        pagecache.schedule_moments(services.next_scheduled_change)

        # Housekeeping, not business logic: models that other apps add in later migrations (and
        # test databases flushed between tests) get their permissions into the roles again.
        post_migrate.connect(
            sync_roles_after_migrate, sender=self, dispatch_uid="editorial.sync_roles"
        )
