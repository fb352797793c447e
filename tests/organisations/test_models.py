import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from organisations import demo
from organisations.models import ContactPerson, Organisation, SocialLink

from .factories import ContactPersonFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def test_clean_stores_the_organisation_number_and_phone_normalised():
    organisation = OrganisationFactory.build(
        organisation_number="802428-2785", phone="010-123 45 67"
    )
    organisation.full_clean()
    assert organisation.organisation_number == "8024282785"
    assert organisation.phone == "+46101234567"
    assert organisation.organisation_number_display == "802428-2785"
    assert organisation.phone_display == "+46 10 123 45 67"


def test_a_wrong_check_digit_is_an_error_on_the_number_field():
    organisation = OrganisationFactory.build(organisation_number="802428-2786")
    with pytest.raises(ValidationError) as error:
        organisation.full_clean()
    with translation.override("en"):
        assert "check digit" in error.value.message_dict["organisation_number"][0]


def test_the_number_is_checked_for_the_organisations_country():
    organisation = OrganisationFactory.build(country="NO", organisation_number="802428-2785")
    with pytest.raises(ValidationError) as error:
        organisation.full_clean()
    with translation.override("en"):
        assert "9 digits" in error.value.message_dict["organisation_number"][0]
    organisation.organisation_number = "974 760 673"
    organisation.full_clean()
    assert organisation.organisation_number_display == "974 760 673"


def test_contact_phone_is_read_in_the_organisations_country():
    person = ContactPersonFactory.build(
        organisation=OrganisationFactory(country="NO"), phone="22 33 44 55"
    )
    person.full_clean()
    assert person.phone == "+4722334455"
    person.phone = "ring me"
    with pytest.raises(ValidationError) as error:
        person.full_clean()
    assert "phone" in error.value.message_dict


def test_slugs_are_unique_per_language_and_untranslated_slugs_do_not_clash():
    OrganisationFactory(slug_sv="verket", slug_en="the-agency", slug_nb=None)
    OrganisationFactory(slug_sv="the-agency", slug_en="other", slug_nb=None)  # other language: fine
    duplicate = OrganisationFactory.build(slug_sv="verket", slug_en="third")
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "slug_sv" in error.value.message_dict


def test_an_organisation_cannot_be_its_own_ancestor():
    top = OrganisationFactory()
    unit = OrganisationFactory(parent=top)
    top.parent = unit
    with pytest.raises(ValidationError) as error:
        top.full_clean()
    assert "parent" in error.value.message_dict


def test_public_contacts_and_cards():
    organisation = OrganisationFactory()
    internal = ContactPersonFactory(organisation=organisation, is_public=False)
    press = ContactPersonFactory(organisation=organisation, name="Ö Press", is_press_contact=True)
    plain = ContactPersonFactory(organisation=organisation, name="A Plain")
    assert internal not in ContactPerson.objects.public()
    assert list(organisation.contacts.for_cards()) == [press, plain]


def test_demo_is_valid_and_idempotent():
    def counts():
        return [model.objects.count() for model in (Organisation, ContactPerson, SocialLink)]

    created = demo.create()
    first = counts()
    demo.create()
    assert counts() == first
    assert {org.country for org in created.values()} == {"SE", "NO"}
    assert len({org.kind for org in created.values()}) >= 5
    assert Organisation.objects.filter(parent__isnull=False).exists()
    assert ContactPerson.objects.filter(is_public=False).exists()
    assert ContactPerson.objects.filter(is_press_contact=True).exists()
    for organisation in Organisation.objects.all():
        organisation.full_clean()  # every demo organisation number passes its check
