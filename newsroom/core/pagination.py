"""Pages of a list, shown with ``templates/components/pagination.html``."""

from django.core.paginator import Paginator


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
