from modeltranslation.translator import TranslationOptions, register

from .models import Page, SiteLink, SiteSettings


@register(SiteSettings)
class SiteSettingsTranslation(TranslationOptions):
    fields = ("site_name", "tagline")


@register(Page)
class PageTranslation(TranslationOptions):
    fields = ("title", "slug", "lead", "body")


@register(SiteLink)
class SiteLinkTranslation(TranslationOptions):
    fields = ("label",)
