"""The root URLconf: the one place that knows every app."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import path
from django.views.static import serve

from . import health, home

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("admin/", admin.site.urls),
]

urlpatterns += i18n_patterns(
    path("", home.home, name="home"),
    prefix_default_language=False,
)

# Uploaded images. A reverse proxy may serve MEDIA_ROOT itself; without one, Django does.
urlpatterns += [
    path(
        f"{settings.MEDIA_URL.lstrip('/')}<path:path>",
        serve,
        {"document_root": settings.MEDIA_ROOT},
    ),
]
