"""Keeping the stored search index up to date: a ``SearchDocument`` per object and language,
with its ``tsvector`` on PostgreSQL, or its texts in SQLite's FTS5 table under the same id.

Every save and delete of searchable content updates its documents (receivers connected by
``sources.register``); ``reindex()`` (``manage.py search_reindex``) rebuilds all after bulk
changes made with ``update()`` or raw SQL, or as a nightly safety net. After ``migrate``, an
empty index on a site with content is filled (``fill_empty_index``), so upgrading needs no
extra step.
"""

from django.db import connection, transaction
from django.db.models import F

from newsroom.core.i18n import language_codes

from . import highlight
from .engine import document, full_text
from .models import FULL_TEXT_TABLE, SearchDocument
from .sources import SOURCES


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
    return highlight.plain_text(text) if name in source.rich_text else text or ""


def index_texts(source, pks=None):
    """``index_rows`` for SQLite: the documents, and their texts (rich text as plain text)."""
    rows = source.model_class._base_manager.order_by()
    existing = SearchDocument.objects.filter(kind=source.key)
    if pks is not None:
        rows = rows.filter(pk__in=pks)
        existing = existing.filter(object_id__in=pks)
    documents, texts = [], []
    for language in language_codes():
        fields = source.title + source.body
        annotated = rows.annotate(
            **{
                f"search_{name}": text
                for name, text in zip(
                    fields,
                    source.title_texts(language) + source.body_texts(language),
                    strict=True,
                )
            },
            search_date=source.date_expression(),
        )
        for row in annotated.values("pk", *(f"search_{name}" for name in fields), "search_date"):
            documents.append(
                SearchDocument(
                    kind=source.key,
                    language=language,
                    object_id=row["pk"],
                    document="",
                    date=row["search_date"],
                )
            )
            texts.append(
                [
                    " ".join(plain(row[f"search_{n}"], source, n) for n in part)
                    for part in (source.title, source.body)
                ]
            )
    with transaction.atomic(), connection.cursor() as cursor:
        stale = list(existing.values_list("pk", flat=True))
        cursor.executemany(
            f"DELETE FROM {FULL_TEXT_TABLE} WHERE rowid = %s", [[pk] for pk in stale]
        )
        existing.delete()
        SearchDocument.objects.bulk_create(documents, batch_size=500)
        cursor.executemany(
            f"INSERT INTO {FULL_TEXT_TABLE} (rowid, title, body) VALUES (%s, %s, %s)",
            [[doc.pk, *text] for doc, text in zip(documents, texts, strict=True)],
        )
    return len(documents)


def fill_empty_index(**kwargs):
    """post_migrate receiver: a site upgraded to a new index gets its content indexed."""
    if not SearchDocument.objects.exists() and any(s.visible_queryset().exists() for s in SOURCES):
        reindex()


def remove(obj):
    """Forget the search documents of a deleted object (searches skip them anyway)."""
    source = source_of(obj)
    if source is None:
        return
    documents = SearchDocument.objects.filter(kind=source.key, object_id=obj.pk)
    if not full_text():
        with connection.cursor() as cursor:
            cursor.executemany(
                f"DELETE FROM {FULL_TEXT_TABLE} WHERE rowid = %s",
                [[pk] for pk in documents.values_list("pk", flat=True)],
            )
    documents.delete()


def index_saved(sender, instance, raw=False, **kwargs):
    """post_save receiver (see apps.py); fixtures loaded raw are indexed by ``reindex()``."""
    if not raw:
        index(instance)


def remove_deleted(sender, instance, **kwargs):
    """post_delete receiver (see apps.py)."""
    remove(instance)
