"""The admin side of original languages: only the original language's fields are required,
and the form opens on that language's tab.

modeltranslation requires the default language's copy of every required field; here no copy is
required by the form, and the model's ``clean()`` (``OriginalLanguage``, ``ProgrammeItem``)
asks for the fields of the language the editor chose.
"""

from django import forms


class OptionalTranslationsMixin:
    """For translation admins and inlines: no language's copy of a field is required as such."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and hasattr(db_field, "translated_field"):
            field.required = False
        return field


class OriginalLanguageAdmin(OptionalTranslationsMixin):
    """Opens the change form on the tab of the item's original language (JavaScript; without
    it every language's fields are shown one after the other, as before)."""

    @property
    def media(self):
        return super().media + forms.Media(js=["admin_languages/original_language.js"])
