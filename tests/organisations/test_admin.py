import pytest
from django.urls import reverse

from organisations.models import Organisation
from tests.newsroom.core.images.factories import ImageFactory

from .factories import ContactPersonFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:organisations_organisation_changelist"


@pytest.fixture
def editor(admin_client):
    return admin_client


@pytest.fixture
def english_editor(admin_client):
    admin_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"  # the admin follows the browser
    return admin_client


def add_form_data(**overrides):
    data = {
        "original_language": "sv",
        "name_sv": "Nya verket",
        "slug_sv": "nya-verket",
        "kind": "agency",
        "country": "SE",
        "is_active": "on",
        "organisation_number": "802428-2785",
        "phone": "010-123 45 67",
    }
    for prefix in ["contacts", "social_links"]:
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": "0",
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
    return {**data, **overrides}


def test_add_organisation_stores_normalised_values(editor):
    response = editor.post(reverse("admin:organisations_organisation_add"), add_form_data())
    assert response.status_code == 302, response.content.decode()[:2000]
    organisation = Organisation.objects.get(slug_sv="nya-verket")
    assert organisation.organisation_number == "8024282785"
    assert organisation.phone == "+46101234567"


def test_wrong_check_digit_is_shown_in_the_form(english_editor):
    response = english_editor.post(
        reverse("admin:organisations_organisation_add"),
        add_form_data(organisation_number="802428-2786"),
    )
    assert response.status_code == 200
    assert "The check digit (the last digit) is wrong" in response.content.decode()
    assert not Organisation.objects.exists()


def test_add_with_contact_inline_reads_the_phone_in_the_organisations_country(editor):
    data = add_form_data(
        country="NO",
        organisation_number="974 760 673",
        phone="",
        **{
            "contacts-TOTAL_FORMS": "1",
            "contacts-0-name": "Kari Test",
            "contacts-0-title_sv": "Presskontakt",
            "contacts-0-phone": "412 34 567",
            "contacts-0-is_public": "on",
        },
    )
    response = editor.post(reverse("admin:organisations_organisation_add"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Organisation.objects.get().contacts.get().phone == "+4741234567"


@pytest.mark.parametrize("term", ["802428-2785", "8024282785", "802428 2785", "Verket", "VKT"])
def test_search_by_number_with_or_without_hyphen_and_by_name(editor, term):
    OrganisationFactory(name_sv="Verket", short_name="VKT", organisation_number="8024282785")
    OrganisationFactory(name_sv="Fjordbyen", organisation_number="9747606730"[:9], country="NO")
    response = editor.get(reverse(CHANGELIST), {"q": term})
    content = response.content.decode()
    assert "Verket" in content
    assert "Fjordbyen" not in content


def test_changelist_shows_logo_thumbnail_and_formatted_number(editor):
    OrganisationFactory(logo=ImageFactory(), organisation_number="8024282785")
    content = editor.get(reverse(CHANGELIST)).content.decode()
    assert 'class="organisation-admin-thumbnail"' in content
    assert "802428-2785" in content
    assert "style=" not in content.split('class="organisation-admin-thumbnail"')[0][-200:]


def test_changelist_filters_and_hostile_search(editor):
    OrganisationFactory(country="NO")
    for params in [{"country": "NO"}, {"kind__exact": "region"}, {"is_active__exact": "0"}]:
        assert editor.get(reverse(CHANGELIST), params).status_code == 200
    assert editor.get(reverse(CHANGELIST), {"q": "\x00<b>" + "9" * 500}).status_code == 200


def test_contact_person_search_by_name_organisation_and_email(editor):
    ContactPersonFactory(
        name="Sökbar Person",
        email="sokbar@example.org",
        organisation=OrganisationFactory(name_sv="Hittaverket"),
    )
    ContactPersonFactory(name="Annan Person", email="annan@example.org")
    changelist = reverse("admin:organisations_contactperson_changelist")
    for term in ["Sökbar", "Hittaverket", "sokbar@example"]:
        content = editor.get(changelist, {"q": term}).content.decode()
        assert "Sökbar Person" in content
        assert "Annan Person" not in content


def test_parent_autocomplete(editor):
    OrganisationFactory(name_sv="Moderverket")
    response = editor.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "organisations",
            "model_name": "organisation",
            "field_name": "parent",
            "term": "Moder",
        },
    )
    assert response.status_code == 200
    assert [item["text"] for item in response.json()["results"]] == ["Moderverket"]


def test_change_form_shows_numbers_as_people_write_them_and_saves_them_normalised(editor):
    organisation = OrganisationFactory(organisation_number="8024282785", phone="+46101234567")
    person = ContactPersonFactory(organisation=organisation, phone="+4741234567")
    change = reverse("admin:organisations_organisation_change", args=[organisation.pk])
    content = editor.get(change).content.decode()
    assert 'value="802428-2785"' in content
    assert 'value="+46 10 123 45 67"' in content
    assert 'value="+47 412 34 567"' in content
    person_change = reverse("admin:organisations_contactperson_change", args=[person.pk])
    assert editor.get(person_change).status_code == 200
    data = add_form_data(
        name_sv=organisation.name_sv,
        slug_sv=organisation.slug_sv,
        slug_en=organisation.slug_en,
        phone="+46 10 123 45 67",
    )
    # The version the form was opened on (a save based on an older one is refused).
    opened = editor.get(change).context["adminform"].form
    data["editorial_version"] = opened["editorial_version"].value()
    assert editor.post(change, data).status_code == 302
    organisation.refresh_from_db()
    assert organisation.organisation_number == "8024282785"
    assert organisation.phone == "+46101234567"
