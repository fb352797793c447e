import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from tests.newsroom.core.images.factories import ImageFactory

from .factories import ContactPersonFactory, OrganisationFactory, SocialLinkFactory

pytestmark = pytest.mark.django_db


def url(name, language="sv", **kwargs):
    with translation.override(language):
        return reverse(f"organisations:{name}", kwargs=kwargs or None)


def html(response):
    assert response.status_code == 200
    return response.content.decode()


def count_queries(client, address):
    # Warm: the first page after the shared cache is emptied also looks up when the next
    # scheduled change to published content is due (one query, whatever the page lists).
    client.get(address)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    assert response.status_code == 200
    return len(queries)


def names_in_directory(response):
    return re.findall(r'class="organisation-directory__name"><a [^>]*>([^<]+)</a>', html(response))


# The directory


def test_directory_lists_active_organisations_by_swedish_collation(client):
    for name in ["Örebro län", "Zeta", "Åre", "Ängby", "Alfa"]:
        OrganisationFactory(name_sv=name, name_en=name)
    OrganisationFactory(name_sv="Arkiverad", is_active=False)
    assert names_in_directory(client.get(url("list"))) == [
        "Alfa",
        "Zeta",
        "Åre",
        "Ängby",
        "Örebro län",
    ]


def test_directory_sorts_by_norwegian_collation_and_falls_back_to_swedish_names(client):
    OrganisationFactory(name_sv="Ålesund", name_nb="Ålesund kommune")
    OrganisationFactory(name_sv="Ørsta", name_nb=None)  # shown under its Swedish name
    OrganisationFactory(name_sv="Ærø", name_nb="Ærø")
    OrganisationFactory(name_sv="Bodø", name_nb="Bodø")
    assert names_in_directory(client.get(url("list", "nb"))) == [
        "Bodø",
        "Ærø",
        "Ørsta",
        "Ålesund kommune",
    ]


def test_directory_filters_by_kind_and_country(client):
    OrganisationFactory(name_sv="Svensk kommun", kind="municipality", country="SE")
    OrganisationFactory(name_sv="Norsk kommune", kind="municipality", country="NO")
    OrganisationFactory(name_sv="Svensk myndighet", kind="agency", country="SE")
    response = client.get(url("list"), {"kind": "municipality", "country": "NO"})
    assert names_in_directory(response) == ["Norsk kommune"]
    response = client.get(url("list"), {"kind": "municipality"})
    assert names_in_directory(response) == ["Norsk kommune", "Svensk kommun"]


@pytest.mark.parametrize(
    "params",
    [
        {"kind": "pirate"},
        {"country": "DK"},
        {"kind": "agency\x00"},
        {"country": "\x00"},
        {"kind": "<script>alert(1)</script>"},
        {"kind": "x" * 10_000, "country": "y" * 10_000},
        {"kind": ["agency", "pirate"]},  # repeated: the last value counts
    ],
)
def test_bad_filter_values_are_reported_and_ignored(client, params):
    OrganisationFactory(name_sv="Kvar")
    response = client.get(url("list"), params)
    content = html(response)
    assert names_in_directory(response) == ["Kvar"]
    assert 'role="alert"' in content
    assert "<script>alert" not in content


@pytest.mark.parametrize("page", ["abc", "99999", "-1", "0", "1.5", "\x00", "9" * 500, ""])
def test_hostile_page_numbers_show_a_page(client, page):
    OrganisationFactory.create_batch(3)
    response = client.get(url("list"), {"page": page})
    assert len(names_in_directory(response)) == 3


def test_directory_paginates_and_keeps_filters_in_page_links(client):
    OrganisationFactory.create_batch(30, kind="region")
    content = html(client.get(url("list"), {"kind": "region"}))
    assert "kind=region&amp;page=2" in content
    second = client.get(url("list"), {"kind": "region", "page": "2"})
    assert len(names_in_directory(second)) == 6


def test_directory_query_count_does_not_grow_with_organisations(client):
    def add(count):
        for _ in range(count):
            OrganisationFactory(logo=ImageFactory())

    add(2)
    few = count_queries(client, url("list"))
    add(4)
    assert count_queries(client, url("list")) == few


def test_public_pages_set_no_cookie_and_do_not_vary_on_it(client):
    organisation = OrganisationFactory()
    for address in [url("list"), organisation.get_absolute_url()]:
        response = client.get(address)
        assert response.status_code == 200
        assert not response.cookies
        assert "Cookie" not in response.get("Vary", "")


def test_navigation_marks_the_section_as_current(client):
    content = html(client.get(url("list")))
    assert re.search(rf'href="{re.escape(url("list"))}" aria-current="page"', content)


# The organisation page


def test_organisation_page_shows_details_and_only_public_contacts(client):
    parent = OrganisationFactory(name_sv="Moderverket")
    organisation = OrganisationFactory(
        name_sv="Avdelningen",
        parent=parent,
        organisation_number="8024282785",
        phone="+46101234567",
        email="info@avdelningen.example",
        logo=ImageFactory(alt_text_sv="Avdelningens logotyp"),
    )
    OrganisationFactory(name_sv="Enheten", parent=organisation)
    SocialLinkFactory(organisation=organisation, url="https://social.example/@avd")
    ContactPersonFactory(organisation=organisation, name="Bo Vanlig")
    ContactPersonFactory(organisation=organisation, name="Öst Pressman", is_press_contact=True)
    ContactPersonFactory(
        organisation=organisation, name="Hemlig Intern", email="hemlig@example.org", is_public=False
    )
    content = html(client.get(organisation.get_absolute_url()))
    assert "802428-2785" in content
    assert 'href="tel:+46101234567"' in content
    assert "+46 10 123 45 67" in content
    assert "Avdelningens logotyp" in content
    assert "https://social.example/@avd" in content
    assert "Moderverket" in content
    assert "Enheten" in content
    assert "Hemlig" not in content
    assert content.index("Öst Pressman") < content.index("Bo Vanlig")  # press contacts first
    assert "related content" not in content  # the include point is a template comment


def test_organisation_page_by_translated_slug_and_with_fallback_notice(client):
    organisation = OrganisationFactory(
        name_sv="Verket", slug_sv="verket", name_en="The Agency", slug_en="the-agency"
    )
    assert organisation.available_languages == ["sv", "en"]
    english = html(client.get(url("detail", "en", slug="the-agency")))
    assert "The Agency" in english
    norwegian = html(client.get(url("detail", "nb", slug="verket")))  # no nb slug: sv is used
    assert "Verket" in norwegian
    assert 'class="notice"' in norwegian
    assert 'lang="sv"' in norwegian
    # Every language falls back through all the others, so another language's slug finds the
    # page too; it is shown in the reader's language where it has one.
    swedish = html(client.get(url("detail", slug="the-agency")))
    assert "Verket" in swedish
    assert 'class="notice"' not in swedish
    assert client.get(url("detail", slug="nothing-here")).status_code == 404


def test_archived_organisation_page_says_so(client):
    organisation = OrganisationFactory(is_active=False)
    assert 'class="notice"' in html(client.get(organisation.get_absolute_url()))


def json_ld(content):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', content, re.S)
    return json.loads(match.group(1))


@pytest.mark.parametrize(
    ("kind", "schema_type"),
    [
        ("agency", "GovernmentOrganization"),
        ("municipality", "GovernmentOrganization"),
        ("region", "GovernmentOrganization"),
        ("association", "Organization"),
        ("company", "Organization"),
    ],
)
def test_organisation_json_ld(client, kind, schema_type):
    parent = OrganisationFactory(kind="agency")
    organisation = OrganisationFactory(
        kind=kind,
        parent=parent,
        name_sv="Namn </script><b>",
        short_name="N&N",
        organisation_number="974760673",
        country="NO",
        postal_address="Postboks 1\r\n0001 Oslo",
    )
    SocialLinkFactory(organisation=organisation)
    data = json_ld(html(client.get(organisation.get_absolute_url())))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == schema_type
    assert data["name"] == "Namn </script><b>"
    assert data["alternateName"] == "N&N"
    assert data["identifier"]["value"] == "974 760 673"
    assert data["address"]["streetAddress"] == "Postboks 1, 0001 Oslo"
    assert data["parentOrganization"]["@type"] == "GovernmentOrganization"
    assert data["url"].startswith("http://testserver/")
    assert len(data["sameAs"]) == 1


def test_organisation_page_query_count_does_not_grow_with_contacts_and_units(client):
    organisation = OrganisationFactory(logo=ImageFactory())

    def add(count):
        for _ in range(count):
            ContactPersonFactory(organisation=organisation, photo=ImageFactory())
            ContactPersonFactory(organisation=organisation, is_public=False)
            OrganisationFactory(parent=organisation)
            SocialLinkFactory(organisation=organisation)

    add(1)
    few = count_queries(client, organisation.get_absolute_url())
    add(3)
    assert count_queries(client, organisation.get_absolute_url()) == few


# vCards


def unfold(text):
    return text.replace("\r\n ", "")


def test_vcard_of_a_public_contact(client):
    organisation = OrganisationFactory(name_sv="Verket, Avd; Syd")
    person = ContactPersonFactory(
        organisation=organisation,
        name="Åsa Back\\slash Ek",
        title_sv="Chef för kommunikation,\npress; och webb",
        phone="+46101234567",
        email="asa@example.org",
        is_press_contact=True,
    )
    response = client.get(person.get_vcard_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="asa-backslash-ek.vcf"'
    text = response.content.decode("utf-8")
    assert text.endswith("\r\n")
    for line in text.split("\r\n")[:-1]:
        assert len(line.encode()) <= 75
        assert re.match(r"^( |[A-Z-]+(;[A-Z]+=[A-Z,]+)*:)", line), line
    lines = unfold(text).split("\r\n")
    assert lines[0] == "BEGIN:VCARD"
    assert lines[1] == "VERSION:3.0"
    assert lines[-2] == "END:VCARD"
    assert "FN:Åsa Back\\\\slash Ek" in lines
    assert "N:Ek;Åsa Back\\\\slash;;;" in lines
    assert "ORG:Verket\\, Avd\\; Syd" in lines
    assert "TITLE:Chef för kommunikation\\,\\npress\\; och webb" in lines
    assert "TEL;TYPE=WORK,VOICE:+46101234567" in lines
    assert "EMAIL;TYPE=INTERNET,WORK:asa@example.org" in lines


def test_long_vcard_lines_fold_without_splitting_characters(client):
    person = ContactPersonFactory(title_sv="Ö" * 100)
    text = client.get(person.get_vcard_url()).content.decode("utf-8")  # decodes: no split bytes
    assert "TITLE:" + "Ö" * 100 in unfold(text)
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


def test_internal_contacts_have_no_vcard(client):
    person = ContactPersonFactory(is_public=False)
    assert client.get(person.get_vcard_url()).status_code == 404
    assert client.get(url("vcard", pk=999_999)).status_code == 404
    assert client.get(url("list") + "vcard/abc.vcf").status_code == 404


def test_sitemap_lists_active_organisations_in_their_languages(client):
    active = OrganisationFactory(slug_sv="aktiv", slug_en="active", name_nb=None, name_nn=None)
    OrganisationFactory(slug_sv="arkiverad", is_active=False)
    content = client.get("/sitemap.xml").content.decode()
    assert f"http://testserver{active.get_absolute_url()}" in content
    assert "/en/" in content
    assert "arkiverad" not in content
    assert f"http://testserver{url('list', 'nn')}" in content


@pytest.mark.parametrize(
    "address",
    [
        "vcard/99999999999999999999999999.vcf",
        "vcard/-1.vcf",
        "vcard/1.vcf%00",
        "x" * 5000 + "/",
        "%3Cscript%3E/",
        "slug%00/",
    ],
)
def test_hostile_organisation_and_vcard_addresses_are_not_found(client, address):
    assert client.get(url("list") + address).status_code == 404
