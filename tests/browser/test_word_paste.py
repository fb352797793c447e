"""Lists pasted from Word, which puts them on the clipboard as styled paragraphs with typed
bullets and numbers, arrive in the rich text editor as real, nested lists."""

from pathlib import Path

import pytest

from newsroom.pages.models import Page

from .test_editor_behaviour import editor, paste, stored  # noqa: F401  (the fixture)

pytestmark = pytest.mark.django_db(transaction=True)

WORD_LISTS = (Path(__file__).parent / "fixtures" / "word-lists.html").read_text()


def test_words_bullets_and_numbers_become_lists(editor):  # noqa: F811
    paste(editor, WORD_LISTS, "Så söker du bidraget")
    html = stored(editor)

    assert (
        "<ul><li><p>Läs <strong>villkoren</strong></p>"
        '<ul><li><p>särskilt <a href="https://www.example.org/villkor"'
    ) in html
    assert "<li><p>Fyll i <em>ansökan</em></p></li></ul>" in html
    numbered = "<li><p>Vi bekräftar ansökan</p></li><li><p>Du får besked i juni</p></li></ol>"
    assert f'<ol data-type="decimal">{numbered}' in html
    assert "<p>Så söker du bidraget:</p>" in html
    for gone in ("·", "1.", "2.", "mso-", "supportLists", "Symbol", "Courier"):
        assert gone not in html, gone


def test_the_pasted_lists_are_stored_as_lists(editor, live_server):  # noqa: F811
    paste(editor, WORD_LISTS, "Så söker du bidraget")
    editor.fill("#id_title_sv", "Bidraget")
    editor.get_by_role("button", name="Spara", exact=True).click()
    editor.wait_for_url("**/admin/pages/page/")
    body = Page.objects.get().body_sv
    assert body.count("<ul>") == 2
    assert body.count("<ol") == 1
    assert "·" not in body
    assert "&nbsp;" not in body  # Word's spacer paragraph is dropped on save
