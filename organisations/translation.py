from modeltranslation.translator import TranslationOptions, register

from .models import ContactPerson, Organisation


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("name", "slug", "description")
    # An untranslated slug is NULL, so the per-language unique constraints ignore it.
    empty_values = {"slug": None}


@register(ContactPerson)
class ContactPersonTranslation(TranslationOptions):
    fields = ("title",)
