"""Check digits of Nordic identity and organisation numbers: Luhn and weighted mod 11."""


def luhn_check_digit(digits):
    """The Luhn check digit that follows ``digits`` (Swedish organisation and personal numbers)."""
    total = 0
    for position, digit in enumerate(reversed(digits)):
        value = int(digit) * (2 if position % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return str((10 - total % 10) % 10)


def luhn_valid(number):
    """Whether the last digit of ``number`` is the Luhn check digit of the others."""
    return luhn_check_digit(number[:-1]) == number[-1]


def mod11_check_digit(digits, weights):
    """The weighted mod-11 check digit (Norwegian numbers), or None where none is possible.

    Numbers whose check would be 10 are never issued, so they have no valid check digit.
    """
    remainder = sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11
    if remainder == 0:
        return "0"
    if remainder == 1:
        return None
    return str(11 - remainder)
