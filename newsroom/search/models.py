from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

FULL_TEXT_TABLE = "search_text"


class SearchDocument(models.Model):
    """The stored text-search document of one object in one language.

    On PostgreSQL ``document`` is the weighted ``tsvector``; on SQLite it stays empty and the
    texts are in the FTS5 table ``search_text`` (``FULL_TEXT_TABLE``), under this row's id.

    Written by ``services.index()`` and ``services.reindex()``; the GIN index on ``document``
    and the FTS5 table are made by this app's migrations. Visibility is never stored here: every
    search joins back to the source's public rule, so a stale document cannot show a draft.
    """

    kind = models.CharField(_("kind"), max_length=20)
    object_id = models.BigIntegerField(_("object id"))
    language = models.CharField(_("language"), max_length=10)
    document = SearchVectorField(_("document"))
    date = models.DateTimeField(_("date"), null=True, blank=True)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "language", "object_id"], name="search_document_unique"
            )
        ]

    def __str__(self):
        return f"{self.kind} {self.object_id} ({self.language})"
