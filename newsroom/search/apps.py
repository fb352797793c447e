from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "newsroom.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self):
        from .services import fill_empty_index

        post_migrate.connect(fill_empty_index, sender=self)
