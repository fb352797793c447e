"""Writing manual redirects (admin form and CSV import) and finding one for a request."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext as _

from .models import Redirect
from .paths import clean_old_path, clean_target, is_local, target_path
from .registry import ENTRIES


def resolve_target(old_path, target, *, pending=None):
    """``target`` with any chain of redirects after it followed; a loop back is refused.

    ``pending`` maps old paths to targets not yet saved (the other rows of a CSV import).
    """
    pending = pending or {}
    seen = {old_path}
    while is_local(target):
        path = target_path(target)
        if path in seen:
            raise ValidationError(
                _("This redirect would lead back to %(path)s: a loop.") % {"path": path},
                code="loop",
            )
        seen.add(path)
        if path in pending:
            target = pending[path]
            continue
        following = Redirect.objects.filter(old_path=path).values_list("target", flat=True)
        following = following.first()
        if following is None:
            break
        target = following
    return target


@transaction.atomic
def redirect_save(redirect):
    """Save a manual redirect: cleaned, its chain resolved, loops refused.

    Redirects that led to its old address now lead straight to its target.
    """
    redirect.old_path = clean_old_path(redirect.old_path)
    redirect.target = resolve_target(redirect.old_path, clean_target(redirect.target))
    others = Redirect.objects.exclude(pk=redirect.pk)
    if others.filter(old_path=redirect.old_path).exists():
        raise ValidationError(
            {"old_path": _("A redirect from this address already exists.")}, code="unique"
        )
    redirect.save()
    others.filter(target=redirect.old_path).update(target=redirect.target)
    return redirect


def redirects_import(rows):
    """Save manual redirects from ``(line number, old path, target)`` rows, all or none.

    Returns how many were saved; raises ValidationError with one message per refused line.
    """
    errors, pending, lines = [], {}, {}
    for number, old_path, target in rows:
        try:
            old_path = clean_old_path(old_path)
            target = clean_target(target)
            if old_path in pending:
                raise ValidationError(
                    _("The old address is already on line %(line)d.") % {"line": lines[old_path]}
                )
        except ValidationError as error:
            errors.append((number, error))
            continue
        pending[old_path] = target
        lines[old_path] = number
    taken = Redirect.objects.filter(old_path__in=list(pending)).values_list("old_path", flat=True)
    for old_path in taken:
        message = _("A redirect from this address already exists.")
        errors.append((lines[old_path], ValidationError(message)))
    resolved = {}
    for old_path, target in pending.items():
        try:
            resolved[old_path] = resolve_target(old_path, target, pending=pending)
        except ValidationError as error:
            errors.append((lines[old_path], error))
    if errors:
        raise ValidationError(
            [
                _("Line %(line)d: %(error)s") % {"line": number, "error": " ".join(error.messages)}
                for number, error in sorted(errors, key=lambda pair: pair[0])
            ]
        )
    with transaction.atomic():
        Redirect.objects.bulk_create(
            Redirect(old_path=old_path, target=target) for old_path, target in resolved.items()
        )
        for old_path, target in resolved.items():
            Redirect.objects.filter(target=old_path).update(target=target)
    return len(resolved)


def redirect_for(path):
    """The redirect a reader gets at ``path``, or None: one query.

    An automatic redirect answers only while its page is visible to the public, so the old
    addresses of an unpublished page answer 404 like the page.
    """
    live = Q(content="")
    for entry in ENTRIES.values():
        visible = entry.visible_queryset().filter(pk=OuterRef("object_id"))
        live |= Q(content=entry.label) & Exists(visible)
    return Redirect.objects.filter(live, old_path=path).only("target").first()
