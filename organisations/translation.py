from modeltranslation.translator import TranslationOptions, register

from .models import ContactPerson, Organisation


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("name", "slug", "description")


@register(ContactPerson)
class ContactPersonTranslation(TranslationOptions):
    fields = ("title",)
