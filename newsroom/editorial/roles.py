"""The three roles, as groups whose permissions are defined in code.

The groups are created by a migration and their permissions synchronised after every
``migrate`` (and by ``manage.py sync_roles``), so a model another app adds later joins the roles
without a new data migration, and a permission added to a group by hand in the admin is put
back in line. Which objects a role may touch is decided by organisation membership
(see ``scoping``), not by these permissions.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import DEFAULT_DB_ALIAS
from django.db.models import Q

from . import registry

EDITOR = "Editor"
PUBLISHER = "Publisher"
SITE_ADMINISTRATOR = "Site administrator"

VIEW = ("view",)
WRITE = ("add", "change", "view")
MANAGE = ("add", "change", "delete", "view")

ALL_PERMISSIONS = "__all__"
ROLE_NAMES = (EDITOR, PUBLISHER, SITE_ADMINISTRATOR)


def roles():
    """Each role's permissions: ``{model label: actions}``, or ``ALL_PERMISSIONS``.

    Content models join through ``registry.register()``; the publish right is editorial's own.
    """
    editor = {entry.label: entry.editor for entry in registry.ENTRIES.values() if entry.editor}
    publisher = {
        **editor,
        **{entry.label: entry.publisher for entry in registry.ENTRIES.values() if entry.publisher},
        "editorial.auditentry": ("publish",),
    }
    return {EDITOR: editor, PUBLISHER: publisher, SITE_ADMINISTRATOR: ALL_PERMISSIONS}


def _codename(model_label, action):
    model_name = model_label.split(".")[1]
    return action if action not in {"add", "change", "delete", "view"} else f"{action}_{model_name}"


def _wanted(spec):
    """``(app_label, codename)`` pairs a role should hold."""
    wanted = set()
    for model_label, actions in spec.items():
        app_label = model_label.split(".")[0]
        wanted.update((app_label, _codename(model_label, action)) for action in actions)
        entry = registry.ENTRIES.get(model_label)
        for inline_label in entry.inlines if entry else ():
            wanted.update((app_label, _codename(inline_label, action)) for action in MANAGE)
    return wanted


def sync_roles(apps=global_apps, using=DEFAULT_DB_ALIAS):
    """Create the role groups and give each exactly its permissions; return the missing ones.

    Missing permissions belong to models that do not exist (yet); they are skipped and picked
    up by the next run.
    """
    # Permissions are otherwise created only after the whole migrate run; make sure they exist.
    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, verbosity=0, apps=apps, using=using)
    try:
        Group = apps.get_model("auth", "Group")
        Permission = apps.get_model("auth", "Permission")
    except LookupError:  # auth is not migrated yet
        return []
    permissions = Permission.objects.using(using)
    missing = []
    for name, spec in roles().items():
        group, _created = Group.objects.using(using).get_or_create(name=name)
        if spec == ALL_PERMISSIONS:
            group.permissions.set(permissions.all())
            continue
        wanted = _wanted(spec)
        condition = Q(pk__in=[])
        for app_label, codename in wanted:
            condition |= Q(content_type__app_label=app_label, codename=codename)
        found = list(permissions.filter(condition).select_related("content_type"))
        group.permissions.set(found)
        have = {(p.content_type.app_label, p.codename) for p in found}
        missing += sorted(f"{name}: {app}.{code}" for app, code in wanted - have)
    return missing


def sync_roles_after_migrate(sender, using=DEFAULT_DB_ALIAS, apps=global_apps, **kwargs):
    sync_roles(apps=apps, using=using)
