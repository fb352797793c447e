"""The content whose old addresses redirect, told by the project package
(``newsroom/registrations.py``) in ``AppConfig.ready()``: this app imports no content model.

``register(label, url_name=…, visible=…)``: the model's detail page is
``reverse(url_name, kwargs={"slug": …})`` in every language, and ``visible`` names its
QuerySet method for what the public may see (``published``, ``active``; ``all`` for always), so
an old address answers only while the page itself does.
"""

from dataclasses import dataclass

from django.apps import apps
from django.db.models.signals import post_delete, post_save, pre_save


@dataclass(frozen=True)
class Entry:
    label: str  # "app_label.modelname"
    url_name: str
    visible: str = "all"

    @property
    def model(self):
        return apps.get_model(self.label)

    def visible_queryset(self):
        return getattr(self.model.objects, self.visible)()


ENTRIES = {}


def register(label, *, url_name, visible="all"):
    from . import moves

    entry = Entry(label=label.lower(), url_name=url_name, visible=visible)
    ENTRIES[entry.label] = entry
    uid = f"redirects-{entry.label}"
    pre_save.connect(moves.remember_addresses, sender=label, dispatch_uid=f"{uid}-pre")
    post_save.connect(moves.record_moves, sender=label, dispatch_uid=f"{uid}-post")
    post_delete.connect(moves.forget_object, sender=label, dispatch_uid=f"{uid}-delete")


def entry_for(model):
    return ENTRIES.get(model._meta.label_lower)
