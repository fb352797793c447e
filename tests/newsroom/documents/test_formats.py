import io

import pytest
from django.core.exceptions import ValidationError

from newsroom.documents import formats

from . import files


def clean(content, name="file"):
    return formats.clean_document(io.BytesIO(content), name)


def refusal(content, name="file"):
    with pytest.raises(ValidationError) as error:
        clean(content, name)
    return error.value.code


@pytest.mark.parametrize(
    ("content", "name", "code"),
    [
        (files.pdf(), "report.docx", "PDF"),  # the bytes decide, not the name
        (files.docx(), "report.pdf", "DOCX"),
        (files.xlsx(), "budget.xlsx", "XLSX"),
        (files.pptx(), "slides.pptx", "PPTX"),
        (files.odf("text"), "report.odt", "ODT"),
        (files.odf("spreadsheet"), "budget.ods", "ODS"),
        ("namn;antal\nÅsa;3\n".encode(), "list.csv", "CSV"),
        ("\ufeffHej världen\n".encode(), "readme.txt", "TXT"),
    ],
)
def test_format_is_decided_from_the_bytes(content, name, code):
    assert clean(content, name).format.code == code


def test_pdf_author_and_creator_are_removed():
    content = files.pdf(author="Anna Andersson")
    assert b"Anna Andersson" in content
    result = clean(content, "report.pdf")
    assert b"Anna Andersson" not in result.content
    assert b"Microsoft Word" not in result.content
    assert {"Author", "Creator"} <= set(result.removed_metadata)
    assert clean(result.content).format.code == "PDF"  # still a PDF that opens


@pytest.mark.parametrize(
    ("content", "name", "code"),
    [
        (files.EXE, "report.pdf", "program"),
        (files.HTML, "report.pdf", "markup"),
        (b"  <?xml version='1.0'?><svg onload='x()'/>", "notes.txt", "markup"),
        (files.zip_bomb(), "report.docx", "zip_bomb"),
        (files.docx({"word/vbaProject.bin": b"macro"}), "report.docx", "macros"),
        (files.zipped({"a.txt": "x"}), "archive.docx", "invalid_format"),
        (b"PK\x03\x04 broken", "report.docx", "corrupt"),
        (b"%PDF-1.7\n garbage that is no PDF", "report.pdf", "corrupt"),
        (files.pdf(password="secret"), "report.pdf", "encrypted"),
        (b"", "report.pdf", "empty"),
        ("Räksmörgås".encode("latin-1"), "notes.txt", "encoding"),
        (b"text\x00with a NUL", "notes.txt", "invalid_format"),
        (b"%PDF-1.4", "rep\x00ort.pdf", "bad_name"),
    ],
)
def test_hostile_files_are_refused(content, name, code):
    assert refusal(content, name) == code


def test_oversize_is_refused_before_it_is_parsed(monkeypatch):
    monkeypatch.setattr(formats, "MAX_BYTES", 1000)
    assert refusal(b"a" * 1001, "notes.txt") == "too_many_bytes"
    assert clean(b"a" * 1000, "notes.txt").format.code == "TXT"
