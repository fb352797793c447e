"""Where documents are used: the rich text fields that link to them, told by the project
package (``newsroom/registrations.py``), so this app names no content model.

``register("newsroom.Article", "body", "fact_box")``: the fields (each language's column of a
translated one) that may link to documents. A use is found by the document's address in the
stored text, so it is never out of step with what readers see.
"""

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q

from newsroom.core.i18n import language_codes

SOURCES = {}


def register(label, *fields):
    SOURCES[label.lower()] = fields


def _columns(model, field):
    """The database fields of ``field``: its language columns when it is translated."""
    names = [f"{field}_{code}" for code in language_codes()]
    columns = []
    for name in names:
        try:
            model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        columns.append(name)
    return columns or [field]


def users(document):
    """The objects whose text links to ``document``: one query per registered model."""
    address = document.get_absolute_url()
    found = []
    for label, fields in SOURCES.items():
        model = apps.get_model(label)
        condition = Q()
        for field in fields:
            for column in _columns(model, field):
                condition |= Q(**{f"{column}__contains": address})
        found.extend(model._default_manager.filter(condition).order_by("pk"))
    return found
