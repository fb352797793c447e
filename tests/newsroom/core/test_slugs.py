import pytest

from newsroom.core.slugs import slug_from


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        # Swedish
        ("Välkommen till Åre", "valkommen-till-are"),
        ("Öppna data för alla", "oppna-data-for-alla"),
        ("Digitaliseringsdagen 3\u20134 december", "digitaliseringsdagen-3-4-december"),
        ("Ny strategi \u2014 så här gör vi", "ny-strategi-sa-har-gor-vi"),
        ("Idé och café", "ide-och-cafe"),
        # Norwegian (bokmål and nynorsk)
        ("Før den politiske debatten", "for-den-politiske-debatten"),
        ("Ærlig talt om økonomi", "aerlig-talt-om-okonomi"),
        ("Kommunane på Vestlandet \u2013 ein ny plan", "kommunane-pa-vestlandet-ein-ny-plan"),
        ("Søknadsfrist 15.\u201320. mai", "soknadsfrist-15-20-mai"),
        ("Blåbær og Ål", "blabaer-og-al"),
        # English and edge cases
        ("Open data: what's next?", "open-data-whats-next"),
        ("Before/after", "before-after"),
        ("  --Spaces  and -- dashes--  ", "spaces-and-dashes"),
        ("<b>Markup</b>", "bmarkup-b"),
        ("!!!", ""),
    ],
)
def test_slug_from_title(title, slug):
    assert slug_from(title) == slug


def test_long_titles_are_cut_at_a_word_boundary():
    slug = slug_from("Förändring " * 40, max_length=50)
    assert len(slug) <= 50
    assert slug.endswith("forandring")
    assert not slug.endswith("-")
