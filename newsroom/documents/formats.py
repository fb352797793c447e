"""What an uploaded document must be, decided from its bytes, and the copy that is stored.

The file name and the browser's content type are never trusted: a renamed program or a web
page saved as ``.pdf`` is refused. Office files are ZIP archives; their directory is read
(never their contents unpacked) to tell DOCX from a ZIP bomb or a macro-carrying copy. PDFs
are rewritten without their author, creator and XMP metadata.
"""

import io
import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader, PdfWriter
from pypdf.errors import PyPdfError

MAX_BYTES = 30 * 1024 * 1024
# A ZIP archive's members unpacked together, and how much one may grow: Office files compress
# XML about ten times; a bomb compresses a thousand times or more.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_RATIO = 100
MAX_MEMBERS = 10_000


@dataclass(frozen=True)
class Format:
    code: str  # what readers see: "PDF"
    extension: str
    content_type: str


FORMATS = {
    f.code: f
    for f in [
        Format("PDF", "pdf", "application/pdf"),
        Format(
            "DOCX",
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        Format("XLSX", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        Format(
            "PPTX",
            "pptx",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ),
        Format("ODT", "odt", "application/vnd.oasis.opendocument.text"),
        Format("ODS", "ods", "application/vnd.oasis.opendocument.spreadsheet"),
        Format("CSV", "csv", "text/csv; charset=utf-8"),
        Format("TXT", "txt", "text/plain; charset=utf-8"),
    ]
}
CHOICES = [(code, code) for code in FORMATS]

# The part of an Office Open XML package that says what it is.
OOXML_MAIN_PARTS = {
    "word/document.xml": "DOCX",
    "xl/workbook.xml": "XLSX",
    "ppt/presentation.xml": "PPTX",
}
# An OpenDocument file names its type in its first member, "mimetype".
ODF_TYPES = {FORMATS[code].content_type: code for code in ("ODT", "ODS")}

NOT_SUPPORTED = _(
    "This is not a document the site publishes. Upload a PDF, DOCX, XLSX, PPTX, ODT, ODS, "
    "CSV or TXT file."
)


@dataclass
class CleanDocument:
    content: bytes
    format: Format
    removed_metadata: list  # names of what was taken out of the file, for the editor


def _refuse(message, code, **params):
    raise ValidationError(message, code=code, params=params or None)


def validate_name(name):
    """A file name with control characters (NUL among them) is refused, whatever follows."""
    if any(ord(character) < 32 or ord(character) == 127 for character in name or ""):
        _refuse(_("The file name contains control characters. Rename the file."), "bad_name")


def read(file):
    """The bytes of ``file``, refused when empty or larger than the limit."""
    file.seek(0)
    content = file.read(MAX_BYTES + 1)
    file.seek(0)
    if not content:
        _refuse(_("The file is empty."), "empty")
    if len(content) > MAX_BYTES:
        _refuse(
            _("The file is larger than %(limit)s, the most a document may be."),
            "too_many_bytes",
            limit=filesizeformat(MAX_BYTES),
        )
    return content


def clean_document(file, name=""):
    """The document in ``file`` as it is stored and served, or ``ValidationError``."""
    validate_name(name)
    content = read(file)
    if content.startswith(b"%PDF-"):
        return _clean_pdf(content)
    if content.startswith(b"PK\x03\x04"):
        return CleanDocument(content, FORMATS[_office_format(content)], [])
    if content.startswith((b"MZ", b"\x7fELF", b"\xcf\xfa\xed\xfe", b"#!")):
        _refuse(_("This file is a program, not a document. It cannot be published."), "program")
    return CleanDocument(content, FORMATS[_text_format(content, name)], [])


def _clean_pdf(content):
    try:
        reader = PdfReader(io.BytesIO(content))
        if reader.is_encrypted:
            _refuse(
                _("The PDF is protected with a password. Readers could not open it."),
                "encrypted",
            )
        removed = sorted(key.lstrip("/") for key in (reader.metadata or {}))
        writer = PdfWriter(clone_from=reader)
        writer.metadata = None
        if "/Metadata" in writer.root_object:
            del writer.root_object["/Metadata"]
            removed.append("XMP")
        buffer = io.BytesIO()
        writer.write(buffer)
    except ValidationError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, RecursionError) as error:
        raise ValidationError(
            _("The PDF file is damaged. Save or export it again and upload the new copy."),
            code="corrupt",
        ) from error
    return CleanDocument(buffer.getvalue(), FORMATS["PDF"], removed)


def _office_format(content):
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise ValidationError(
            _("The file is damaged. Save it again and upload the new copy."), code="corrupt"
        ) from error
    unpacked = sum(member.file_size for member in members)
    packed = sum(member.compress_size for member in members) or 1
    if len(members) > MAX_MEMBERS or unpacked > MAX_UNPACKED_BYTES or unpacked / packed > MAX_RATIO:
        _refuse(
            _("The file unpacks to far more than it holds (a “ZIP bomb”). It cannot be published."),
            "zip_bomb",
        )
    names = {member.filename for member in members}
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        _refuse(
            _("The file contains macros. Save it without macros (as DOCX, XLSX or PPTX)."),
            "macros",
        )
    if members and members[0].filename == "mimetype":
        kind = archive.read(members[0]).decode("ascii", "replace").strip()
        if kind in ODF_TYPES:
            return ODF_TYPES[kind]
    if "[Content_Types].xml" in names:
        for part, code in OOXML_MAIN_PARTS.items():
            if part in names:
                return code
    _refuse(NOT_SUPPORTED, "invalid_format")


def _text_format(content, name):
    if b"\x00" in content:
        _refuse(NOT_SUPPORTED, "invalid_format")
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        _refuse(
            _("The text is not in UTF-8. Save it as UTF-8 text and upload it again."),
            "encoding",
        )
    start = text.lstrip()[:1]
    if start == "<":
        _refuse(
            _("This file is a web page (HTML or XML), not a document. It cannot be published."),
            "markup",
        )
    return "CSV" if (name or "").lower().endswith(".csv") else "TXT"
