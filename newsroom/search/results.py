"""One page of search results over every source: counts per type, ranked rows, display objects.

The number of queries is constant in the number of results: one count per source, one query
for the page's rows, one per source shown on the page.
"""

from dataclasses import dataclass

from newsroom.core.pagination import paginate

from . import engine, highlight
from .sources import SOURCES, Source

PER_PAGE = 20


@dataclass
class Result:
    source: Source
    object: object
    url: str
    title: str  # safe HTML: escaped, matches in <mark>
    snippet: str
    date: object
    language: str | None  # the language the text is shown in, for a ``lang`` attribute


class RankedRows:
    """The combined, ranked rows of the chosen sources, sized by the counts already made."""

    def __init__(self, rows, count):
        self.rows = rows
        self._count = count

    def count(self):
        return self._count

    def __len__(self):
        return self._count

    def __getitem__(self, index):
        return list(self.rows[index]) if self.rows is not None else []


def search(query, language, type_key=None, page_number=1):
    """The results page for ``query`` in ``language``: ``(page, counts)``.

    ``counts`` is ``[(source, number of matches)]`` for every source, so the page can offer
    filters by type; ``type_key`` limits the results to one source.
    """
    matching = {source.key: engine.ranked_rows(source, query, language) for source in SOURCES}
    counts = [(source, matching[source.key].count()) for source in SOURCES]
    chosen = [source for source, count in counts if count and type_key in (None, source.key)]
    rows = None
    if chosen:
        first, *others = (matching[source.key] for source in chosen)
        rows = engine.ordered(first.union(*others, all=True) if others else first)
    total = sum(count for source, count in counts if source in chosen)
    page = paginate(RankedRows(rows, total), PER_PAGE, page_number)
    page.object_list = display(page.object_list, query, language)
    return page, counts


def display(rows, query, language):
    """The page's rows as ``Result`` objects, fetched with one query per source."""
    keys = {source.key: source for source in SOURCES}
    wanted = {}
    for type_key, pk, _rank, _date in rows:
        wanted.setdefault(type_key, []).append(pk)
    objects = {}
    for type_key, pks in wanted.items():
        source = keys[type_key]
        queryset = source.visible_queryset().filter(pk__in=pks)
        queryset = engine.with_headlines(
            queryset.select_related(*source.select_related), source, query, language
        )
        objects.update({(type_key, obj.pk): obj for obj in queryset})
    words = engine.query_words(query)
    return [
        result(keys[type_key], objects[(type_key, pk)], words, date)
        for type_key, pk, _rank, date in rows
        if (type_key, pk) in objects
    ]


def result(source, obj, words, date):
    if hasattr(obj, "headline_title"):
        title = highlight.from_markers(obj.headline_title)
        snippet = highlight.from_markers(obj.headline_text)
    else:
        shown_title = " ".join(str(getattr(obj, name) or "") for name in source.title[:1])
        title = highlight.mark_words(shown_title, words)
        snippet = highlight.excerpt(
            highlight.plain_text(*(getattr(obj, name) for name in source.body)), words
        )
    return Result(
        source=source,
        object=obj,
        url=url_of(obj),
        title=title,
        snippet=snippet,
        date=date,
        language=getattr(obj, "content_language", None),
    )


def url_of(obj):
    if hasattr(obj, "get_absolute_url"):
        return obj.get_absolute_url()
    # Contact persons have no page of their own: their card is on their organisation's page.
    return f"{obj.organisation.get_absolute_url()}#contact-{obj.pk}"
