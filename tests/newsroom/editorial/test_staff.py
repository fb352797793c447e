"""A site administrator gives a person a role for organisations on the person's page."""

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from newsroom.editorial.roles import EDITOR, PUBLISHER, SITE_ADMINISTRATOR

from .conftest import admin_url, form_data, logged_in, make_user, reload

pytestmark = pytest.mark.django_db


def user_url(user):
    return reverse("admin:auth_user_change", args=[user.pk])


def give(client, person, **changes):
    data = form_data(client.get(user_url(person)))
    data.update(changes)
    return client.post(user_url(person), data)


@pytest.fixture
def nora(db):
    return User.objects.create_user("nora", first_name="Nora", last_name="Ny")


def test_given_a_role_the_person_edits_that_organisations_articles_only(
    as_site_admin, orgs, content, nora
):
    assert not nora.is_staff
    response = give(as_site_admin, nora, role=EDITOR, organisations=[orgs.own.pk])
    assert response.status_code == 302
    nora = reload(nora)
    assert nora.is_staff
    assert list(nora.groups.values_list("name", flat=True)) == [EDITOR]
    assert list(nora.organisations.all()) == [orgs.own]

    own, other = content["article"]
    person = logged_in(Client(), nora)
    assert person.get(admin_url("article", "change", own.pk)).status_code == 200
    assert person.get(admin_url("article", "change", other.pk)).status_code in {302, 404}


@pytest.mark.parametrize(
    ("accept", "labels"),
    [
        ("sv", ("Redaktör", "Publicist", "Webbplatsadministratör", "Roll och organisationer")),
        ("nb", ("Redaktør", "Publiseringsansvarlig", "Nettstedsadministrator", "Rolle og")),
        ("nn", ("Redaktør", "Publiseringsansvarleg", "Nettstadadministrator", "Inga rolle")),
    ],
)
def test_the_user_page_speaks_the_editors_language_and_shows_no_groups_or_permissions(
    as_site_admin, nora, accept, labels
):
    page = as_site_admin.get(user_url(nora), headers={"accept-language": accept}).content.decode()
    for label in labels:
        assert label in page, label
    for gone in ('name="groups"', 'name="user_permissions"', 'name="is_staff"', "Editor<"):
        assert gone not in page, gone


def test_taking_the_role_away_ends_admin_access(as_site_admin, orgs, editor):
    assert give(as_site_admin, editor, role="", organisations=[]).status_code == 302
    editor = reload(editor)
    assert not editor.is_staff
    assert not editor.groups.exists()
    assert not editor.organisations.exists()


def test_a_site_administrator_needs_no_organisation_an_editor_does(as_site_admin, nora, orgs):
    response = give(as_site_admin, nora, role=PUBLISHER, organisations=[])
    assert response.status_code == 200
    assert "organisations" in response.context["adminform"].form.errors
    assert not reload(nora).is_staff
    assert give(as_site_admin, nora, role=SITE_ADMINISTRATOR, organisations=[]).status_code == 302
    assert reload(nora).has_perm("editorial.all_organisations")


@pytest.mark.parametrize(
    "changes",
    [
        {"role": "Superuser"},
        {"role": ["Editor", "Publisher"]},
        {"role": EDITOR, "organisations": ["9999"]},
        {"role": EDITOR, "organisations": ["abc"]},
        {"role": EDITOR, "organisations": ["1\x00"]},
    ],
)
def test_hostile_choices_are_refused_and_change_nothing(as_site_admin, nora, changes):
    response = give(as_site_admin, nora, **changes)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors
    nora = reload(nora)
    assert not nora.is_staff
    assert not nora.groups.exists()


def test_an_editor_cannot_give_roles(as_editor, editor, orgs, nora):
    data = {"username": "nora", "role": SITE_ADMINISTRATOR, "organisations": [orgs.other.pk]}
    assert as_editor.get(user_url(nora)).status_code == 403
    assert as_editor.post(user_url(nora), data).status_code == 403
    assert as_editor.post(user_url(editor), data).status_code == 403
    assert not reload(nora).is_staff
    assert list(reload(editor).organisations.all()) == [orgs.own]


def test_a_role_is_not_given_without_the_csrf_token(site_admin, nora, orgs):
    client = Client(enforce_csrf_checks=True)
    client.force_login(site_admin)
    data = {"username": "nora", "role": EDITOR, "organisations": [orgs.own.pk]}
    assert client.post(user_url(nora), data).status_code == 403
    assert not reload(nora).is_staff


def test_only_a_superuser_makes_a_superuser(as_site_admin, nora):
    give(as_site_admin, nora, role=SITE_ADMINISTRATOR, is_superuser="on")
    assert not reload(nora).is_superuser


def test_the_user_list_shows_and_filters_roles_in_swedish(as_site_admin, editor, publisher, nora):
    changelist = reverse("admin:auth_user_changelist")
    page = as_site_admin.get(changelist, headers={"accept-language": "sv"}).content.decode()
    assert "Redaktör" in page
    assert "Egna verket" in page
    response = as_site_admin.get(changelist, {"role": PUBLISHER})
    assert [user.username for user in response.context["cl"].result_list] == ["publisher"]
    response = as_site_admin.get(changelist, {"role": "none"})
    assert [user.username for user in response.context["cl"].result_list] == ["nora"]


def test_the_organisation_page_lists_its_staff_linking_to_their_page(as_site_admin, orgs, editor):
    page = as_site_admin.get(
        admin_url("organisation", "change", orgs.own.pk), headers={"accept-language": "sv"}
    ).content.decode()
    assert f'<a href="{user_url(editor)}">editor</a> (Redaktör)' in page
    assert 'name="members"' not in page


def test_the_group_pages_are_gone(as_site_admin):
    assert as_site_admin.get("/admin/auth/group/").status_code == 404


def test_the_user_list_asks_the_same_number_of_queries_for_more_people(as_site_admin, orgs):
    changelist = reverse("admin:auth_user_changelist")

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert as_site_admin.get(changelist).status_code == 200
        return len(captured)

    make_user("one", EDITOR, orgs.own)
    few = queries()
    for number in range(5):
        make_user(f"more{number}", PUBLISHER, orgs.own, orgs.other)
    assert queries() == few
