"""Redaction of each identifier kind, with valid and invalid check digits."""

import pytest

from newsroom.feedback.redaction import norwegian_check_digits_valid, redact

# Known numbers from sources independent of our code, hard-coded: a fixture made with the function
# under test would agree with it however wrong its weights were.
#
# Swedish personnummer and samordningsnummer:
# - python-stdnum, tests/test_se_personnummer.doctest ("found online and should all be valid");
# - Skatteverket's own examples, 640823-3234 (personnummer) and 701063-2391 (samordningsnummer,
#   day 03 + 60), as used by the personnummer project's test suites (personnummer/js);
# - personnummer/meta, testdata/list.json (valid and invalid, personnummer and samordningsnummer).
SWEDISH_VALID = [
    "670919-9530",  # stdnum
    "811228-9874",  # stdnum
    "880320-0016",  # stdnum
    "8803200420",  # stdnum
    "640823-3234",  # Skatteverket's example
    "19640823-3234",
    "196408233234",
    "090527+1474",  # personnummer/meta: over 100 years old, hence "+"
    "19821105-9954",  # personnummer/meta
    "199012119948",  # personnummer/meta
]
SAMORDNINGSNUMMER_VALID = [
    "701063-2391",  # Skatteverket's example
    "7010632391",
    "640883-3231",  # personnummer/js
    "570574-9959",  # personnummer/meta
    "19730674-9982",  # personnummer/meta
]
# Real dates, wrong Luhn digit: bad only by their check digit.
SWEDISH_WRONG_CHECK_DIGIT = [
    "640823-3233",  # Skatteverket's example with 3 for 4 (personnummer.github.io, "ej giltiga")
    "811228-9875",  # stdnum's 811228-9874 with 5 for 4
    "870704-9996",  # personnummer/meta, invalid
    "121120-9941",  # personnummer/meta, invalid
    "7010632392",  # Skatteverket's samordningsnummer with 2 for 1
    "900161-0017",  # personnummer/js: samordningsnummer, day 01 + 60, wrong check digit
    "19390182-9913",  # personnummer/meta: samordningsnummer, invalid
    # personnummer/meta: samordningsnummer, invalid (written without the century, since
    # "20121075" alone reads as a Norwegian phone number)
    "121075-9984",
]

# Norwegian fødselsnummer and D-numbers:
# - python-stdnum, tests/test_no_fodselsnummer.doctest and the stdnum.no.fodselsnummer docstring;
# - NAV's fnrvalidator (navikt/fnrvalidator), tests/fnr.spec.ts.
NORWEGIAN_VALID = [
    "15108695088",  # stdnum docstring
    "151086 95088",  # stdnum, as formatted by stdnum's format()
    "26111593816",  # stdnum
    "10048744732",  # stdnum
    "23114048690",  # stdnum
    "26111594448",  # stdnum
    "11111598403",  # stdnum
    "13097248022",  # NAV
    "29029648784",  # NAV: 29 February of a leap year
    "15021951940",  # NAV: a check digit whose remainder is 0
]
D_NUMMER_VALID = [
    "53097248016",  # NAV: day 13 + 40
    "70108299914",  # NAV: day 30 + 40
]
# Real dates, wrong mod-11 digits: bad only by their check digits.
NORWEGIAN_WRONG_CHECK_DIGITS = [
    "26111593817",  # stdnum: only the last (second) check digit changed
    "26111593826",  # stdnum: only the first check digit changed
    "26111593875",  # stdnum: first check digit changed, second right for it
    "15108695077",  # stdnum docstring: InvalidChecksum
    "13097248032",  # NAV: first check digit wrong
    "13097248023",  # NAV: second check digit wrong
    "53097248017",  # NAV's D-number 53097248016 with 7 for 6
]


@pytest.mark.parametrize("number", NORWEGIAN_VALID + D_NUMMER_VALID)
def test_norwegian_check_digits_of_known_good_numbers(number):
    assert norwegian_check_digits_valid(number.replace(" ", ""))


@pytest.mark.parametrize("number", NORWEGIAN_WRONG_CHECK_DIGITS)
def test_norwegian_check_digits_of_known_bad_numbers(number):
    assert not norwegian_check_digits_valid(number)


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


@pytest.mark.parametrize("number", SWEDISH_VALID + SAMORDNINGSNUMMER_VALID)
def test_swedish_identity_numbers_with_valid_check_digit_are_redacted(number):
    result = redact(f"Mitt nummer är {number}, tack.")
    assert number not in result.text
    assert not any(char.isdigit() for char in result.text)
    assert result.contained_personal_data


@pytest.mark.parametrize(
    "number",
    [
        *SWEDISH_WRONG_CHECK_DIGIT,
        "8113189876",  # month 13: not a date
        "811292-9874",  # day 92 - 60 = 32: not a date even as a samordningsnummer
    ],
)
def test_swedish_number_shapes_with_wrong_check_digit_are_kept(number):
    result = redact(f"Ärende {number}")
    assert result.text == f"Ärende {number}"
    assert not result.contained_personal_data


@pytest.mark.parametrize("number", NORWEGIAN_VALID + D_NUMMER_VALID)
def test_norwegian_identity_numbers_with_valid_check_digits_are_redacted(number):
    result = redact(f"Fødselsnummeret mitt er {number}.")
    assert not any(char.isdigit() for char in result.text)
    assert result.contained_personal_data


@pytest.mark.parametrize(
    "number",
    [*NORWEGIAN_WRONG_CHECK_DIGITS, "01139012345"],  # the last: month 13, not a date
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
    text = "Jag heter Anna, a@example.se, 070-123 45 67, 640823-3234"
    result = redact(text)
    assert result.text.startswith("Jag heter Anna, ")
    assert result.text.count("[") == 3
