"""Upgrading keeps the data: everything written before original languages became Swedish
originals (Swedish was required), whatever SITE_LANGUAGE the site runs with."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [
    ("newsroom", "0002_content_base"),
    ("events", "0002_ordered_contacts"),
    ("organisations", "0002_one_slug_rule"),
    ("pages", "0002_page"),
]
AFTER = [(app, "0003_original_language") for app, _name in BEFORE]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_existing_rows_become_swedish_originals(settings):
    settings.LANGUAGE_CODE = "nb"  # a Norwegian site upgrading: its old content is still Swedish
    old = migrate(BEFORE)
    organisation = old.get_model("organisations", "Organisation").objects.create(
        name_sv="Gamla verket", slug_sv="gamla-verket", country="SE", kind="agency"
    )
    old.get_model("newsroom", "Topic").objects.create(name_sv="Ämne", slug_sv="amne")
    old.get_model("newsroom", "Article").objects.create(
        title_sv="Gammal nyhet", slug_sv="gammal-nyhet", organisation_id=organisation.pk
    )
    try:
        new = migrate(AFTER)
        for app, model in [
            ("organisations", "Organisation"),
            ("newsroom", "Topic"),
            ("newsroom", "Article"),
        ]:
            rows = new.get_model(app, model).objects.values_list("original_language", flat=True)
            assert list(rows) == ["sv"]
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
