"""On PostgreSQL the stored documents are searched through their GIN index."""

import pytest
from django.contrib.postgres.search import SearchQuery
from django.db import connection

from newsroom.search.models import SearchDocument
from newsroom.search.services import reindex
from tests.newsroom.news.factories import ArticleFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="indexes exist on PostgreSQL"),
]


def test_the_search_index_is_used():
    query = SearchQuery("nyheter", search_type="websearch", config="swedish")
    matching = SearchDocument.objects.filter(document=query)
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    assert "search_document_gin" in matching.explain()


def test_reindex_writes_one_document_per_object_and_language():
    ArticleFactory.create_batch(3)
    articles = reindex()
    assert articles >= 12
    assert SearchDocument.objects.filter(kind="articles").count() == 12
    assert reindex() == articles  # rewriting replaces, never duplicates
