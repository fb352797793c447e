"""Pages of a list.

Two kinds, for two kinds of list:

- ``paginate()``: numbered pages, shown with ``templates/components/pagination.html``, for
  lists that stay small (the organisation directory, a search's results).
- ``keyset_page()``: "newer" and "older" pages of a list that grows with the years (news,
  events), shown with ``templates/components/pager.html``. A page is found by where the one
  before it ended (``?after=`` or ``?before=`` an item's place), so page 1,000 costs what
  page 1 costs; an offset would read every item before it. How many pages there are is
  counted once per content generation (``memo``), not on every request.
"""

import math
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.core.paginator import Paginator
from django.db.models import F, Q

from . import memo
from .parsing import whole_number

CURSOR = re.compile(r"(-?[0-9]{1,17})\.([0-9]{1,18})")


def paginate(items, per_page, number):
    """The page ``number`` of ``items``.

    ``number`` comes from the query string: anything that is not a page number gives the first
    page, a number past the end the last, never an error. ``page_numbers`` lists the links the
    component shows: the first and last pages, two either side of this one, "…" for the gaps.
    """
    page = Paginator(items, per_page).get_page(number)
    page.page_numbers = list(
        page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    )
    return page


@dataclass
class KeysetPage:
    object_list: list
    number: int
    num_pages: int
    # Query-string changes (for ``{% querystring %}``) that lead to the neighbouring pages.
    newer: dict | None = None
    older: dict | None = None
    last: dict | None = None
    first: dict = field(default_factory=lambda: {"page": None, "after": None, "before": None})

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)

    def has_other_pages(self):
        return self.num_pages > 1


def cursor_of(obj, name):
    """An item's place in the list: its ordering value (microseconds) and primary key."""
    value = getattr(obj, name)
    return f"{round(value.timestamp() * 1_000_000)}.{obj.pk}"


def parse_cursor(text):
    match = CURSOR.fullmatch(text or "")
    if not match:
        return None
    try:
        moment = datetime.fromtimestamp(int(match[1]) / 1_000_000, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None
    return moment, int(match[2])


def page_number(text, num_pages):
    number = whole_number(text, most_digits=9)
    return min(max(number, 1), num_pages) if number is not None else 1


def keyset_page(queryset, per_page, query, *, order_field, descending, count_key):
    """The page of ``queryset`` that ``query`` (the request's GET) asks for.

    The list is ordered by ``order_field`` (a non-null date-time column), then the primary
    key, both descending or both ascending. ``count_key`` names this list (with its filters
    and the language) for the count that is remembered until the content changes. Malformed
    parameters give the first page, never an error.
    """
    count = memo.remember(("list-count", *count_key), queryset.count)
    num_pages = max(1, math.ceil(count / per_page))
    after, before = parse_cursor(query.get("after")), parse_cursor(query.get("before"))
    number = page_number(query.get("page"), num_pages)
    last = query.get("page") == "last" and num_pages > 1

    def read_page(number):
        forward = [
            F(order_field).desc() if descending else F(order_field).asc(),
            "-pk" if descending else "pk",
        ]
        backward = [
            F(order_field).asc() if descending else F(order_field).desc(),
            "pk" if descending else "-pk",
        ]
        if last:
            size = count - (num_pages - 1) * per_page
            rows = list(queryset.order_by(*backward)[:size])[::-1]
            number, has_newer, has_older = num_pages, True, False
        elif after:
            rows = list(
                queryset.filter(beyond(order_field, after, descending)).order_by(*forward)[
                    : per_page + 1
                ]
            )
            has_older = len(rows) > per_page
            rows, has_newer = rows[:per_page], True
            number = max(1, min(max(number, 2), num_pages - 1)) if has_older else num_pages
        elif before:
            rows = list(
                queryset.filter(beyond(order_field, before, not descending)).order_by(*backward)[
                    : per_page + 1
                ]
            )
            has_newer = len(rows) > per_page
            rows, has_older = rows[:per_page][::-1], True
            number = max(1, min(max(number, 2), num_pages - 1)) if has_newer else 1
        else:
            rows = list(queryset.order_by(*forward)[: per_page + 1])
            has_older = len(rows) > per_page
            rows, has_newer, number = rows[:per_page], False, 1
        page = KeysetPage(rows, number, num_pages)
        if has_newer and rows:
            page.newer = {
                "page": number - 1,
                "before": cursor_of(rows[0], order_field),
                "after": None,
            }
        if has_older and rows:
            page.older = {
                "page": number + 1,
                "after": cursor_of(rows[-1], order_field),
                "before": None,
            }
        if number < num_pages - 1:
            page.last = {"page": "last", "after": None, "before": None}
        return page

    # A page's rows are the same for every reader until content changes: read once per
    # content generation (the key holds the parsed parameters, not the raw ones).
    key = ("list-page", *count_key, per_page, after, before, number, last)
    return memo.remember(key, lambda: read_page(number))


def beyond(order_field, cursor, descending):
    """Items after ``cursor`` in the order (descending or ascending), ties broken by key."""
    moment, pk = cursor
    if descending:
        return Q(**{f"{order_field}__lt": moment}) | Q(**{order_field: moment, "pk__lt": pk})
    return Q(**{f"{order_field}__gt": moment}) | Q(**{order_field: moment, "pk__gt": pk})
