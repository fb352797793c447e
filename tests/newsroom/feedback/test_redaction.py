"""Redaction of each identifier kind, with valid and invalid check digits."""

import pytest

from newsroom.feedback.redaction import luhn_valid, norwegian_check_digits_valid, redact


def swedish_number(date_part, serial):
    """A personnummer-shaped number whose last digit passes the Luhn check."""
    for check in range(10):
        if luhn_valid(f"{date_part}{serial}{check}"):
            return f"{date_part}{serial}{check}"
    raise AssertionError


def norwegian_number(date_part, serial):
    """An 11-digit number with both mod-11 check digits right (None if the serial has none)."""
    for first in range(10):
        for second in range(10):
            number = f"{date_part}{serial}{first}{second}"
            if norwegian_check_digits_valid(number):
                return number
    return None


def wrong_last_digit(number):
    return number[:-1] + str((int(number[-1]) + 1) % 10)


PERSONNUMMER = swedish_number("811218", "987")  # 811218-9876
SAMORDNINGSNUMMER = swedish_number("811278", "987")  # day 18 + 60
FODSELSNUMMER = next(n for s in range(100, 999) if (n := norwegian_number("010190", str(s))))
D_NUMMER = next(n for s in range(100, 999) if (n := norwegian_number("410190", str(s))))


def test_fixtures_are_what_they_say():
    assert PERSONNUMMER == "8112189876"
    assert luhn_valid(SAMORDNINGSNUMMER)
    assert norwegian_check_digits_valid(FODSELSNUMMER)
    assert norwegian_check_digits_valid(D_NUMMER)
    assert not norwegian_check_digits_valid(wrong_last_digit(FODSELSNUMMER))


@pytest.mark.parametrize(
    "text",
    [
        "Skriv till anna.svensson@example.se om det",
        "mail: Per.Hansen+news@kommune.example.no",
    ],
)
def test_email_addresses_are_redacted(text):
    result = redact(text)
    assert "@" not in result.text
    assert result.contained_personal_data


@pytest.mark.parametrize(
    "number",
    [
        f"{PERSONNUMMER[:6]}-{PERSONNUMMER[6:]}",
        f"{PERSONNUMMER[:6]}+{PERSONNUMMER[6:]}",  # over 100 years old
        PERSONNUMMER,
        f"19{PERSONNUMMER}",
        f"19{PERSONNUMMER[:6]}-{PERSONNUMMER[6:]}",
        f"{SAMORDNINGSNUMMER[:6]}-{SAMORDNINGSNUMMER[6:]}",
        f"19{SAMORDNINGSNUMMER}",
    ],
)
def test_swedish_identity_numbers_with_valid_check_digit_are_redacted(number):
    result = redact(f"Mitt nummer är {number}, tack.")
    assert number not in result.text
    assert not any(char.isdigit() for char in result.text)
    assert result.contained_personal_data


@pytest.mark.parametrize(
    "number",
    [
        wrong_last_digit(PERSONNUMMER),
        f"{wrong_last_digit(PERSONNUMMER)[:6]}-{wrong_last_digit(PERSONNUMMER)[6:]}",
        f"19{wrong_last_digit(SAMORDNINGSNUMMER)}",
        "8113189876",  # month 13: not a date
    ],
)
def test_swedish_number_shapes_with_wrong_check_digit_are_kept(number):
    result = redact(f"Ärende {number}")
    assert result.text == f"Ärende {number}"
    assert not result.contained_personal_data


@pytest.mark.parametrize(
    "number",
    [FODSELSNUMMER, D_NUMMER, f"{FODSELSNUMMER[:6]} {FODSELSNUMMER[6:]}"],
)
def test_norwegian_identity_numbers_with_valid_check_digits_are_redacted(number):
    result = redact(f"Fødselsnummeret mitt er {number}.")
    assert not any(char.isdigit() for char in result.text)
    assert result.contained_personal_data


@pytest.mark.parametrize(
    "number",
    [wrong_last_digit(FODSELSNUMMER), wrong_last_digit(D_NUMMER), "01139012345"],
)
def test_norwegian_number_shapes_with_wrong_check_digits_are_kept(number):
    result = redact(f"Sak {number}")
    assert result.text == f"Sak {number}"
    assert not result.contained_personal_data


@pytest.mark.parametrize(
    "phone",
    [
        "070-123 45 67",
        "0701234567",
        "08-123 456 78",
        "031-12 34 56",
        "+46 70 123 45 67",
        "+46 (0)8 123 456 78",
        "0046 8 123 456 78",
        "+46-70-1234567",
        "+47 22 33 44 55",
        "+4791234567",
        "0047 912 34 567",
        "912 34 567",
        "22 33 44 55",
        "22334455",
    ],
)
def test_swedish_and_norwegian_phone_numbers_are_redacted(phone):
    result = redact(f"Ring mig på {phone} i morgon")
    assert not any(char.isdigit() for char in result.text), result.text
    assert result.contained_personal_data


@pytest.mark.parametrize(
    "text",
    [
        "Sidan uppdaterades 2024-05-01 och igen 2025.",
        "Mötet är kl. 13.30 i rum 204.",
        "Organisationsnummer 556036-0793 stämmer inte.",
        "Sidan har 12 fel och 3 döda länkar.",
    ],
)
def test_ordinary_numbers_are_kept(text):
    result = redact(text)
    assert result.text == text
    assert not result.contained_personal_data


def test_several_kinds_in_one_comment():
    text = f"Jag heter Anna, a@example.se, 070-123 45 67, {PERSONNUMMER[:6]}-{PERSONNUMMER[6:]}"
    result = redact(text)
    assert result.text.startswith("Jag heter Anna, ")
    assert result.text.count("[") == 3
