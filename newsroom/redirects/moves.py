"""Automatic redirects: when a page's address changes, its old address leads to the new one.

Kept in step with every save, like search documents (admin, inlines, restores, services, the
demo), so no content app needs to know that redirects exist. An address is computed per
language with the same fallbacks the page uses: a language without its own slug shows the page
at the slug of the language it falls back to, and that address moves with it.
"""

from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils.translation import override

from newsroom.core.i18n import fallback_chain, language_codes

from .models import Redirect
from .paths import normalise_path
from .registry import entry_for


def slug_columns():
    return [f"slug_{code}" for code in language_codes()]


def addresses(entry, slugs):
    """``{language: path}`` of a page whose slugs per language are ``slugs``."""
    result = {}
    for code in language_codes():
        slug = next(filter(None, (slugs.get(f"slug_{c}") for c in fallback_chain(code))), None)
        if slug:
            try:
                with override(code):
                    result[code] = normalise_path(reverse(entry.url_name, kwargs={"slug": slug}))
            except NoReverseMatch:  # a slug the URL pattern refuses has no address to keep
                continue
    return result


def remember_addresses(sender, instance, raw=False, **kwargs):
    """Before a save: the addresses the page has in the database now."""
    if raw or instance.pk is None:
        instance._addresses_before = {}
        return
    entry = entry_for(sender)
    stored = sender._base_manager.filter(pk=instance.pk).values(*slug_columns()).first()
    instance._addresses_before = addresses(entry, stored) if stored else {}


def record_moves(sender, instance, raw=False, **kwargs):
    """After a save: every address the page left leads to the one it has now."""
    if raw:
        return
    entry = entry_for(sender)
    before = getattr(instance, "_addresses_before", {})
    after = addresses(entry, {column: getattr(instance, column) for column in slug_columns()})
    with transaction.atomic():
        # An address in use again (renamed back, or taken by another page) redirects no more.
        Redirect.objects.filter(old_path__in=after.values()).delete()
        for code, new_path in after.items():
            old_path = before.get(code)
            if old_path is None or old_path == new_path:
                continue
            # Earlier addresses, and manual redirects to the old one, skip the hop.
            Redirect.objects.filter(target=old_path).update(target=new_path)
            Redirect.objects.update_or_create(
                old_path=old_path,
                defaults={
                    "target": new_path,
                    "content": entry.label,
                    "object_id": instance.pk,
                    "language": code,
                },
            )
    instance._addresses_before = after


def forget_object(sender, instance, **kwargs):
    """A deleted page's old addresses answer 404, like the page."""
    Redirect.objects.filter(content=entry_for(sender).label, object_id=instance.pk).delete()
