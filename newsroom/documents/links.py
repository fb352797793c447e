"""Links to documents in rich text say what the reader gets: "(PDF, 2,3 MB, på engelska)"."""

import re
from urllib.parse import urlsplit

from newsroom.core.richtext import is_external

from .models import Document

ADDRESS = re.compile(r"/documents/(\d{1,18})/")


def document_id(href):
    """The id of the document ``href`` points at on this site, or None."""
    href = href or ""
    parts = urlsplit(href)
    if parts.scheme not in ("", "http", "https") or is_external(href):
        return None
    match = ADDRESS.fullmatch(parts.path)
    return int(match[1]) if match else None


def notes(hrefs):
    """{href: note} for the links among ``hrefs`` that lead to documents; one query."""
    ids = {href: document_id(href) for href in hrefs}
    wanted = {pk for pk in ids.values() if pk is not None}
    if not wanted:
        return {}
    documents = Document.objects.only("format", "size", "language").in_bulk(wanted)
    return {href: documents[pk].reader_note() for href, pk in ids.items() if pk in documents}
