from django.utils import translation


class AdminLanguageMiddleware:
    """The admin follows the editor's browser language (Accept-Language).

    Public pages take their language from the URL, and Django's LocaleMiddleware gives every
    unprefixed path the default language, Swedish; the admin has no prefix, so without this a
    Norwegian or English editor would always work in Swedish.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith("/admin/"):
            language = translation.get_language_from_request(request)
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return self.get_response(request)
