from organisations.collation import collation_key

NAMES = ["Örebro", "Zeta", "Ängby", "Åmål", "Aalborg", "Ørsta", "Ærø", "Bergen", "Éden", "Edda"]


def ordered(language):
    return sorted(NAMES, key=lambda name: collation_key(name, language))


def test_swedish_puts_a_ring_a_umlaut_o_umlaut_after_z():
    assert ordered("sv") == [
        "Aalborg", "Bergen", "Edda", "Éden", "Zeta", "Åmål", "Ängby", "Ærø", "Örebro", "Ørsta"
    ]  # fmt: skip


def test_norwegian_puts_ae_o_slash_a_ring_after_z():
    expected = [
        "Aalborg", "Bergen", "Edda", "Éden", "Zeta", "Ängby", "Ærø", "Örebro", "Ørsta", "Åmål"
    ]  # fmt: skip
    assert ordered("nb") == expected
    assert ordered("nn") == expected


def test_english_ignores_the_accents():
    assert ordered("en") == [
        "Aalborg", "Åmål", "Ängby", "Ærø", "Bergen", "Edda", "Éden", "Örebro", "Ørsta", "Zeta"
    ]  # fmt: skip


def test_case_does_not_matter_and_shorter_names_come_first():
    names = ["ödeby", "Ödeby kommun", "Ö", "odin"]
    assert sorted(names, key=lambda name: collation_key(name, "sv")) == [
        "odin", "Ö", "ödeby", "Ödeby kommun"
    ]  # fmt: skip
