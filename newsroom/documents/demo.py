"""A fictional demo document: the association's conference programme, as a real PDF."""

import io

from django.core.files.base import ContentFile
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from organisations.models import Organisation

from .models import Document

PROGRAMME = [
    "Datadagarna i Exempelstad - program",
    "Dag 1: Workshop om styrning av offentlig digitalisering",
    "Dag 1: Automatisering och AI i offentlig sektor",
    "Dag 2: Panelsamtal om morgondagens valfard",
    "Dag 2: Utblick mot Danmark och Norge",
]


def _programme_pdf():
    """One A4 page of text in Helvetica, a font every PDF reader has."""
    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    lines = "".join(
        f"BT /F1 {18 if n == 0 else 12} Tf 60 {770 - 30 * n} Td ({text}) Tj ET\n"
        for n, text in enumerate(PROGRAMME)
    )
    stream = DecodedStreamObject()
    stream.set_data(lines.encode("latin-1"))
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
    )
    page[NameObject("/Contents")] = writer._add_object(stream)
    writer.add_metadata({"/Author": "Demoförfattare"})  # removed on upload, as any author
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def create():
    """The programme of the conference the association reports from; by its title."""
    title = "Program för Datadagarna i Exempelstad"
    existing = Document.objects.filter(title_sv=title).first()
    if existing:
        return existing
    document = Document(
        title_sv=title,
        title_en="Programme of the Datadagarna conference",
        language="sv",
        organisation=Organisation.objects.get(slug_sv="oppna-data-foreningen"),
        file=ContentFile(_programme_pdf(), name="program-datadagarna.pdf"),
    )
    document.full_clean()
    document.save()
    return document
