import pytest
from django.template.loader import render_to_string
from django.utils import translation

from organisations.models import ContactPerson
from tests.newsroom.core.images.factories import ImageFactory

from .factories import ContactPersonFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def card(person, **params):
    return render_to_string("components/contact_card.html", {"person": person, **params})


def test_card_shows_the_person_with_links():
    person = ContactPersonFactory(
        name="Kim Kontakt",
        phone="+46101234567",
        email="kim@example.org",
        organisation=OrganisationFactory(name_sv="Kontaktverket"),
        photo=ImageFactory(alt_text_sv="Porträtt av Kim Kontakt"),
        is_press_contact=True,
    )
    with translation.override("sv"):
        html = card(ContactPerson.objects.for_cards().get(), heading_level=2)
        vcard_url = person.get_vcard_url()
    assert '<h2 class="contact-card__name">Kim Kontakt</h2>' in html
    assert 'href="tel:+46101234567">+46 10 123 45 67</a>' in html
    assert 'href="mailto:kim@example.org"' in html
    assert "Kontaktverket" in html
    assert 'alt="Porträtt av Kim Kontakt"' in html
    assert vcard_url in html


def test_card_defaults_to_h3_and_marks_a_fallback_title():
    ContactPersonFactory(title_sv="Presschef", title_en=None, title_nb=None, title_nn=None)
    with translation.override("en"):
        html = card(ContactPerson.objects.get())
    assert "<h3" in html
    assert '<p class="contact-card__title" lang="sv">Presschef</p>' in html


def test_card_hides_the_organisation_on_its_own_page():
    ContactPersonFactory(organisation=OrganisationFactory(name_sv="Egna verket"))
    assert "Egna verket" not in card(ContactPerson.objects.get(), hide_organisation=True)


def test_card_of_an_internal_person_renders_nothing():
    person = ContactPersonFactory(is_public=False)
    assert card(person).strip() == ""
    assert card(None).strip() == ""
