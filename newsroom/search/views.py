"""The site search page: one form, results over every kind of public content."""

from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from newsroom.core import memo
from newsroom.core.parsing import whole_number

from .engine import MAX_MATCHES
from .forms import SearchForm
from .results import search as run_search
from .sources import SOURCES


def search(request):
    form = SearchForm(request.GET or None, type_keys=[s.key for s in SOURCES])
    context = {"form": form, "page_title": _("Search"), "breadcrumbs": [], "query": ""}
    if form.is_bound and form.is_valid() and form.cleaned_data["q"]:
        query, kind = form.cleaned_data["q"], form.cleaned_data["type"]
        # Anything but a page number is the first page (the form bounds the query's length).
        number = whole_number(request.GET.get("page")) or 1
        language = get_language()
        # The same results for everyone until content changes (see ``newsroom.core.memo``).
        page, counts = memo.remember(
            ("search", query, language, kind, number),
            lambda: run_search(query, language, kind, number),
        )
        context.update(
            query=query,
            type=kind,
            page=page,
            counts=counts,
            total=sum(count for _source, count in counts),
            more_matched=any(count >= MAX_MATCHES for _source, count in counts),
            match_limit=MAX_MATCHES,
            page_title=_("Search: %(query)s") % {"query": query},
        )
    return render(request, "search/search.html", context)
