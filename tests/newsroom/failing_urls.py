"""The site's URLconf plus one view that fails in every language, to see the 500 page."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import path

from newsroom.urls import urlpatterns as site_urlpatterns


def fail(request):
    raise RuntimeError("Deliberate failure to render the 500 page")


urlpatterns = [
    *i18n_patterns(path("fail/", fail), prefix_default_language=False),
    *site_urlpatterns,
]
