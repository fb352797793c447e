"""The admin index greets editors with their organisations' work."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from newsroom.core.publishing import Status
from tests.events.factories import EventFactory
from tests.newsroom.news.factories import ArticleFactory, draft

from .conftest import feedback_for

pytestmark = pytest.mark.django_db


def make_work(orgs, count, start=0):
    for organisation in (orgs.own, orgs.other):
        name = "Egen" if organisation == orgs.own else "Annan"
        for n in range(start, start + count):
            draft(organisation=organisation, title_sv=f"{name} utkast {n}")
            ArticleFactory(
                organisation=organisation,
                status=Status.REVIEW,
                publish_at=None,
                title_sv=f"{name} granskas {n}",
            )
            ArticleFactory(
                organisation=organisation,
                publish_at=timezone.now() + datetime.timedelta(days=3),
                title_sv=f"{name} schemalagd {n}",
            )
            EventFactory(
                organisation=organisation,
                review_by=timezone.localdate() - datetime.timedelta(days=1),
                title_sv=f"{name} dags att se över {n}",
            )
            feedback_for(organisation, f"/{name.lower()}/{n}/", f"{name} kommentar {n}")


def test_index_shows_own_drafts_review_scheduled_due_and_feedback(as_editor, orgs):
    make_work(orgs, 1)
    response = as_editor.get("/admin/")
    assert response.status_code == 200
    text = response.content.decode()
    for title in [
        "Egen utkast 0",
        "Egen granskas 0",
        "Egen schemalagd 0",
        "Egen dags att se över 0",
        "/egen/0/",
        "Egen kommentar 0",
    ]:
        assert title in text
    assert "Annan" not in text
    assert "?workflow=review" in text


def test_site_administrator_sees_all_organisations_work(as_site_admin, orgs):
    make_work(orgs, 1)
    text = as_site_admin.get("/admin/").content.decode()
    assert "Egen utkast 0" in text
    assert "Annan utkast 0" in text


def count_queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/admin/").status_code == 200
    return len(queries)


def test_query_count_is_constant(as_editor, orgs):
    make_work(orgs, 1)
    few = count_queries(as_editor)
    make_work(orgs, 3, start=1)
    assert count_queries(as_editor) == few
