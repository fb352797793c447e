"""Lengths of videos, for ``<time datetime>`` and for readers."""

from django.utils.translation import gettext as _


def _parts(duration):
    seconds = int(duration.total_seconds())
    return seconds // 3600, seconds % 3600 // 60, seconds % 60


def iso(duration):
    """ISO 8601: ``PT5M30S``; "" for no length."""
    if not duration:
        return ""
    hours, minutes, seconds = _parts(duration)
    units = ((hours, "H"), (minutes, "M"), (seconds, "S"))
    return "PT" + ("".join(f"{value}{unit}" for value, unit in units if value) or "0S")


def text(duration):
    """A readable length: ``1 h 5 min``, ``5 min 30 s``; "" for no length."""
    if not duration:
        return ""
    hours, minutes, seconds = _parts(duration)
    parts = []
    if hours:
        parts.append(_("%(hours)d h") % {"hours": hours})
    if minutes:
        parts.append(_("%(minutes)d min") % {"minutes": minutes})
    if seconds and not hours:
        parts.append(_("%(seconds)d s") % {"seconds": seconds})
    return " ".join(parts)
