"""What an old address and a new one may be, and the one spelling they are stored in."""

import re
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

OLD_PATH_MAX = 500
TARGET_MAX = 1000
# NUL and other control characters have no place in an address (and PostgreSQL refuses NUL).
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def normalise_path(path):
    """A path as the request sees it (``request.path_info``): percent-decoded."""
    return unquote(path)


def clean_old_path(value):
    value = (value or "").strip()
    if not value:
        raise ValidationError(_("Enter the old address."))
    if _CONTROL.search(value) or _CONTROL.search(unquote(value)):
        raise ValidationError(_("The address contains characters that are not allowed."))
    parts = urlsplit(value)
    if parts.scheme or parts.netloc:
        # An address copied from the browser: keep its path, the host is this site.
        value = parts.path or "/"
        parts = urlsplit(value)
    if not value.startswith("/") or value.startswith("//"):
        raise ValidationError(_("The old address must be a path on this site, starting with /."))
    if parts.query or parts.fragment or "?" in value or "#" in value:
        raise ValidationError(_("The old address cannot contain ? or #."))
    value = normalise_path(value)
    if len(value) > OLD_PATH_MAX:
        raise ValidationError(
            _("The old address is too long (at most %(max)d characters).") % {"max": OLD_PATH_MAX}
        )
    if value == "/" or value.startswith("/admin/"):
        raise ValidationError(_("This address belongs to the site itself."))
    return value


def clean_target(value):
    value = (value or "").strip()
    if not value:
        raise ValidationError(_("Enter the new address."))
    if _CONTROL.search(value) or _CONTROL.search(unquote(value)):
        raise ValidationError(_("The address contains characters that are not allowed."))
    if len(value) > TARGET_MAX:
        raise ValidationError(
            _("The new address is too long (at most %(max)d characters).") % {"max": TARGET_MAX}
        )
    if value.startswith("/") and not value.startswith("//"):
        return value
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        raise ValidationError(
            _("Enter a path on this site (starting with /) or a full https:// address.")
        ) from None
    return value


def is_local(target):
    return target.startswith("/")


def target_path(target):
    """The path part of a local target, as an old address would be stored."""
    return normalise_path(urlsplit(target).path)
