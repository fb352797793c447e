from modeltranslation.translator import TranslationOptions, register

from .models import Event, ProgrammeItem


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "slug", "lead", "body", "stream_note", "status_note")


@register(ProgrammeItem)
class ProgrammeItemTranslation(TranslationOptions):
    fields = ("title", "speakers")
