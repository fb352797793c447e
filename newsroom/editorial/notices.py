"""Mails to staff about the workflow, recorded through ``newsroom.notifications``.

One call per event, made by ``services`` when the event happens (and by any other flow that
submits, publishes or sends back, such as working copies):

- ``notify_submitted(obj, entry=…)``: the publishers of the object's organisation;
- ``notify_published(obj, entry=…)`` and ``notify_sent_back(obj, entry=…, comment=…)``: the
  editor who last submitted it.

``entry`` is the event's ``AuditEntry``: it says who acted, and its id makes each mail's key, so
one event is mailed once per person however often the call is repeated. Nobody is told of what
they did themselves, and only people whose preferences ask for workflow mails are told.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from newsroom.notifications.services import notify, one_line, preference_for

from .models import AuditEntry


def absolute(url):
    return settings.SITE_URL + url


def admin_url(obj, view="change"):
    opts = obj._meta
    return absolute(reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=[obj.pk]))


def public_url(obj, language):
    with translation.override(language):
        try:
            return absolute(obj.get_absolute_url())
        except (AttributeError, NoReverseMatch):
            return admin_url(obj)


def preferences_url():
    return absolute(reverse("admin:notifications_preference_changelist"))


def title_in(obj, language):
    with translation.override(language):
        return one_line(str(obj))


def display_name(user):
    return one_line(user.get_full_name() or user.get_username(), limit=100) if user else ""


def staff():
    """Active staff with an address, their preferences read in the same query."""
    return (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True)
        .exclude(email="")
        .select_related("notification_preference")
    )


def publishers_of(obj):
    """Who may publish ``obj``: members of its organisation with the publish right; for the
    site's own pages (no organisation), those who manage every organisation's content."""
    may_publish = _having("publish")
    organisation_id = getattr(obj, "organisation_id", None)
    scope = (
        _having("all_organisations")
        if organisation_id is None
        else Q(organisations=organisation_id)
    )
    return staff().filter(may_publish).filter(scope).distinct()


def _having(codename):
    right = _permissions(Q(codename=codename, content_type__app_label="editorial"))
    return Q(is_superuser=True) | Q(groups__permissions__in=right) | Q(user_permissions__in=right)


def _permissions(condition):
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(condition)


def submitter_of(obj, before):
    """The user who last submitted ``obj`` for review before the audit entry ``before``."""
    submission = (
        AuditEntry.objects.filter(
            action=AuditEntry.Action.SUBMITTED,
            content_type=before.content_type_id,
            object_id=before.object_id,
            pk__lt=before.pk,
            user__isnull=False,
        )
        .select_related("user__notification_preference")
        .order_by("-pk")
        .first()
    )
    return submission.user if submission else None


def _tell(users, obj, *, entry, kind, context=None):
    count = 0
    for user in users:
        preference = preference_for(user)
        if user.pk == entry.user_id or not preference.workflow or not user.is_active:
            continue
        language = preference.language
        item = {"title": title_in(obj, language)}
        recorded = notify(
            user,
            key=f"workflow:{entry.pk}:{user.pk}",
            kind=kind,
            template=f"notifications/mail/{kind}",
            context={
                "item": item,
                "by_name": display_name(entry.user) or entry.username,
                "change_url": admin_url(obj),
                "public_url": public_url(obj, language),
                "preferences_url": preferences_url(),
                **(context or {}),
            },
        )
        count += recorded is not None
    return count


def notify_submitted(obj, *, entry):
    return _tell(publishers_of(obj), obj, entry=entry, kind="submitted")


def notify_published(obj, *, entry):
    editor = submitter_of(obj, entry)
    return _tell([editor] if editor else [], obj, entry=entry, kind="published")


def notify_sent_back(obj, *, entry, comment=""):
    editor = submitter_of(obj, entry)
    return _tell(
        [editor] if editor else [], obj, entry=entry, kind="sent_back", context={"comment": comment}
    )
