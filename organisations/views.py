"""Public organisation pages: the directory, one page per organisation, contact vCards.

Internal contact persons never reach these pages: every person comes from ``public()``.
"""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from newsroom.core import memo
from newsroom.core.i18n import fallback_chain, get_by_translated_slug
from newsroom.core.pagination import paginate
from newsroom.core.parsing import whole_number
from newsroom.core.structured_data import json_ld_script

from .collation import collation_key
from .forms import DirectoryFilterForm
from .models import ContactPerson, Organisation, sorted_by_name
from .structured_data import organisation_data
from .vcard import contact_vcard

PAGE_SIZE = 24


def sorted_ids(queryset, language):
    """The ids in ``queryset`` ordered by name as shown in ``language`` (after fallbacks)."""
    name_fields = [f"name_{code}" for code in fallback_chain(language)]
    rows = queryset.values_list("pk", *name_fields)
    keyed = [(collation_key(next(filter(None, names), ""), language), pk) for pk, *names in rows]
    return [pk for _key, pk in sorted(keyed)]


def organisation_list(request):
    form = DirectoryFilterForm(request.GET)
    filters = form.filters()
    language = get_language()
    number = whole_number(request.GET.get("page")) or 1  # anything else is the first page
    # The same for every reader until content changes (see ``newsroom.core.memo``); the key
    # holds the parsed parameters, not the raw ones.
    page = memo.remember(
        ("organisation-directory", language, *sorted(filters.items()), number),
        lambda: directory_page(filters, language, number),
    )
    return render(
        request,
        "organisations/organisation_list.html",
        {
            "page_title": _("Organisations"),
            "breadcrumbs": [],
            "form": form,
            "page_obj": page,
            "organisations": page.object_list,
        },
    )


def directory_page(filters, language, number):
    organisations = Organisation.objects.active().filter(**filters)
    # Sort the ids in Python (language-aware collation), then load only the page shown.
    page = paginate(sorted_ids(organisations, language), PAGE_SIZE, number)
    loaded = Organisation.objects.for_list().in_bulk(page.object_list)
    page.object_list = [loaded[pk] for pk in page.object_list if pk in loaded]
    return page


def organisation_detail(request, slug):
    # The same for every reader until content changes (see ``newsroom.core.memo``).
    organisation, contacts, children = memo.remember(
        ("organisation-page", get_language(), slug), lambda: organisation_page(slug)
    )
    return render(
        request,
        "organisations/organisation_detail.html",
        {
            "object": organisation,
            "organisation": organisation,
            "contacts": contacts,
            "children": children,
            "page_title": organisation.name,
            "breadcrumbs": [(_("Organisations"), reverse("organisations:list"))],
            "json_ld": json_ld_script(organisation_data(organisation, request)),
        },
    )


def organisation_page(slug):
    """The organisation, its contact persons and its active child organisations, sorted."""
    organisation = get_by_translated_slug(Organisation.objects.for_detail(), slug)
    language = get_language()
    contacts = sorted(  # press contacts first, then by name as the reader's language sorts
        organisation.contacts.for_cards(),
        key=lambda person: (not person.is_press_contact, collation_key(person.name, language)),
    )
    return organisation, contacts, sorted_by_name(organisation.children.active(), language)


def contact_vcard_download(request, pk):
    person = get_object_or_404(ContactPerson.objects.public().select_related("organisation"), pk=pk)
    response = HttpResponse(contact_vcard(person), content_type="text/vcard; charset=utf-8")
    filename = slugify(person.name) or "contact"
    response["Content-Disposition"] = f'attachment; filename="{filename}.vcf"'
    return response
