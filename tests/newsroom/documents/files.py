"""Real files of every accepted format, and hostile ones, made in memory."""

import io
import zipfile

from pypdf import PdfWriter


def pdf(author="Anna Andersson", pages=1, password=None):
    writer = PdfWriter()
    for _page in range(pages):
        writer.add_blank_page(595, 842)
    writer.add_metadata({"/Author": author, "/Creator": "Microsoft Word"})
    if password:
        writer.encrypt(password)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def zipped(members, first=None):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if first:
            archive.writestr(zipfile.ZipInfo(first[0]), first[1])  # stored, as ODF requires
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def docx(extra=None):
    return zipped(
        {
            "[Content_Types].xml": "<Types/>",
            "word/document.xml": "<w:document>Hej</w:document>",
            **(extra or {}),
        }
    )


def xlsx():
    return zipped({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"})


def pptx():
    return zipped({"[Content_Types].xml": "<Types/>", "ppt/presentation.xml": "<p/>"})


def odf(kind):
    return zipped(
        {"content.xml": "<office:document-content/>"},
        first=("mimetype", f"application/vnd.oasis.opendocument.{kind}"),
    )


def zip_bomb():
    """A DOCX in name and structure whose member unpacks a thousand times its size."""
    return docx({"word/media/padding.bin": b"\0" * (20 * 1024 * 1024)})


EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\0" * 200 + b"This program"
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
