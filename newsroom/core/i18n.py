"""Language helpers: fallback chains, translated slugs and the same page in other languages."""

from django.conf import settings
from django.http import Http404
from django.urls import reverse, translate_url
from django.utils.translation import get_language, override


def language_codes():
    return [code for code, _name in settings.LANGUAGES]


def fallback_chain(language=None):
    """The languages to try, in order, for ``language``: itself, then its explicit fallbacks."""
    language = language or get_language() or settings.LANGUAGE_CODE
    fallbacks = settings.MODELTRANSLATION_FALLBACK_LANGUAGES
    chain = [language, *fallbacks.get(language, fallbacks["default"])]
    return list(dict.fromkeys(chain))


def language_name(code):
    """The name of language ``code`` as written inside a sentence of the active language.

    Our own names (settings.LANGUAGES, translated in our catalogues), not Django's, which are
    untranslated for nb ("Norwegian Bokmal"); Swedish and Norwegian write them in lower case.
    """
    name = str(dict(settings.LANGUAGES).get(code, code))
    return name if (get_language() or "").startswith("en") else name[:1].lower() + name[1:]


def field_language(obj, field, language=None):
    """The language in which ``obj.<field>`` is shown in ``language`` after fallbacks."""
    for code in fallback_chain(language):
        if getattr(obj, f"{field}_{code}", None):
            return code
    return None


class TranslatedContent:
    """Mixin for models whose pages exist in the languages their title is written in."""

    translated_title_field = "title"

    @property
    def available_languages(self):
        return [
            code
            for code in language_codes()
            if getattr(self, f"{self.translated_title_field}_{code}", None)
        ]

    @property
    def content_language(self):
        """The language the page's text is shown in, which differs from the page's in fallback."""
        return field_language(self, self.translated_title_field)


def get_by_translated_slug(queryset, slug, field="slug"):
    """Find an object by its slug in the active language or one it falls back to.

    When slugs of different languages collide, the object whose slug is in the earlier
    language of the chain wins (the active language first), not whichever the database
    returns first.
    """
    if "\x00" in slug:  # PostgreSQL refuses NUL in text: no such page, not a server error
        raise Http404
    chain = fallback_chain()
    # One index lookup per language, in a subquery of their own: as one OR condition beside
    # the publishing rule, SQLite walks the publish_at index over every published item instead.
    everything = queryset.model._base_manager.order_by()
    lookups = [everything.filter(**{f"{field}_{code}": slug}).values("pk") for code in chain]
    found = lookups[0].union(*lookups[1:], all=True) if len(lookups) > 1 else lookups[0]
    matches = list(queryset.filter(pk__in=found)[: len(chain) + 1])
    for code in chain:
        for match in matches:
            if getattr(match, f"{field}_{code}") == slug:
                return match
    raise Http404


def alternates(request, obj=None):
    """The same page in every language: ``[{"code", "name", "url", "exists"}]``."""
    result = []
    available = getattr(obj, "available_languages", None)
    for code, name in settings.LANGUAGES:
        exists = available is None or code in available
        if obj is not None and hasattr(obj, "get_absolute_url"):
            with override(code):
                url = obj.get_absolute_url()
        else:
            # translate_url resolves the path in the active language, then reverses in ``code``.
            url = translate_url(request.path, code)
            if url == request.path and code != get_language():
                # Not a page of ours (a 404): offer that language's home page, no hreflang.
                exists = False
                with override(code):
                    url = reverse("home")
            elif request.GET:
                url = f"{url}?{request.GET.urlencode()}"
        result.append({"code": code, "name": name, "url": url, "exists": exists})
    return result
