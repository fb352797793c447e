"""Which organisations' content a user may see and change in the admin.

Site administrators (the ``editorial.all_organisations`` permission) and superusers see all;
everybody else sees the content of the organisations they are a member of.
"""

from . import registry


def sees_all_organisations(user):
    return user.is_superuser or user.has_perm("editorial.all_organisations")


def can_publish(user):
    return user.has_perm("editorial.publish")


def organisation_ids(user):
    """The ids of the user's organisations, read once per request (the user object is cached)."""
    if not hasattr(user, "_editorial_organisation_ids"):
        user._editorial_organisation_ids = frozenset(
            registry.organisation_model().objects.filter(members=user).values_list("pk", flat=True)
        )
    return user._editorial_organisation_ids
