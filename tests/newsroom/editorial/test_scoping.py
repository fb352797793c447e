"""Users, objects and admin entry points: an organisation's staff reach their own objects only.

Another organisation's object is not found (404) wherever its id is given, an id of another
organisation in a bulk action or a filter is refused (403), and nothing changes.
"""

import datetime

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from reversion import create_revision
from reversion.models import Version

from newsroom.core.publishing import Status
from newsroom.editorial.roles import EDITOR
from tests.newsroom.news.factories import ArticleFactory, draft
from tests.organisations.factories import OrganisationFactory

from .conftest import admin_url, exists, form_data, make_user, reload

pytestmark = pytest.mark.django_db

MODELS = ["article", "event", "contactperson", "organisation", "feedback"]
VERSIONED = ["article", "event", "contactperson", "organisation"]
NAMES = {
    "article": lambda obj: obj.title_sv,
    "event": lambda obj: obj.title_sv,
    "contactperson": lambda obj: obj.name,
    "organisation": lambda obj: obj.name_sv,
    "feedback": lambda obj: obj.comment,
}


def values(obj):
    return [getattr(obj, field.attname) for field in obj._meta.concrete_fields]


def listed(response):
    assert response.status_code == 200
    return {obj.pk for obj in response.context["cl"].result_list}


@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("role", ["as_editor", "as_publisher"])
def test_changelist_lists_own_objects_only(request, content, model, role):
    client = request.getfixturevalue(role)
    own, _other = content[model]
    assert listed(client.get(admin_url(model, "changelist"))) == {own.pk}


@pytest.mark.parametrize("model", MODELS)
def test_site_administrator_sees_every_organisation(as_site_admin, content, model):
    own, other = content[model]
    assert {own.pk, other.pk} <= listed(as_site_admin.get(admin_url(model, "changelist")))


@pytest.mark.parametrize("model", MODELS)
def test_search_finds_nothing_of_another_organisation(as_publisher, content, model):
    _own, other = content[model]
    response = as_publisher.get(admin_url(model, "changelist"), {"q": NAMES[model](other)})
    assert other.pk not in listed(response)


@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("view", ["change", "delete", "history"])
def test_another_organisations_object_is_not_found(as_publisher, content, model, view):
    own, other = content[model]
    assert as_publisher.get(admin_url(model, view, own.pk)).status_code in {200, 403}
    assert as_publisher.get(admin_url(model, view, other.pk)).status_code == 404


@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("view", ["change", "delete"])
def test_posting_to_another_organisations_object_changes_nothing(
    as_publisher, content, model, view
):
    _own, other = content[model]
    response = as_publisher.post(admin_url(model, view, other.pk), {"post": "yes", "note": "x"})
    assert response.status_code == 404
    assert values(reload(other)) == values(other)


def test_an_unknown_id_is_not_found_either(as_publisher, content):
    assert as_publisher.get(admin_url("article", "change", 999_999)).status_code == 404


@pytest.mark.parametrize("model", VERSIONED)
def test_revisions_of_another_organisation_are_not_found(as_publisher, content, model):
    own, other = content[model]
    for obj in (own, other):
        with create_revision():
            obj.save()
    other_version = Version.objects.get_for_object(other).first()
    own_version = Version.objects.get_for_object(own).first()
    urls = [
        admin_url(model, "revision", other.pk, other_version.pk),
        # Own object, another organisation's version: no mixing.
        admin_url(model, "revision", own.pk, other_version.pk),
        admin_url(model, "compare", other.pk)
        + f"?older={other_version.pk}&newer={other_version.pk}",
        admin_url(model, "compare", own.pk) + f"?older={own_version.pk}&newer={other_version.pk}",
    ]
    for url in urls:
        assert as_publisher.get(url).status_code == 404, url
        assert as_publisher.post(url, {}).status_code in {404, 405}, url
    assert as_publisher.get(admin_url(model, "revision", own.pk, own_version.pk)).status_code == 200


BULK_ACTIONS = {
    "article": ["delete_selected", "publish", "unpublish"],
    "event": ["delete_selected", "publish", "unpublish"],
    "contactperson": ["delete_selected"],
    "feedback": ["mark_handled", "mark_spam"],
}


@pytest.mark.parametrize(
    ("model", "action"),
    [(model, action) for model, names in BULK_ACTIONS.items() for action in names],
)
def test_bulk_action_with_another_organisations_id_is_refused(as_publisher, content, model, action):
    own, other = content[model]
    before = [reload(own), reload(other)]
    response = as_publisher.post(
        admin_url(model, "changelist"),
        {"action": action, ACTION_CHECKBOX_NAME: [own.pk, other.pk], "index": 0, "post": "yes"},
    )
    assert response.status_code == 403
    for old in before:
        assert exists(old)
        assert values(reload(old)) == values(old)


@pytest.mark.parametrize("bad", ["abc", "1' OR 1=1", "\x00", "9" * 40])
def test_bulk_action_with_hostile_ids_is_refused(as_publisher, content, bad):
    response = as_publisher.post(
        admin_url("article", "changelist"),
        {"action": "delete_selected", ACTION_CHECKBOX_NAME: [bad], "index": 0},
    )
    assert response.status_code in {403, 302}
    assert all(exists(obj) for obj in content["article"])


def test_bulk_action_on_own_objects_works(as_publisher, content):
    own, other = content["contactperson"]
    response = as_publisher.post(
        admin_url("contactperson", "changelist"),
        {"action": "delete_selected", ACTION_CHECKBOX_NAME: [own.pk], "index": 0, "post": "yes"},
    )
    assert response.status_code == 302
    assert not exists(own)
    assert exists(other)


@pytest.mark.parametrize(
    ("model", "parameter"),
    [
        ("article", "organisation__id__exact"),
        ("article", "organisation"),
        ("article", "organisation_id__in"),
        ("event", "organisation__id__exact"),
        ("contactperson", "organisation__id__exact"),
        ("contactperson", "organisation_id"),
    ],
)
def test_filter_by_another_organisation_is_refused(as_publisher, orgs, content, model, parameter):
    url = admin_url(model, "changelist")
    assert as_publisher.get(url, {parameter: orgs.other.pk}).status_code == 403
    assert as_publisher.get(url, {parameter: f"{orgs.own.pk},{orgs.other.pk}"}).status_code == 403
    assert as_publisher.get(url, {parameter: "x\x00<b>"}).status_code == 403
    assert as_publisher.get(url, {parameter: orgs.own.pk}).status_code == 200


def test_feedback_filter_by_another_organisation_is_refused(as_publisher, orgs, content):
    organisation_type = ContentType.objects.get_for_model(orgs.other)
    url = admin_url("feedback", "changelist")
    assert (
        as_publisher.get(url, {"owner": f"{organisation_type.pk}-{orgs.other.pk}"}).status_code
        == 403
    )
    assert as_publisher.get(url, {"owner_object_id": orgs.other.pk}).status_code == 403
    response = as_publisher.get(url, {"owner": f"{organisation_type.pk}-{orgs.own.pk}"})
    assert listed(response) == {content["feedback"][0].pk}


def test_organisation_filter_lists_own_organisations_only(as_publisher, publisher, orgs, content):
    third = OrganisationFactory(name_sv="Tredje verket")
    third.members.add(publisher)
    draft(organisation=third)
    response = as_publisher.get(admin_url("article", "changelist"))
    (organisation_filter,) = [
        spec
        for spec in response.context["cl"].filter_specs
        if getattr(spec, "field_path", None) == "organisation"
    ]
    shown = {choice["display"] for choice in organisation_filter.choices(response.context["cl"])}
    assert {"Egna verket", "Tredje verket"} <= shown
    assert "Andra verket" not in shown


AUTOCOMPLETE = {
    # target model: (source app, source model, field)
    "organisation": ("organisations", "contactperson", "organisation"),
    "contactperson": ("newsroom", "article", "page_owner"),
    "article": ("events", "event", "related_articles"),
    "event": ("events", "programmeitem", "event"),
}


def autocomplete(client, source, term):
    app_label, model_name, field_name = source
    response = client.get(
        "/admin/autocomplete/",
        {"app_label": app_label, "model_name": model_name, "field_name": field_name, "term": term},
    )
    assert response.status_code == 200
    return {int(result["id"]) for result in response.json()["results"]}


@pytest.mark.parametrize("model", sorted(AUTOCOMPLETE))
@pytest.mark.parametrize("role", ["as_editor", "as_publisher"])
def test_autocomplete_offers_own_objects_only(request, content, model, role):
    client = request.getfixturevalue(role)
    own, other = content[model]
    source = AUTOCOMPLETE[model]
    assert autocomplete(client, source, "") == {own.pk}
    assert autocomplete(client, source, NAMES[model](other)) == set()
    assert autocomplete(client, source, NAMES[model](own)) == {own.pk}


def test_mentioned_organisations_may_be_any_organisation(as_editor, orgs, content):
    """Co-organisers name organisations of the public directory; they do not own the event."""
    assert autocomplete(as_editor, ("events", "event", "organisers"), "verket") == {
        orgs.own.pk,
        orgs.other.pk,
    }


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"app_label": "auth", "model_name": "user", "field_name": "groups"},
        {"app_label": "\x00"},
    ],
)
def test_hostile_autocomplete_requests_are_refused(as_editor, content, params):
    assert as_editor.get("/admin/autocomplete/", params).status_code in {403, 404}


def test_feedback_export_holds_own_answers_only(as_editor, content):
    response = as_editor.get(admin_url("feedback", "export"))
    assert response.status_code == 200
    text = response.content.decode()
    assert "/nyheter/egen/" in text
    assert "/nyheter/annan/" not in text


def test_add_form_offers_own_organisation_and_contacts_only(as_editor, orgs, content):
    response = as_editor.get(admin_url("article", "add"))
    form = response.context["adminform"].form
    assert list(form.fields["organisation"].queryset) == [orgs.own]
    assert list(form.fields["page_owner"].queryset) == [content["contactperson"][0]]


def test_cannot_assign_an_object_to_another_organisation(as_editor, orgs, content):
    contact = content["contactperson"][0]
    url = admin_url("contactperson", "change", contact.pk)
    data = form_data(as_editor.get(url))
    data["organisation"] = orgs.other.pk
    response = as_editor.post(url, data)
    assert response.status_code == 200  # the form shows the error
    assert response.context["adminform"].form.errors["organisation"]
    assert reload(contact).organisation == orgs.own


def test_staff_and_parent_are_for_site_administrators(as_editor, orgs, editor, django_user_model):
    url = admin_url("organisation", "change", orgs.own.pk)
    stranger = django_user_model.objects.create_user("stranger")
    data = form_data(as_editor.get(url))
    data.update(members=[editor.pk, stranger.pk], parent=orgs.other.pk, name_sv="Nytt namn")
    assert as_editor.post(url, data).status_code == 302
    own = reload(orgs.own)
    assert own.name_sv == "Nytt namn"
    assert list(own.members.all()) == [editor]
    assert own.parent is None


def test_editor_cannot_add_or_delete_organisations(as_editor, orgs):
    assert as_editor.get(admin_url("organisation", "add")).status_code == 403
    assert (
        as_editor.post(
            admin_url("organisation", "delete", orgs.own.pk), {"post": "yes"}
        ).status_code
        == 403
    )
    assert exists(orgs.own)


def test_user_without_organisations_sees_nothing(client, content):
    client.force_login(make_user("lonely", EDITOR))
    for model in MODELS:
        assert listed(client.get(admin_url(model, "changelist"))) == set()


def test_published_state_is_shown_plainly(as_publisher, orgs):
    ArticleFactory(
        organisation=orgs.own,
        status=Status.PUBLISHED,
        publish_at=timezone.now() + datetime.timedelta(days=2),
        title_sv="Kommande",
    )
    text = as_publisher.get(admin_url("article", "changelist")).content.decode()
    assert "Scheduled" in text or "Schemalagd" in text
