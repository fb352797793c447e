"""Finding and ranking: full-text search on PostgreSQL, a word-match fallback elsewhere.

PostgreSQL matches with the language's own text-search configuration (stemming, stop words)
and ``websearch_to_tsquery``, which accepts anything a reader types. Each object's document
(``document()``: title weighted A, text B) is stored per language in ``SearchDocument`` with
a GIN index, so neither matching nor ranking parses text at query time: that keeps a search
for a common word fast at 100,000 articles. Visibility is not stored: every search keeps
only rows the source's public rule (``published()`` …) lets through at that moment.

SQLite (development, small sites) searches its FTS5 table (the same texts as plain text,
under each ``SearchDocument``'s id): every word of the query, as a word or the start of one,
case-insensitively, ranked by bm25 with the title above the text. Either way the cost follows
the matches, not the size of the site.
"""

import re

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVector,
)
from django.db import connection
from django.db.models import (
    Exists,
    F,
    FloatField,
    Func,
    OuterRef,
    TextField,
    Value,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Concat

from .models import FULL_TEXT_TABLE, SearchDocument
from .sources import Source

MAX_QUERY_LENGTH = 200
# Matches ranked per kind of content: the newest this many. A common word then costs what a
# rare one costs however large the site grows; the page says when more matched.
MAX_MATCHES = 500
MAX_WORDS = 12  # the fallback builds one condition per word; more words add no precision
CONFIGS = {"sv": "swedish", "nb": "norwegian", "nn": "norwegian", "en": "english"}
# ts_headline marks matches with these; the text is escaped before they become <mark>.
START, STOP = "\x02", "\x03"
WORD = re.compile(r"\w+")


def full_text():
    return connection.vendor == "postgresql"


def search_config(language):
    return CONFIGS.get(language, "simple")


def joined(expressions):
    """The texts as one, separated by spaces (as ``SearchVector`` joins them)."""
    if len(expressions) == 1:
        return expressions[0]
    parts = []
    for expression in expressions:
        parts += [expression, Value(" ")]
    return Concat(*parts[:-1], output_field=TextField())


def document(source: Source, language):
    """The weighted text-search document of a row of ``source`` in ``language``.

    The index migration creates a GIN index on exactly this expression; change both together.
    """
    config = search_config(language)
    return SearchVector(*source.title_texts(language), config=config, weight="A") + SearchVector(
        *source.body_texts(language), config=config, weight="B"
    )


def query_words(query):
    return WORD.findall(query)[:MAX_WORDS]


def fts_query(words, prefix=True):
    """An FTS5 query: every word (or its start); quoted, so nothing is an operator."""
    star = "*" if prefix else ""
    return " ".join('"' + word.replace('"', '""') + '"' + star for word in words)


def matches(source: Source, query, language):
    """``(type, pk, rank, date)`` rows of ``source`` the public may see that match ``query``.

    Of the newest ``MAX_MATCHES`` matches, those the public may see: the documents are found
    through the full-text index, and only those are checked and ranked.
    """
    visible = source.visible_queryset()
    documents = SearchDocument.objects.filter(kind=source.key, language=language)
    if full_text():
        search_query = SearchQuery(query, search_type="websearch", config=search_config(language))
        found = documents.filter(document=search_query)
        rank = SearchRank(F("document"), search_query)
    else:
        words = query_words(query)
        if not words:
            return documents.none().annotate(
                result_pk=F("object_id"),
                rank=Value(0.0, output_field=FloatField()),
                result_date=F("date"),
            )
        found = documents.filter(
            pk__in=RawSQL(
                f"SELECT rowid FROM {FULL_TEXT_TABLE} WHERE {FULL_TEXT_TABLE} MATCH %s",
                [fts_query(words)],
            )
        )
        # bm25 of one row, sought by rowid in the match of the whole words: a prefix would
        # merge the lists of every longer word for each row. Rows matched only by the start of
        # a word rank below (NULL is lowest).
        rank = RawSQL(
            f"(SELECT -bm25({FULL_TEXT_TABLE}, 10.0, 1.0) FROM {FULL_TEXT_TABLE} "
            f"WHERE {FULL_TEXT_TABLE} MATCH %s AND rowid = search_searchdocument.id)",
            [fts_query(words, prefix=False)],
            output_field=FloatField(),
        )
    # The newest matches first, then which of them the public may see: the visibility rule
    # is checked for a bounded number of rows, never joined with the whole table.
    newest = found.order_by(F("date").desc(nulls_last=True), "-object_id").values("pk")
    return (
        SearchDocument.objects.filter(pk__in=newest[:MAX_MATCHES])
        .filter(Exists(visible.filter(pk=OuterRef("object_id"))))
        .annotate(result_pk=F("object_id"), rank=rank, result_date=F("date"))
    )


def ranked_rows(source: Source, query, language):
    """``(type, pk, rank, date)`` rows, to be combined with other sources' and paginated."""
    return (
        matches(source, query, language)
        .annotate(result_type=Value(source.key))
        .values_list("result_type", "result_pk", "rank", "result_date")
    )


def ordered(rows):
    return rows.order_by(
        "-rank", F("result_date").desc(nulls_last=True), "result_type", "-result_pk"
    )


def strip_tags_sql(expression):
    return Func(
        expression,
        Value("<[^>]*>"),
        Value(" "),
        Value("g"),
        function="regexp_replace",
        output_field=TextField(),
    )


def snippet_text(source: Source, language):
    texts = []
    for name, text in zip(source.body, source.body_texts(language), strict=True):
        texts.append(strip_tags_sql(text) if name in source.rich_text else text)
    return joined(texts)


def with_headlines(queryset, source: Source, query, language):
    """On PostgreSQL, the title and a snippet with the matched words (also stemmed) marked."""
    if not full_text():
        return queryset
    config = search_config(language)
    search_query = SearchQuery(query, search_type="websearch", config=config)
    marks = {"config": config, "start_sel": START, "stop_sel": STOP}
    return queryset.annotate(
        headline_title=SearchHeadline(
            joined(source.title_texts(language)[:1]), search_query, highlight_all=True, **marks
        ),
        headline_text=SearchHeadline(
            snippet_text(source, language),
            search_query,
            max_fragments=2,
            max_words=30,
            min_words=12,
            fragment_delimiter=" … ",
            **marks,
        ),
    )
