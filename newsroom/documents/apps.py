from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "newsroom.documents"
    label = "documents"
    verbose_name = _("Documents")

    def ready(self):
        from newsroom.core import richtext

        from . import links

        richtext.note_links_with(links.notes)
