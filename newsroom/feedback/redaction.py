"""Remove personal data from readers' comments before they are saved.

What is removed, in this order:

- e-mail addresses;
- Swedish personnummer and samordningsnummer: 10 or 12 digits (YYMMDD-NNNN, YYMMDD+NNNN,
  YYYYMMDDNNNN, with or without separator) whose date part is a date (samordningsnummer:
  day + 60) and whose last digit passes the Luhn check;
- Norwegian fødselsnummer and D-numbers: 11 digits (DDMMYY NNNNN) whose date part is a date
  (D-number: first digit + 4) and whose two mod-11 check digits are right;
- phone numbers: +46 / +47 / 0046 / 0047 followed by 7 to 10 digits, Swedish national
  numbers (0 and 7 to 9 more digits) and Norwegian national numbers (8 digits, the first
  2 to 9), with spaces or hyphens between digit groups.

The rule for identity numbers: a number is removed when its check digits are right. A date-shaped
number with wrong check digits is most likely something else (a case or order number), and is kept
unless it also looks like a phone number. Readers are asked not to write personal details at all;
this catches what they write anyway.
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from newsroom.core.checksums import luhn_valid, mod11_check_digit

EMAIL = re.compile(r"[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.\w{2,}")
SWEDISH_ID = re.compile(r"(?<![\d+])(\d{2})?(\d{2})(\d{2})(\d{2}) ?[-+]? ?(\d{4})(?!\d)")
NORWEGIAN_ID = re.compile(r"(?<![\d+])(\d{2})(\d{2})(\d{2}) ?(\d{5})(?!\d)")
PHONE = re.compile(
    r"(?<![\w+])(?:"
    r"(?:\+|00) ?4[67](?:[ -]?\(0\))?(?:[ -]?\d){7,10}"  # international, Swedish or Norwegian
    r"|0\d{1,3}(?:[ -]?\d){5,8}"  # Swedish national: area code or 07x, then the number
    r"|[2-9]\d(?: ?\d\d){3}|[2-9]\d\d ?\d\d ?\d{3}"  # Norwegian national: 8 digits
    r")(?![\d])"
)

FODSELSNUMMER_WEIGHTS = ((3, 7, 6, 1, 8, 9, 4, 5, 2), (5, 4, 3, 2, 7, 6, 5, 4, 3, 2))

MARKERS = {
    "email": _("[e-mail address removed]"),
    "id": _("[identity number removed]"),
    "phone": _("[phone number removed]"),
}


@dataclass(frozen=True)
class Redacted:
    text: str
    contained_personal_data: bool


def _valid_date_parts(month, day, day_offset):
    return 1 <= month <= 12 and (1 <= day <= 31 or 1 <= day - day_offset <= 31)


def is_swedish_identity_number(match):
    century, year, month, day, serial = match.groups()
    if century is not None and century not in {"18", "19", "20"}:
        return False
    # Samordningsnummer: the day of birth plus 60.
    if not _valid_date_parts(int(month), int(day), 60):
        return False
    return luhn_valid(f"{year}{month}{day}{serial}")


def norwegian_check_digits_valid(digits):
    """Both mod-11 check digits of an 11-digit fødselsnummer or D-number."""
    return mod11_check_digit(digits[:9], FODSELSNUMMER_WEIGHTS[0]) == digits[9] and (
        mod11_check_digit(digits[:10], FODSELSNUMMER_WEIGHTS[1]) == digits[10]
    )


def is_norwegian_identity_number(match):
    day, month, year, serial = match.groups()
    day_value = int(day)
    # D-number: the first digit of the day plus 4, i.e. the day plus 40.
    if not _valid_date_parts(int(month), day_value, 40) or day_value > 71:
        return False
    return norwegian_check_digits_valid(f"{day}{month}{year}{serial}")


def is_phone_number(match):
    digits = sum(char.isdigit() for char in match.group(0))
    # Swedish national numbers, 0 included, have 8 to 10 digits.
    return not match.group(0).startswith("0") or match.group(0).startswith("00") or digits <= 10


def redact(text):
    """The text with personal data replaced by markers, and whether there was any."""
    found = False
    with override(settings.LANGUAGE_CODE):
        markers = {key: str(value) for key, value in MARKERS.items()}

    def replace(kind, check=None):
        def substitute(match):
            nonlocal found
            if check is not None and not check(match):
                return match.group(0)
            found = True
            return markers[kind]

        return substitute

    text = EMAIL.sub(replace("email"), text)
    text = SWEDISH_ID.sub(replace("id", is_swedish_identity_number), text)
    text = NORWEGIAN_ID.sub(replace("id", is_norwegian_identity_number), text)
    text = PHONE.sub(replace("phone", is_phone_number), text)
    return Redacted(text=text, contained_personal_data=found)
