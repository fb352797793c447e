from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "newsroom.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self):
        # The stored search documents are derived data, like a cache: keeping them in step with
        # every save (admin, inlines, restores, services, demo) here means no content app needs
        # to know that search exists. Visibility is never indexed; searches filter it live.
        from . import services
        from .sources import SOURCES

        for source in SOURCES:
            model = source.model_class
            post_save.connect(
                services.index_saved, sender=model, dispatch_uid=f"search-{source.key}"
            )
            post_delete.connect(
                services.remove_deleted, sender=model, dispatch_uid=f"search-del-{source.key}"
            )
