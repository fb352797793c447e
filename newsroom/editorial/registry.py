"""What editorial work covers, told by the project package (``newsroom/registrations.py``) in
``AppConfig.ready()``: the editorial app imports no content model and names none.

- ``register(label, editor=…, publisher=…, inlines=…, workflow=…)``: the model's permissions in
  the Editor and Publisher roles; the models edited only inline in its admin (whoever may change
  the parent manages their rows); whether it goes through the publishing workflow (the
  dashboard's drafts, reviews, scheduled and due lists).
- ``set_organisation_model(label)``: the model whose ``members`` scope what a user may touch.
"""

from dataclasses import dataclass

from django.apps import apps


@dataclass(frozen=True)
class Entry:
    label: str  # "app_label.modelname"
    editor: tuple = ()
    publisher: tuple = ()
    inlines: tuple = ()
    workflow: bool = False


ENTRIES = {}
_organisation = {"label": None}


def register(label, **options):
    label = label.lower()
    ENTRIES[label] = Entry(label=label, **options)


def set_organisation_model(label):
    _organisation["label"] = label


def organisation_model():
    return apps.get_model(_organisation["label"])


def is_organisation_model(model):
    return model._meta.label_lower == (_organisation["label"] or "").lower()


def workflow_models():
    """The installed models with the publishing workflow, in the order they were registered."""
    return [apps.get_model(entry.label) for entry in ENTRIES.values() if entry.workflow]
