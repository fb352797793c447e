"""What the site search looks in: one ``Source`` per kind of public content.

Search is a top-level app like the root URLconf: it knows every content model (by label,
so nothing imports it the other way round), and each source starts from that model's public
rule (``published()``, ``public()``, ``active()``). The text of a field in a language is the
text a reader sees there, fallbacks included, so what is shown can be found.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.db.models import DateTimeField, F, TextField, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import gettext_lazy as _

from newsroom.i18n import fallback_chain


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


SOURCES = [
    Source(
        key="articles",
        label=_("News"),
        model="newsroom.Article",
        title=("title",),
        body=("lead", "body"),
        translated=frozenset({"title", "lead", "body"}),
        rich_text=frozenset({"body"}),
        dates=("publish_at",),
        date_label=_("Published"),
        visible="published",
        select_related=("organisation",),
    ),
    Source(
        key="events",
        label=_("Events"),
        model="events.Event",
        title=("title",),
        body=("lead", "body"),
        translated=frozenset({"title", "lead", "body"}),
        rich_text=frozenset({"body"}),
        dates=("start",),
        date_label=_("Date"),
        visible="published",
        select_related=("organisation",),
    ),
    Source(
        key="organisations",
        label=_("Organisations"),
        model="organisations.Organisation",
        title=("name", "short_name"),
        body=("description",),
        translated=frozenset({"name", "description"}),
        visible="active",
    ),
    Source(
        key="contacts",
        label=_("Contact persons"),
        model="organisations.ContactPerson",
        title=("name",),
        body=("title",),
        translated=frozenset({"title"}),
        visible="public",
        filters={"organisation__is_active": True},
        select_related=("organisation",),
    ),
    Source(
        key="pages",
        label=_("About this website"),
        model="pages.Page",
        title=("title",),
        body=("lead", "body"),
        translated=frozenset({"title", "lead", "body"}),
        rich_text=frozenset({"body"}),
        dates=("updated_at", "publish_at"),
        date_label=_("Last updated"),
        visible="published",
    ),
]


def source_for(key):
    return next((source for source in SOURCES if source.key == key), None)
