"""Working copies of published items: saved aside, compared, published, scheduled; direct
corrections; conflicting saves; hostile input."""

import datetime

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from newsroom.core import pagecache
from newsroom.core.publishing import Status
from newsroom.editorial import services
from newsroom.editorial.due import publish_due
from newsroom.editorial.models import AuditEntry, WorkingCopy
from tests.newsroom.news.factories import ArticleFactory
from tests.newsroom.pages.factories import PageFactory

from .conftest import admin_url, form_data, reload

pytestmark = pytest.mark.django_db


@pytest.fixture
def live(orgs):
    return ArticleFactory(organisation=orgs.own, title_sv="Gammal rubrik", body_sv="<p>Gammal</p>")


def edit(client, obj, button="_working_copy", **changes):
    url = admin_url("article", "change", obj.pk)
    data = form_data(client.get(url))
    data.update(changes)
    data[button] = "1"
    return client.post(url, data)


def review(client, obj, **data):
    return client.post(admin_url("article", "working_copy", obj.pk), data)


def test_editor_change_is_a_working_copy_and_readers_keep_the_live_version(client, as_editor, live):
    response = edit(as_editor, live, title_sv="Ny rubrik", body_sv="<p>Ny text</p>")
    assert response.status_code == 302
    assert reload(live).title_sv == "Gammal rubrik"
    copy = WorkingCopy.objects.get()
    assert (copy.status, copy.author.username) == ("draft", "editor")
    page = as_editor.get(admin_url("article", "change", live.pk))
    assert "Ny rubrik" in page.content.decode()  # the form opens on the working copy
    listing = as_editor.get(admin_url("article", "changelist")).context["cl"]
    assert "working_copy_state" in listing.list_display
    assert [row.editorial_working_copy for row in listing.result_list] == ["draft"]
    dashboard = as_editor.get(reverse("admin:index")).context
    changes = next(s for s in dashboard["sections"] if s["key"] == "changes")
    assert [item["object"].object_repr for item in changes["items"]] == [str(live)]
    client.logout()
    public = client.get(live.get_absolute_url()).content.decode()
    assert "Gammal rubrik" in public
    assert "Ny rubrik" not in public


def test_submit_compare_and_publish(client, as_editor, publisher, live):
    corrected = "<p>Rättad <strong>text</strong></p>"
    edit(as_editor, live, button="_submit_working_copy", body_sv=corrected)
    assert WorkingCopy.objects.get().status == "review"
    client.force_login(publisher)
    page = client.get(admin_url("article", "working_copy", live.pk))
    assert page.status_code == 200
    changes = {change["label"]: change for change in page.context["changes"]}
    body = next(change for label, change in changes.items() if "ody" in label or "text" in label)
    assert any("Rättad" in text for changed, text in body["new"] if changed)
    assert "<strong>" not in str(body["new"])
    assert review(client, live, action="publish", substantive="on").status_code == 302
    saved = reload(live)
    assert saved.body_sv == corrected
    assert saved.status == Status.PUBLISHED
    assert saved.updated_at is not None
    assert not WorkingCopy.objects.exists()
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"submitted", "published"} <= actions


def test_send_back_needs_a_comment_and_editors_cannot_publish(client, as_editor, publisher, live):
    edit(as_editor, live, title_sv="Förslag")
    assert review(as_editor, live, action="publish").status_code == 403
    client.force_login(publisher)
    assert review(client, live, action="send_back", comment="").status_code == 200
    review(client, live, action="send_back", comment="Kolla stavningen")
    copy = WorkingCopy.objects.get()
    assert (copy.status, copy.comment) == ("draft", "Kolla stavningen")
    review(client, live, action="discard")
    assert not WorkingCopy.objects.exists()
    assert reload(live).title_sv == "Gammal rubrik"


def test_scheduled_changes_appear_at_their_time(client, as_editor, publisher, live, rf):
    edit(as_editor, live, title_sv="Morgonens rubrik")
    client.force_login(publisher)
    at = timezone.localtime() + datetime.timedelta(hours=2)
    review(
        client,
        live,
        action="schedule",
        publish_at_0=at.strftime("%Y-%m-%d"),
        publish_at_1=at.strftime("%H:%M"),
    )
    assert WorkingCopy.objects.get().status == "scheduled"
    assert services.next_scheduled_change(timezone.now()) is not None
    client.logout()
    assert "Morgonens rubrik" not in client.get(live.get_absolute_url()).content.decode()
    publish_due(rf.get("/"), at=timezone.now())  # not yet due
    assert reload(live).title_sv == "Gammal rubrik"
    publish_due(rf.get("/"), at=at + datetime.timedelta(minutes=1))  # the clock moved on
    assert reload(live).title_sv == "Morgonens rubrik"
    assert not WorkingCopy.objects.exists()


def test_the_middleware_publishes_what_is_due(client, as_editor, publisher, live):
    edit(as_editor, live, title_sv="Nu gäller detta")
    copy = WorkingCopy.objects.get()
    services.schedule_working_copy(
        copy, user=publisher, at=timezone.now() + datetime.timedelta(hours=1), substantive=False
    )
    client.logout()
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=1, seconds=1)):
        assert "Nu gäller detta" in client.get(live.get_absolute_url()).content.decode()


def test_after_the_cache_is_emptied_the_next_page_looks_the_schedule_up(
    client, as_editor, publisher, live
):
    edit(as_editor, live, title_sv="Efter omstart")
    copy = WorkingCopy.objects.get()
    services.schedule_working_copy(
        copy, user=publisher, at=timezone.now() + datetime.timedelta(hours=1), substantive=False
    )
    pagecache.cache().clear()  # a restart of a machine-local cache, say
    client.logout()
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=1, seconds=1)):
        client.get(live.get_absolute_url())  # finds it due, publishes it after this page
        assert "Efter omstart" in client.get(live.get_absolute_url()).content.decode()


def test_publisher_correction_is_published_at_once_and_recorded(as_publisher, live):
    before = reload(live).updated_at
    edit(as_publisher, live, button="_continue", title_sv="Rättad rubrik")
    saved = reload(live)
    assert saved.title_sv == "Rättad rubrik"
    assert saved.updated_at == before
    edit(as_publisher, live, button="_continue", title_sv="Omskriven", substantive_change="on")
    assert reload(live).updated_at is not None
    assert AuditEntry.objects.filter(action="corrected").count() == 2


def test_a_second_save_does_not_overwrite_the_first(as_editor, publisher, live):
    url = admin_url("article", "change", live.pk)
    first = form_data(as_editor.get(url))
    client = Client()
    client.force_login(publisher)
    second = form_data(client.get(url))
    first.update(title_sv="Redaktörens rubrik", _working_copy="1")
    assert as_editor.post(url, first).status_code == 302
    second.update(title_sv="Publicistens rubrik", _working_copy="1")
    response = client.post(url, second)
    assert response.status_code == 200
    text = response.content.decode()
    assert "editor" in text
    assert "Publicistens rubrik" in text
    assert response.context["editorial_conflict_changes"]
    assert WorkingCopy.objects.get().data["title_sv"] == ["Redaktörens rubrik"]
    # Saved again from the form shown, it goes through.
    again = form_data(response)
    again["_working_copy"] = "1"
    assert client.post(url, again).status_code == 302
    assert WorkingCopy.objects.get().data["title_sv"] == ["Publicistens rubrik"]


def test_a_missing_version_token_is_a_conflict(as_publisher, live):
    url = admin_url("article", "change", live.pk)
    data = form_data(as_publisher.get(url))
    data.pop("editorial_version")
    data.update(title_sv="Utan version", _continue="1")
    assert as_publisher.post(url, data).status_code == 200
    assert reload(live).title_sv == "Gammal rubrik"


def test_preview_shows_the_working_copy_in_each_language(client, as_editor, live):
    edit(as_editor, live, title_sv="Förhandsrubrik", title_en="Preview headline")
    page = as_editor.get(admin_url("article", "working_copy", live.pk))
    links = {code: url for code, _name, url in page.context["preview_links"]}
    client.logout()
    swedish = client.get(links["sv"]).content.decode()
    assert "Förhandsrubrik" in swedish
    assert links["en"] in swedish
    assert "Preview headline" in client.get(links["en"]).content.decode()
    assert reload(live).title_sv == "Gammal rubrik"


def test_changelist_queries_do_not_grow_with_working_copies(
    as_editor, orgs, django_assert_max_num_queries
):
    def count():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            as_editor.get(admin_url("article", "changelist"))
            as_editor.get(reverse("admin:index"))
        return len(queries)

    first = ArticleFactory(organisation=orgs.own)
    edit(as_editor, first, title_sv="Ändrad 1")
    count()  # warms the caches (content types, the next scheduled change)
    few = count()
    for n in range(4):
        edit(as_editor, ArticleFactory(organisation=orgs.own), title_sv=f"Ändrad {n + 2}")
    assert count() == few


@pytest.mark.parametrize(
    "data",
    [
        {"action": "explode"},
        {"action": "send_back", "comment": "x" * 5000},
        {"action": "send_back", "comment": "nul\x00byte"},
        {"action": "schedule", "publish_at_0": "not a date", "publish_at_1": "<b>"},
        {"action": "schedule", "publish_at_0": "2001-01-01", "publish_at_1": "08:00"},
    ],
)
def test_hostile_review_input_changes_nothing(client, as_editor, publisher, live, data):
    edit(as_editor, live, title_sv="Förslag")
    client.force_login(publisher)
    response = review(client, live, **data)
    assert response.status_code in (200, 400)
    assert WorkingCopy.objects.get().status == "draft"
    assert reload(live).title_sv == "Gammal rubrik"


def test_another_organisations_item_is_not_found(client, as_editor, orgs):
    theirs = ArticleFactory(organisation=orgs.other)
    assert as_editor.get(admin_url("article", "working_copy", theirs.pk)).status_code == 404
    assert review(as_editor, theirs, action="discard").status_code == 404
    assert as_editor.get(admin_url("article", "working_copy", "x\x00")).status_code == 404


def test_review_needs_csrf(editor, live):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(editor)
    services.save_working_copy(live, user=editor, data={}, organisation_id=live.organisation_id)
    url = admin_url("article", "working_copy", live.pk)
    assert strict.post(url, {"action": "discard"}).status_code == 403
    assert WorkingCopy.objects.exists()


def _edit_at(client, url, button, **changes):
    data = form_data(client.get(url))
    data.update(changes)
    data[button] = "1"
    return client.post(url, data)


def test_an_organisation_is_changed_through_a_working_copy(client, as_editor, orgs):
    url = admin_url("organisation", "change", orgs.own.pk)
    assert _edit_at(as_editor, url, "_working_copy", name_sv="Nya verket").status_code == 302
    assert reload(orgs.own).name_sv == "Egna verket"
    assert reload(orgs.own).get_absolute_url()  # the public page stays
    # An organisation's editors may change what readers see of it: they publish it themselves.
    review_url = admin_url("organisation", "working_copy", orgs.own.pk)
    assert as_editor.post(review_url, {"action": "publish"}).status_code == 302
    assert reload(orgs.own).name_sv == "Nya verket"
    other = admin_url("organisation", "working_copy", orgs.other.pk)
    assert as_editor.post(other, {"action": "publish"}).status_code == 404


def test_a_site_page_is_changed_through_a_working_copy(as_site_admin):
    page = PageFactory(title_sv="Om webbplatsen", status=Status.PUBLISHED)
    url = reverse("admin:pages_page_change", args=[page.pk])
    response = _edit_at(as_site_admin, url, "_submit_working_copy", title_sv="Om oss")
    assert response.status_code == 302
    assert reload(page).title_sv == "Om webbplatsen"
    review_url = reverse("admin:pages_page_working_copy", args=[page.pk])
    changes = as_site_admin.get(review_url).context["changes"]
    assert [(c["field"], c["new"]) for c in changes] == [
        ("title_sv", [(False, "Om "), (True, "oss")])
    ]
    as_site_admin.post(review_url, {"action": "publish", "substantive": "on"})
    assert reload(page).title_sv == "Om oss"
    assert reload(page).updated_at is not None


@pytest.mark.parametrize(
    "changes",
    [
        {"title_sv": "Rubrik\x00med NUL"},
        {"title_sv": "x" * 5000},
        {"organisation": "999999"},
        {"kind": "<script>"},
    ],
)
def test_hostile_working_copy_input_is_refused(as_editor, live, changes):
    response = edit(as_editor, live, **changes)
    assert response.status_code == 200
    assert not WorkingCopy.objects.exists()
    assert reload(live).title_sv == "Gammal rubrik"


def test_a_working_copy_cannot_move_an_item_to_another_organisation(as_editor, orgs, live):
    response = edit(as_editor, live, organisation=str(orgs.other.pk))
    assert response.status_code == 200
    assert not WorkingCopy.objects.exists()


def test_a_working_copy_save_needs_csrf(editor, live):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(editor)
    url = admin_url("article", "change", live.pk)
    assert strict.post(url, {"title_sv": "Utan token", "_working_copy": "1"}).status_code == 403
    assert not WorkingCopy.objects.exists()


def test_the_page_cache_ends_at_a_scheduled_change(client, editor, publisher, live, settings):
    settings.PAGE_CACHE_SECONDS = 300
    services.save_working_copy(
        live,
        user=editor,
        data=_form_of(publisher, live, title_sv="Klockan tolv"),
        organisation_id=live.organisation_id,
    )
    at = timezone.now() + datetime.timedelta(seconds=90)
    services.schedule_working_copy(
        WorkingCopy.objects.get(), user=publisher, at=at, substantive=False
    )
    url = live.get_absolute_url()
    first = client.get(url)
    max_age = int(first["Cache-Control"].split("max-age=")[1].split(",")[0])
    assert 0 < max_age <= 90
    assert client.get(url).get("X-Page-Cache") == "hit"
    with time_machine.travel(at + datetime.timedelta(seconds=1)):
        after = client.get(url)
    assert after.get("X-Page-Cache") != "hit"
    assert "Klockan tolv" in after.content.decode()


def _form_of(user, obj, **changes):
    viewer = Client()
    viewer.force_login(user)
    data = form_data(viewer.get(admin_url("article", "change", obj.pk)))
    data.update(changes)
    return {key: value if isinstance(value, list) else [value] for key, value in data.items()}


def test_the_dashboard_lists_only_the_users_organisations_changes(as_editor, publisher, orgs):
    theirs = ArticleFactory(organisation=orgs.other, title_sv="Deras nyhet")
    services.save_working_copy(
        theirs, user=publisher, data={}, organisation_id=orgs.other.pk, submit=True
    )
    ours = ArticleFactory(organisation=orgs.own, title_sv="Vår nyhet")
    services.save_working_copy(ours, user=publisher, data={}, organisation_id=orgs.own.pk)
    sections = {s["key"]: s for s in as_editor.get(reverse("admin:index")).context["sections"]}
    assert [i["object"].object_repr for i in sections["changes"]["items"]] == [str(ours)]
    assert sections["changes-review"]["items"] == []
