from modeltranslation.translator import TranslationOptions, register

from .models import Image


@register(Image)
class ImageTranslation(TranslationOptions):
    fields = ("alt_text", "caption")
