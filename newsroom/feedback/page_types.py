"""What kind of page an answer came from, in the editor's words.

An answer stores its page type as a code: the content's model label (``newsroom.article``) or,
for a page without one object, its URL name (``news:list``). Editors read the model's name, or
the page's name as the project package registers it; an unknown code is shown as it is.
"""

from django.apps import apps
from django.utils.text import capfirst

PAGE_NAMES = {}


def register_page_name(url_name, name):
    PAGE_NAMES[url_name] = name


def page_type_name(code):
    if code in PAGE_NAMES:
        return PAGE_NAMES[code]
    try:
        model = apps.get_model(code)
    except (LookupError, ValueError):
        return code
    return capfirst(model._meta.verbose_name)
