"""Two search_reindex runs at once (two machines' timers): the documents are written once."""

import threading

import pytest
from django.db import connection, connections

from newsroom.search.models import SearchDocument
from newsroom.search.services import reindex
from tests.newsroom.news.factories import ArticleFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="documents exist on PostgreSQL"),
]


def test_two_runs_at_once_write_every_document_once():
    ArticleFactory.create_batch(5)
    alone = reindex()
    assert SearchDocument.objects.count() == alone > 0
    start = threading.Barrier(2)
    errors = []

    def run():
        try:
            start.wait()
            reindex()
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert SearchDocument.objects.count() == alone
