"""Small helpers the browser tests share."""

from django.urls import reverse
from django.utils import translation


def address(live_server, obj_or_name, language):
    """The live server's URL of a named URL or an object's page in ``language``."""
    with translation.override(language):
        if isinstance(obj_or_name, str):
            return live_server.url + reverse(obj_or_name)
        return live_server.url + obj_or_name.get_absolute_url()


def tab_until(page, predicate, limit=80):
    """Press Tab until the JavaScript ``predicate`` holds: reachable by keyboard alone."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(predicate):
            return True
    return False
