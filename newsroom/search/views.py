"""The site search page: one form, results over every kind of public content."""

from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .engine import MAX_MATCHES
from .forms import SearchForm
from .results import search as run_search
from .sources import SOURCES


def search(request):
    form = SearchForm(request.GET or None, type_keys=[s.key for s in SOURCES])
    context = {"form": form, "page_title": _("Search"), "breadcrumbs": [], "query": ""}
    if form.is_bound and form.is_valid() and form.cleaned_data["q"]:
        query = form.cleaned_data["q"]
        page, counts = run_search(
            query, get_language(), form.cleaned_data["type"], request.GET.get("page")
        )
        context.update(
            query=query,
            type=form.cleaned_data["type"],
            page=page,
            counts=counts,
            total=sum(count for _source, count in counts),
            more_matched=any(count >= MAX_MATCHES for _source, count in counts),
            match_limit=MAX_MATCHES,
            page_title=_("Search: %(query)s") % {"query": query},
        )
    return render(request, "search/search.html", context)
