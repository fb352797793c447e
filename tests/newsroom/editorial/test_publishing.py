"""Publish rights, the workflow, review dates and the audit log of publishing."""

import datetime

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from newsroom.core.publishing import Status
from newsroom.editorial import services
from newsroom.editorial.models import AuditEntry
from tests.newsroom.news.factories import ArticleFactory, draft

from .conftest import admin_url, event_draft, form_data, reload

pytestmark = pytest.mark.django_db

TOMORROW = timezone.localtime() + datetime.timedelta(days=1)


def change(client, obj, model="article", **changes):
    url = admin_url(model, "change", obj.pk)
    data = form_data(client.get(url))
    data.update(changes)
    return client.post(url, data)


@pytest.fixture
def own_draft(orgs):
    return draft(organisation=orgs.own, title_sv="Utkast", title_en="Draft")


@pytest.mark.parametrize("status", [Status.PUBLISHED, Status.UNPUBLISHED])
def test_editor_cannot_set_a_publishing_status(as_editor, own_draft, status):
    response = change(as_editor, own_draft, status=status)
    assert response.status_code == 200
    assert "status" in response.context["adminform"].form.errors
    assert reload(own_draft).status == Status.DRAFT
    assert not AuditEntry.objects.exists()


def test_editor_may_mark_a_draft_ready_for_review(as_editor, own_draft):
    assert change(as_editor, own_draft, status=Status.REVIEW).status_code == 302
    assert reload(own_draft).status == Status.REVIEW


def test_editor_cannot_schedule(as_editor, own_draft):
    response = change(
        as_editor,
        own_draft,
        publish_at_0=TOMORROW.strftime("%Y-%m-%d"),
        publish_at_1="10:00:00",
        unpublish_at_0=TOMORROW.strftime("%Y-%m-%d"),
        unpublish_at_1="12:00:00",
    )
    assert response.status_code == 302  # the fields are read-only: ignored
    saved = reload(own_draft)
    assert (saved.publish_at, saved.unpublish_at) == (None, None)


def test_editor_status_choices_hold_no_publishing_status(as_editor):
    form = as_editor.get(admin_url("article", "add")).context["adminform"].form
    assert {value for value, _label in form.fields["status"].choices} == {"draft", "review"}
    assert "publish_at" not in form.fields


def test_editor_cannot_add_published_content(as_editor, orgs):
    data = form_data(as_editor.get(admin_url("article", "add")))
    data.update(title_sv="Smygpublicerad", slug_sv="smyg", organisation=orgs.own.pk)
    data["status"] = Status.PUBLISHED
    as_editor.post(admin_url("article", "add"), data)
    assert not ArticleFactory._meta.model.objects.filter(status=Status.PUBLISHED).exists()


def test_editor_cannot_change_what_is_published(as_editor, orgs):
    published = ArticleFactory(organisation=orgs.own, title_sv="Live")
    url = admin_url("article", "change", published.pk)
    assert as_editor.get(url).status_code == 200  # may read it, and propose a working copy
    as_editor.post(url, {"title_sv": "Ändrad", "status": Status.DRAFT})
    assert reload(published).title_sv == "Live"
    assert reload(published).status == Status.PUBLISHED


@pytest.mark.parametrize("action", ["publish", "unpublish"])
def test_editor_has_no_publish_actions_and_a_crafted_one_does_nothing(
    as_editor, orgs, own_draft, action
):
    published = ArticleFactory(organisation=orgs.own)
    changelist = as_editor.get(admin_url("article", "changelist"))
    action_form = changelist.context["action_form"]
    assert action_form is None or action not in dict(action_form.fields["action"].choices)
    as_editor.post(
        admin_url("article", "changelist"),
        {"action": action, ACTION_CHECKBOX_NAME: [own_draft.pk, published.pk], "index": 0},
    )
    assert reload(own_draft).status == Status.DRAFT
    assert reload(published).status == Status.PUBLISHED
    assert not AuditEntry.objects.exists()


def test_the_service_refuses_an_editor_whatever_the_path(editor, own_draft):
    before = services.stored_state(own_draft)
    own_draft.status = Status.PUBLISHED
    with pytest.raises(PermissionDenied):
        services.save_with_workflow(own_draft, user=editor, save=own_draft.save, before=before)
    with pytest.raises(PermissionDenied):
        services.set_status([own_draft], user=editor, status=Status.PUBLISHED)
    assert reload(own_draft).status == Status.DRAFT


def test_publisher_publishes_with_a_review_date_and_an_audit_entry(
    as_publisher, publisher, own_draft, settings
):
    settings.REVIEW_PERIOD_DAYS = 30
    assert change(as_publisher, own_draft, status=Status.PUBLISHED).status_code == 302
    saved = reload(own_draft)
    assert saved.is_published()
    assert saved.review_by == timezone.localtime(saved.publish_at).date() + datetime.timedelta(
        days=30
    )
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.user, entry.object_id) == ("published", publisher, str(saved.pk))


def test_an_explicit_review_date_is_kept(as_publisher, own_draft):
    change(as_publisher, own_draft, status=Status.PUBLISHED, review_by="2030-01-31")
    assert reload(own_draft).review_by == datetime.date(2030, 1, 31)


def test_publisher_schedules(as_publisher, own_draft):
    change(
        as_publisher,
        own_draft,
        status=Status.PUBLISHED,
        publish_at_0=TOMORROW.strftime("%Y-%m-%d"),
        publish_at_1="10:00:00",
    )
    saved = reload(own_draft)
    assert saved.is_scheduled()
    assert str(saved.publication_state) in {"Scheduled", "Schemalagd"}


@pytest.mark.parametrize("model", ["article", "event"])
def test_publisher_bulk_publishes_and_unpublishes(as_publisher, orgs, model):
    obj = (draft if model == "article" else event_draft)(organisation=orgs.own)
    url = admin_url(model, "changelist")
    as_publisher.post(url, {"action": "publish", ACTION_CHECKBOX_NAME: [obj.pk], "index": 0})
    assert reload(obj).is_published()
    assert reload(obj).review_by is not None
    as_publisher.post(url, {"action": "unpublish", ACTION_CHECKBOX_NAME: [obj.pk], "index": 0})
    assert reload(obj).status == Status.UNPUBLISHED
    assert list(AuditEntry.objects.order_by("pk").values_list("action", flat=True)) == [
        "published",
        "unpublished",
    ]


def test_unpublishing_through_the_form_is_audited(as_publisher, orgs):
    published = ArticleFactory(organisation=orgs.own)
    change(as_publisher, published, status=Status.UNPUBLISHED)
    assert reload(published).status == Status.UNPUBLISHED
    assert AuditEntry.objects.get().action == "unpublished"


def test_an_unpublished_page_may_go_back_to_draft(as_editor, orgs):
    unpublished = draft(organisation=orgs.own)
    type(unpublished).objects.filter(pk=unpublished.pk).update(status=Status.UNPUBLISHED)
    assert change(as_editor, reload(unpublished), status=Status.DRAFT).status_code == 302
    assert reload(unpublished).status == Status.DRAFT


def test_review_queue_and_due_for_review_lists(as_publisher, orgs):
    waiting = ArticleFactory(organisation=orgs.own, status=Status.REVIEW, publish_at=None)
    due = ArticleFactory(organisation=orgs.own, review_by=timezone.localdate())
    not_due = ArticleFactory(
        organisation=orgs.own, review_by=timezone.localdate() + datetime.timedelta(days=9)
    )
    ArticleFactory(organisation=orgs.other, status=Status.REVIEW, publish_at=None)
    ArticleFactory(organisation=orgs.other, review_by=timezone.localdate())
    url = admin_url("article", "changelist")

    def listed(state):
        response = as_publisher.get(url, {"workflow": state})
        return {obj.pk for obj in response.context["cl"].result_list}

    assert listed("review") == {waiting.pk}
    assert listed("due") == {due.pk}
    assert not_due.pk in listed("published")
    assert as_publisher.get(url, {"workflow": "<script>\x00"}).status_code == 200


def test_editor_cannot_publish_an_event_by_a_crafted_post(as_editor, orgs):
    event = event_draft(organisation=orgs.own)
    response = change(as_editor, event, model="event", status=Status.PUBLISHED)
    assert response.status_code == 200
    assert "status" in response.context["adminform"].form.errors
    assert reload(event).status == Status.DRAFT


def test_publisher_publishes_an_event_with_a_review_date(as_publisher, orgs):
    event = event_draft(organisation=orgs.own)
    assert change(as_publisher, event, model="event", status=Status.PUBLISHED).status_code == 302
    assert reload(event).is_published()
    assert reload(event).review_by is not None
