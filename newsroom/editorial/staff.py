"""A person's role and organisations, given in one step.

A role is one of the groups of ``roles``; the organisations are those whose ``members`` the
person is. Giving a role also makes the person staff (able to log in to the admin); taking it
away ends that, unless the person is a superuser. Groups other than the roles are left alone.
"""

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from . import registry
from .roles import EDITOR, PUBLISHER, ROLE_NAMES, SITE_ADMINISTRATOR

# The groups' names are stored in English (code and migrations find them by name); people see
# these.
ROLE_LABELS = {
    EDITOR: _("Editor"),
    PUBLISHER: _("Publisher"),
    SITE_ADMINISTRATOR: _("Site administrator"),
}


def role_of(user):
    """The user's role (the widest, should an old account have several), or ""."""
    names = {group.name for group in user.groups.all()}
    return next((name for name in reversed(ROLE_NAMES) if name in names), "")


def organisations_accessor():
    """The user's attribute for the organisations whose ``members`` they are."""
    members = registry.organisation_model()._meta.get_field("members")
    return members.remote_field.get_accessor_name()


def organisations_of(user):
    return getattr(user, organisations_accessor())


def give_role(user, *, role, organisations):
    """Make ``user`` work as ``role`` ("" for none) for exactly ``organisations``."""
    with transaction.atomic():
        others = user.groups.exclude(name__in=ROLE_NAMES)
        user.groups.set([*others, *Group.objects.filter(name=role)])
        organisations_of(user).set(organisations)
        staff = bool(role) or user.is_superuser
        if user.is_staff != staff:
            user.is_staff = staff
            user.save(update_fields=["is_staff"])
