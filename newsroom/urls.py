"""The root URLconf: the one place that knows every app."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from events.sitemaps import EventListSitemap, EventSitemap
from organisations.sitemaps import DirectorySitemap, OrganisationSitemap

from . import health, home
from .core import preview
from .core.images import views as images_views
from .documents import views as documents_views
from .news.sitemaps import ArticleSitemap, NewsListSitemap, TopicSitemap
from .pages import views as pages_views
from .robots import robots_txt
from .search import views as search_views

# The 500 page shows the request's id; a failure caused by the database is a 503 (errors.py).
handler500 = "newsroom.errors.server_error"

# Every app adds its sitemaps here.
sitemaps = {
    "news-lists": NewsListSitemap,
    "articles": ArticleSitemap,
    "topics": TopicSitemap,
    "event-lists": EventListSitemap,
    "events": EventSitemap,
    "organisation-lists": DirectorySitemap,
    "organisations": OrganisationSitemap,
}

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("admin/", include("newsroom.editorial.account_views")),  # password reset, invitations
    path("admin/", admin.site.urls),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    # A file, not a page: one address in every language, kept when the file is replaced.
    path("documents/<int:pk>/", documents_views.download, name="document"),
    # The site's identity, set in the admin: colours, app icons, manifest.
    path("identity.css", pages_views.identity_css, name="identity-css"),
    path("site-icon-<int:size>.png", pages_views.icon, name="site-icon"),
    path("site.webmanifest", pages_views.manifest, name="site-manifest"),
]

urlpatterns += i18n_patterns(
    path("", home.home, name="home"),
    path("preview/<str:token>/", preview.preview, name="preview"),
    path(_("news/"), include("newsroom.news.urls")),
    path(_("search/"), search_views.search, name="search"),
    path(_("about/"), include("newsroom.pages.urls")),
    path(_("organisations/"), include("organisations.urls")),
    path(_("events/"), include("events.urls")),
    path(_("feedback/"), include("newsroom.feedback.urls")),
    path(_("subscribe/"), include("newsroom.subscriptions.urls")),
    prefix_default_language=False,
)

# Uploaded images. A reverse proxy may serve MEDIA_ROOT itself; without one, Django does.
urlpatterns += [
    path(f"{settings.MEDIA_URL.lstrip('/')}<path:path>", images_views.media),
]
