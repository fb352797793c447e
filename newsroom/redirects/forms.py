"""The administrator's forms: one redirect, and a CSV file of them."""

import csv
import io

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from . import services
from .models import Redirect
from .paths import clean_old_path, clean_target

CSV_MAX_BYTES = 1_000_000
CSV_MAX_ROWS = 5_000
HEADER = ("old_path", "target")


class RedirectForm(forms.ModelForm):
    class Meta:
        model = Redirect
        fields = ["old_path", "target"]

    def clean_old_path(self):
        return clean_old_path(self.cleaned_data["old_path"])

    def clean_target(self):
        return clean_target(self.cleaned_data["target"])

    def clean(self):
        cleaned = super().clean()
        if "old_path" in cleaned and "target" in cleaned:
            try:
                cleaned["target"] = services.resolve_target(cleaned["old_path"], cleaned["target"])
            except ValidationError as error:
                self.add_error("target", error)
        return cleaned


class RedirectImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "UTF-8, two columns: the old address and the new one, such as "
            "“/gamla-sidan.html,/om-oss/”. A first line “old_path,target” is skipped. "
            "Nothing is imported unless every line is right."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > CSV_MAX_BYTES:
            raise ValidationError(_("The file is too large (at most 1 MB)."))
        try:
            text = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValidationError(_("The file is not UTF-8 text.")) from None
        if "\x00" in text:
            raise ValidationError(_("The file is not a CSV text file."))
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        rows = []
        try:
            for number, row in enumerate(csv.reader(io.StringIO(text), dialect), start=1):
                if not any(cell.strip() for cell in row):
                    continue
                if number == 1 and tuple(cell.strip().lower() for cell in row) == HEADER:
                    continue
                if len(row) != 2:
                    raise ValidationError(
                        _("Line %(line)d: expected two columns, found %(count)d.")
                        % {"line": number, "count": len(row)}
                    )
                rows.append((number, row[0], row[1]))
        except csv.Error:
            raise ValidationError(_("The file could not be read as CSV.")) from None
        if not rows:
            raise ValidationError(_("The file holds no redirects."))
        if len(rows) > CSV_MAX_ROWS:
            raise ValidationError(
                _("The file holds more than %(max)d redirects.") % {"max": CSV_MAX_ROWS}
            )
        return rows
