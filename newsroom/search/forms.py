import re

from django import forms
from django.utils.translation import gettext_lazy as _

from .engine import MAX_QUERY_LENGTH

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class QueryField(forms.CharField):
    def to_python(self, value):
        """Control characters (NUL bytes among them) cannot be typed; drop them, keep the rest."""
        value = super().to_python(value)
        return " ".join(CONTROL_CHARACTERS.sub(" ", value).split())


class SearchForm(forms.Form):
    q = QueryField(
        label=_("Search for"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={
            "max_length": _(
                "Your search is too long: use at most %(limit_value)d characters "
                "(it has %(show_value)d). A few words find more."
            )
        },
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    type = forms.CharField(required=False, max_length=20)

    def __init__(self, *args, type_keys=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.type_keys = type_keys

    def clean_type(self):
        """An unknown type (an old or edited link) searches everything instead of failing."""
        value = self.cleaned_data["type"]
        return value if value in self.type_keys else None
