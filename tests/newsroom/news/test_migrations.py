"""Existing sites keep their articles through the news app's migrations."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

# The migration before, with the organisations of that time (their original language).
BEFORE = [("newsroom", "0003_original_language"), ("organisations", "0003_original_language")]
AFTER = [("newsroom", "0004_published_articles_have_a_publish_time")]


@pytest.fixture
def migrate(transactional_db):
    def to(targets):
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(targets)
        return executor.loader.project_state(targets).apps

    yield to
    to(MigrationExecutor(connection).loader.graph.leaf_nodes())


def test_an_article_published_without_a_time_gets_its_creation_time(migrate):
    apps = migrate(BEFORE)
    Organisation = apps.get_model("organisations", "Organisation")
    Article = apps.get_model("newsroom", "Article")
    organisation = Organisation.objects.create(
        name="Region", name_sv="Region", slug_sv="region", original_language="sv"
    )
    created = timezone.now().replace(microsecond=0) - timezone.timedelta(days=3)
    common = {"organisation": organisation, "lead_sv": "Ingress", "original_language": "sv"}
    untimed = Article.objects.create(
        title_sv="Utan tid", slug_sv="utan-tid", status="published", **common
    )
    draft = Article.objects.create(title_sv="Utkast", slug_sv="utkast", status="draft", **common)
    Article.objects.filter(pk=untimed.pk).update(created=created)

    apps = migrate(AFTER)
    Article = apps.get_model("newsroom", "Article")
    assert Article.objects.get(pk=untimed.pk).publish_at == created
    assert Article.objects.get(pk=draft.pk).publish_at is None
