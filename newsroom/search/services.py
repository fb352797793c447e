"""Keeping the stored search index up to date: ``SearchDocument`` rows on PostgreSQL,
``SearchText`` rows (SQLite's full-text index) elsewhere.

Every save and delete of searchable content updates its documents (receivers connected by
``sources.register``); ``reindex()`` (``manage.py search_reindex``) rebuilds all after bulk
changes made with ``update()`` or raw SQL, or as a nightly safety net. After ``migrate``, an
empty index on a site with content is filled (``fill_empty_index``), so upgrading needs no
extra step.
"""

import html
import re

from django.db import connection, transaction
from django.db.models import F

from newsroom.core.i18n import language_codes

from .engine import document, full_text
from .models import SearchDocument, SearchText
from .sources import SOURCES

TAG = re.compile(r"<[^>]*>")


def source_of(obj):
    label = obj._meta.label
    return next((source for source in SOURCES if source.model == label), None)


def index(obj):
    """Rewrite the search documents of ``obj`` in every language."""
    source = source_of(obj)
    if source is not None:
        index_rows(source, [obj.pk])


# Any number that no other advisory lock of the database uses.
REINDEX_LOCK = 0x6E727331


def reindex():
    """Rewrite every search document; returns the number written.

    One run at a time, whichever machine starts it: a second run started meanwhile waits for
    the first to commit (a transaction-scoped advisory lock, which PgBouncer's transaction
    pooling keeps), then rewrites afresh, so no document is written twice.
    """
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [REINDEX_LOCK])
        return sum(index_rows(source) for source in SOURCES)


def index_rows(source, pks=None):
    """Write the documents of ``source``'s rows (all, or those in ``pks``) in every language."""
    if not full_text():
        return index_texts(source, pks)
    rows = source.model_class._base_manager.order_by()
    existing = SearchDocument.objects.filter(kind=source.key)
    if pks is not None:
        rows = rows.filter(pk__in=pks)
        existing = existing.filter(object_id__in=pks)
    table = SearchDocument._meta.db_table
    written = 0
    with transaction.atomic():
        existing.delete()
        for language in language_codes():
            select = rows.annotate(
                search_pk=F("pk"),
                search_document=document(source, language),
                search_date=source.date_expression(),
            ).values_list("search_pk", "search_document", "search_date")
            sql, params = select.query.sql_with_params()
            with connection.cursor() as cursor:
                cursor.execute(
                    f"INSERT INTO {table} (kind, language, object_id, document, date) "
                    "SELECT %s, %s, rows.search_pk, rows.search_document, "
                    f"rows.search_date::timestamptz FROM ({sql}) AS rows",
                    [source.key, language, *params],
                )
                written += cursor.rowcount
    return written


def plain(text, source, name):
    """What a reader reads of a field: rich text without its tags."""
    if name in source.rich_text and text:
        return html.unescape(TAG.sub(" ", text))
    return text or ""


def index_texts(source, pks=None):
    """``index_rows`` for SQLite's full-text index: the texts, rich text as plain text."""
    rows = source.model_class._base_manager.order_by()
    existing = SearchText.objects.filter(kind=source.key)
    if pks is not None:
        rows = rows.filter(pk__in=pks)
        existing = existing.filter(object_id__in=pks)
    written = []
    for language in language_codes():
        texts = {
            f"search_{name}": text
            for name, text in zip(
                source.title + source.body,
                source.title_texts(language) + source.body_texts(language),
                strict=True,
            )
        }
        annotated = rows.annotate(**texts, search_date=source.date_expression())
        for row in annotated.values("pk", *texts, "search_date"):
            title = " ".join(plain(row[f"search_{name}"], source, name) for name in source.title)
            body = " ".join(plain(row[f"search_{name}"], source, name) for name in source.body)
            written.append(
                (
                    source.key,
                    language,
                    row["pk"],
                    connection.ops.adapt_datetimefield_value(row["search_date"]),
                    title,
                    body,
                )
            )
    with transaction.atomic():
        existing.delete()
        # Not bulk_create: FTS5 tables cannot return the rows they inserted.
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {SearchText._meta.db_table} "
                "(kind, language, object_id, date, title, body) VALUES (%s, %s, %s, %s, %s, %s)",
                written,
            )
    return len(written)


def fill_empty_index(**kwargs):
    """post_migrate receiver: a site upgraded to a new index gets its content indexed."""
    stored = SearchDocument if full_text() else SearchText
    if not stored.objects.exists() and any(s.visible_queryset().exists() for s in SOURCES):
        reindex()


def remove(obj):
    """Forget the search documents of a deleted object (searches skip them anyway)."""
    source = source_of(obj)
    if source is not None:
        stored = SearchDocument if full_text() else SearchText
        stored.objects.filter(kind=source.key, object_id=obj.pk).delete()


def index_saved(sender, instance, raw=False, **kwargs):
    """post_save receiver (see apps.py); fixtures loaded raw are indexed by ``reindex()``."""
    if not raw:
        index(instance)


def remove_deleted(sender, instance, **kwargs):
    """post_delete receiver (see apps.py)."""
    remove(instance)
