"""The sv, nb and nn catalogues are complete, and their committed .mo files match them."""

import ast
import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings

LOCALE = Path(settings.BASE_DIR) / "locale"
ENTRY = re.compile(r'^msgid "(.*)"$', re.MULTILINE)


def entries(po_text):
    """(msgid, translations, flags) for each entry but the header, from a .po file's text."""
    for block in po_text.split("\n\n"):
        lines = [line for line in block.splitlines() if not line.startswith("#~")]
        if not any(line.startswith("msgid") for line in lines):
            continue
        flags = " ".join(line for line in lines if line.startswith("#,"))
        fields, current = {}, None
        for line in lines:
            match = re.match(r"^(msgid|msgid_plural|msgstr(?:\[\d\])?) (\".*\")$", line)
            if match:
                current = match.group(1)
                fields[current] = ast.literal_eval(match.group(2))
            elif line.startswith('"') and current:
                fields[current] += ast.literal_eval(line)
        if fields.get("msgid"):
            translations = [value for key, value in fields.items() if key.startswith("msgstr")]
            yield fields["msgid"], translations, flags


@pytest.mark.parametrize("language", ["sv", "nb", "nn"])
def test_catalogue_is_complete_and_compiled(language):
    folder = LOCALE / language / "LC_MESSAGES"
    po_entries = list(entries((folder / "django.po").read_text(encoding="utf-8")))
    assert po_entries
    untranslated = [msgid for msgid, translations, _flags in po_entries if not all(translations)]
    fuzzy = [msgid for msgid, _translations, flags in po_entries if "fuzzy" in flags]
    assert untranslated == []
    assert fuzzy == []
    with (folder / "django.mo").open("rb") as compiled:
        catalogue = gettext.GNUTranslations(compiled)._catalog
    # A message with a context (pgettext) is compiled as "context\x04msgid".
    compiled_ids = {
        (key[0] if isinstance(key, tuple) else key).rpartition("\x04")[2] for key in catalogue
    } - {""}
    assert compiled_ids == {msgid for msgid, _translations, _flags in po_entries}
