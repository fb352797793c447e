import pytest
from django.core.exceptions import ValidationError

from newsroom.core.checksums import luhn_check_digit
from organisations.numbers import (
    format_organisation_number,
    format_phone,
    mod11_check_digit,
    normalise_organisation_number,
    normalise_phone,
)


@pytest.mark.parametrize(
    "value", ["802428-2785", "8024282785", "802428 2785", " 802428-2785 ", "802428\u20132785"]
)
def test_swedish_number_valid_in_every_written_form(value):
    assert normalise_organisation_number(value, "SE") == "8024282785"


@pytest.mark.parametrize("value", ["974760673", "974 760 673", "974-760-673", "974.760.673"])
def test_norwegian_number_valid_in_every_written_form(value):
    assert normalise_organisation_number(value, "NO") == "974760673"


@pytest.mark.parametrize(
    ("value", "country", "code"),
    [
        ("802428-2786", "SE", "invalid_check_digit"),
        ("802428-2784", "SE", "invalid_check_digit"),
        ("804228-2785", "SE", "invalid_check_digit"),  # two digits swapped
        ("802428-278", "SE", "invalid_length"),
        ("802428-27851", "SE", "invalid_length"),
        ("974760673", "SE", "invalid_length"),
        ("80242A-2785", "SE", "invalid_characters"),
        ("SE802428-2785", "SE", "invalid_characters"),
        ("802428\u20132785\x00", "SE", "invalid_characters"),
        ("٨٠٢٤٢٨٢٧٨٥", "SE", "invalid_characters"),  # non-ASCII digits
        ("974760674", "NO", "invalid_check_digit"),
        ("97476067", "NO", "invalid_length"),
        ("9747606731", "NO", "invalid_length"),
        ("8024282785", "NO", "invalid_length"),
        ("97476O673", "NO", "invalid_characters"),
        ("974 760 673 MVA", "NO", "invalid_characters"),
    ],
)
def test_invalid_numbers_are_refused_with_a_specific_reason(value, country, code):
    with pytest.raises(ValidationError) as error:
        normalise_organisation_number(value, country)
    assert error.value.code == code


def test_norwegian_remainder_one_has_no_valid_check_digit():
    # 91234567: weighted sum 221, remainder 1, so no ninth digit makes it valid.
    assert mod11_check_digit("91234567") is None
    for digit in "0123456789":
        with pytest.raises(ValidationError):
            normalise_organisation_number("91234567" + digit, "NO")


def test_norwegian_remainder_zero_gives_check_digit_zero():
    first_eight = next(
        f"{n:08d}" for n in range(80000000, 80001000) if mod11_check_digit(f"{n:08d}") == "0"
    )
    assert normalise_organisation_number(first_eight + "0", "NO") == first_eight + "0"


def test_luhn_check_digit():
    assert luhn_check_digit("802428278") == "5"
    assert luhn_check_digit("212000014") == "2"


def test_numbers_are_shown_as_the_country_writes_them():
    assert format_organisation_number("8024282785", "SE") == "802428-2785"
    assert format_organisation_number("974760673", "NO") == "974 760 673"
    assert format_organisation_number("", "SE") == ""


@pytest.mark.parametrize(
    ("value", "country", "stored", "shown"),
    [
        ("010-123 45 67", "SE", "+46101234567", "+46 10 123 45 67"),
        ("+46 (0)10-123 45 67", "SE", "+46101234567", "+46 10 123 45 67"),
        ("0046 10 123 45 67", "SE", "+46101234567", "+46 10 123 45 67"),
        ("08-465 000 12", "SE", "+46846500012", "+46 8 465 000 12"),
        ("070-174 06 05", "SE", "+46701740605", "+46 70 174 06 05"),
        ("0910-123 45", "SE", "+4691012345", "+46 910 123 45"),
        ("22 33 44 55", "NO", "+4722334455", "+47 22 33 44 55"),
        ("412 34 567", "NO", "+4741234567", "+47 412 34 567"),
        ("+47 412 34 567", "SE", "+4741234567", "+47 412 34 567"),
        ("+46101234567", "NO", "+46101234567", "+46 10 123 45 67"),
        ("+358 9 1234 5678", "SE", "+358912345678", "+358912345678"),
        ("", "SE", "", ""),
    ],
)
def test_phone_numbers_are_stored_in_e164_and_shown_readably(value, country, stored, shown):
    assert normalise_phone(value, country) == stored
    assert format_phone(stored) == shown


@pytest.mark.parametrize(
    ("value", "country"),
    [
        ("010-CALL-ME", "SE"),
        ("12345", "SE"),
        ("101234567", "SE"),  # no trunk 0 and no country code
        ("2233445", "NO"),
        ("+46 10 123 45 67 89 01 23", "SE"),
        ("+46\x0010", "SE"),
        ("<script>", "SE"),
        ("++46101234567", "SE"),
    ],
)
def test_phone_numbers_that_cannot_be_dialled_are_refused(value, country):
    with pytest.raises(ValidationError):
        normalise_phone(value, country)
