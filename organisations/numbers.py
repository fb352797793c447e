"""Organisation numbers and phone numbers: validated, stored normalised, shown as people write them.

Swedish organisationsnummer: 10 digits with a Luhn check digit, written ``NNNNNN-NNNN``.
Norwegian organisasjonsnummer: 9 digits with a mod-11 check digit, written ``NNN NNN NNN``.
Phone numbers are stored in E.164 form (``+46101234567``) so ``tel:`` links work from abroad.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from newsroom.core import checksums

SWEDEN = "SE"
NORWAY = "NO"

# Separators people type between digit groups.
SEPARATORS = re.compile(r"[\s\-\u2010-\u2015.]")

NORWEGIAN_WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)


def mod11_check_digit(digits):
    """The check digit for the first 8 Norwegian digits, or None if none is possible."""
    return checksums.mod11_check_digit(digits, NORWEGIAN_WEIGHTS)


def normalise_organisation_number(value, country):
    """The number as digits only, or ValidationError with a message an editor can act on."""
    digits = SEPARATORS.sub("", value or "")
    if not digits.isascii() or not digits.isdigit():
        raise ValidationError(
            _("An organisation number contains only digits, optionally with a hyphen or spaces."),
            code="invalid_characters",
        )
    if country == SWEDEN:
        if len(digits) != 10:
            raise ValidationError(
                _("A Swedish organisation number has 10 digits, for example 556677-8899."),
                code="invalid_length",
            )
        if not checksums.luhn_valid(digits):
            raise ValidationError(
                _("The check digit (the last digit) is wrong. Check the number for typing errors."),
                code="invalid_check_digit",
            )
    elif country == NORWAY:
        if len(digits) != 9:
            raise ValidationError(
                _("A Norwegian organisation number has 9 digits, for example 123 456 785."),
                code="invalid_length",
            )
        if mod11_check_digit(digits[:8]) != digits[8]:
            raise ValidationError(
                _("The check digit (the last digit) is wrong. Check the number for typing errors."),
                code="invalid_check_digit",
            )
    return digits


def format_organisation_number(digits, country):
    """The stored digits as written in the country: ``NNNNNN-NNNN`` or ``NNN NNN NNN``."""
    if country == SWEDEN and len(digits) == 10:
        return f"{digits[:6]}-{digits[6:]}"
    if country == NORWAY and len(digits) == 9:
        return f"{digits[:3]} {digits[3:6]} {digits[6:]}"
    return digits


COUNTRY_CALLING_CODES = {SWEDEN: "46", NORWAY: "47"}
# Swedish area codes of two digits after the trunk 0 (Stockholm's is 8; the rest have three).
SWEDISH_TWO_DIGIT_AREAS = {
    "10", "11", "13", "16", "18", "19", "20", "21", "23", "26", "31", "33", "35", "36", "40",
    "42", "44", "46", "54", "60", "63", "70", "72", "73", "74", "76", "77", "79", "90",
}  # fmt: skip


def normalise_phone(value, country):
    """``value`` in E.164 form (``+46101234567``); national numbers are read as ``country``'s."""
    if not value:
        return ""
    compact = SEPARATORS.sub("", value).replace("(0)", "")
    compact = re.sub(r"[()/]", "", compact)
    if compact.startswith("00"):
        compact = "+" + compact[2:]
    international = compact.startswith("+")
    digits = compact.removeprefix("+")
    if not digits.isascii() or not digits.isdigit():
        raise ValidationError(
            _("A phone number contains only digits, spaces, hyphens and a leading +."),
            code="invalid_characters",
        )
    if not international:
        if country == SWEDEN and digits.startswith("0"):
            digits = "46" + digits[1:]
        elif country == NORWAY and len(digits) == 8:
            digits = "47" + digits
        else:
            raise ValidationError(
                _("Write the number with its country code, for example +46 10 123 45 67."),
                code="invalid_national",
            )
    if not 8 <= len(digits) <= 15:
        raise ValidationError(
            _("This phone number is too short or too long."), code="invalid_length"
        )
    return "+" + digits


def _groups(digits):
    """Swedish-style grouping: ``123 45 67``, ``12 34 56``, ``123 456 78``."""
    if len(digits) <= 3:
        return [digits]
    if len(digits) == 8:
        return [digits[:3], digits[3:6], digits[6:]]
    head = 3 if len(digits) % 2 else 2
    return [digits[:head], *(digits[i : i + 2] for i in range(head, len(digits), 2))]


def format_phone(e164):
    """A stored number written readably: ``+46 10 123 45 67``, ``+47 22 33 44 55``."""
    if not e164.startswith("+"):
        return e164
    if e164.startswith("+46"):
        national = e164[3:]
        if national.startswith("8"):
            area = 1
        elif national[:2] in SWEDISH_TWO_DIGIT_AREAS:
            area = 2
        else:
            area = 3
        return " ".join(["+46", national[:area], *_groups(national[area:])])
    if e164.startswith("+47") and len(e164) == 11:
        national = e164[3:]
        if national[0] in "49":  # mobile numbers are written 3-2-3
            return f"+47 {national[:3]} {national[3:5]} {national[5:]}"
        return "+47 " + " ".join(national[i : i + 2] for i in range(0, 8, 2))
    return e164
