from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchDocument(models.Model):
    """The stored text-search document of one object in one language (PostgreSQL).

    Written by ``services.index()`` and ``services.reindex()``; the GIN index on ``document``
    is made by this app's migration on PostgreSQL. Visibility is never stored here: every
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


class SearchText(models.Model):
    """The text of one object in one language in SQLite's full-text index (FTS5).

    A virtual table made by this app's migration on SQLite only, written like
    ``SearchDocument`` by ``services``; ``rank`` is FTS5's bm25 with the title weighted above
    the text. Unmanaged: Django neither creates nor alters it.
    """

    id = models.IntegerField(primary_key=True, db_column="rowid")
    kind = models.CharField(max_length=20)
    language = models.CharField(max_length=10)
    object_id = models.BigIntegerField()
    date = models.DateTimeField(null=True)
    title = models.TextField()
    body = models.TextField()

    class Meta:
        managed = False
        db_table = "search_text"
        verbose_name = _("search text")
        verbose_name_plural = _("search texts")

    def __str__(self):
        return f"{self.kind} {self.object_id} ({self.language})"
