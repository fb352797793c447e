from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Organisation


class DirectoryFilterForm(forms.Form):
    """The directory's GET filters. An invalid value is reported and ignored, never a 500."""

    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("All kinds")), *Organisation.Kind.choices],
    )
    country = forms.ChoiceField(
        label=_("Country"),
        required=False,
        choices=[("", _("All countries")), *Organisation.Country.choices],
    )

    def filters(self):
        """The valid filter values, as keyword arguments for ``filter()``."""
        self.is_valid()
        return {
            name: value
            for name in self.fields
            if name not in self.errors and (value := self.cleaned_data.get(name))
        }
