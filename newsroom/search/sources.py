"""What the site search looks in: one ``Source`` per kind of public content.

Search imports no content model: the project package registers a source for each (by label),
and each source starts from that model's public rule (``published()``, ``public()``,
``active()``). The text of a field in a language is the
text a reader sees there, fallbacks included, so what is shown can be found.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.db.models import DateTimeField, F, TextField, Value
from django.db.models.functions import Coalesce, NullIf
from django.db.models.signals import post_delete, post_save

from newsroom.core.i18n import fallback_chain


@dataclass(frozen=True)
class Source:
    key: str  # the value of the ``type`` URL parameter
    label: str
    model: str  # "app_label.ModelName"
    title: tuple  # fields ranked highest (weight A)
    body: tuple  # fields ranked below the title (weight B)
    translated: frozenset = field(default_factory=frozenset)
    rich_text: frozenset = field(default_factory=frozenset)  # HTML fields
    dates: tuple = ()  # the result's date: the first of these that is set
    date_label: str = ""
    visible: str = "all"  # the QuerySet method giving what the public may see
    filters: dict = field(default_factory=dict)
    select_related: tuple = ()

    @property
    def model_class(self):
        return apps.get_model(self.model)

    def visible_queryset(self):
        queryset = getattr(self.model_class.objects, self.visible)()
        return queryset.filter(**self.filters).order_by()

    def text(self, name, language):
        """The text of field ``name`` as shown in ``language``: itself, then its fallbacks."""
        if name not in self.translated:
            return F(name)
        columns = [NullIf(F(f"{name}_{code}"), Value("")) for code in fallback_chain(language)]
        return Coalesce(*columns, Value(""), output_field=TextField())

    def title_texts(self, language):
        return [self.text(name, language) for name in self.title]

    def body_texts(self, language):
        return [self.text(name, language) for name in self.body]

    def date_expression(self):
        if not self.dates:
            return Value(None, output_field=DateTimeField())
        if len(self.dates) == 1:
            return F(self.dates[0])
        return Coalesce(*self.dates, output_field=DateTimeField())


# Filled by the project package (``newsroom/registrations.py``) in ``AppConfig.ready()``.
SOURCES = []


def register(source):
    """Search ``source``, and keep its stored documents in step with every save and delete.

    The documents are derived data, like a cache: keeping them in step here (admin, inlines,
    restores, services, demo) means no content app needs to know that search exists.
    Visibility is never indexed; searches filter it live.
    """
    from . import services

    SOURCES.append(source)
    post_save.connect(
        services.index_saved, sender=source.model, dispatch_uid=f"search-{source.key}"
    )
    post_delete.connect(
        services.remove_deleted, sender=source.model, dispatch_uid=f"search-del-{source.key}"
    )


def source_for(key):
    return next((source for source in SOURCES if source.key == key), None)
