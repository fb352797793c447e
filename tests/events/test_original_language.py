"""A nynorsk-only event: created in the admin without any Swedish text, shown to every reader."""

import re

import icalendar
import pytest
from django.urls import reverse
from django.utils import translation

from events.models import Event
from tests.events.factories import EventFactory, ProgrammeItemFactory
from tests.events.test_admin import form_data, post
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

NYNORSK = {
    "title_sv": "",
    "title_en": "",
    "title_nb": "",
    "slug_sv": "",
    "slug_en": "",
    "slug_nb": "",
    "lead_sv": "",
    "lead_en": "",
    "lead_nb": "",
    "programme_items-0-title_sv": "",
    "programme_items-0-speakers_sv": "",
}


def nynorsk_only(**overrides):
    event = EventFactory(
        original_language="nn",
        **{name: "" for name in NYNORSK if not name.startswith("programme")},
        title_nn="Digitaliseringsdagen på Vestlandet",
        slug_nn="digitaliseringsdagen-pa-vestlandet",
        lead_nn="Ein dag om felles digitale løysingar for kommunane.",
        **overrides,
    )
    ProgrammeItemFactory(event=event, title_sv="", title_en="", title_nn="Velkomen", speakers_sv="")
    return event


def test_an_event_written_only_in_nynorsk_is_saved_without_swedish(admin_client):
    data = form_data(
        OrganisationFactory(),
        original_language="nn",
        title_nn="Digitaliseringsdagen på Vestlandet",
        lead_nn="Ein dag om felles digitale løysingar.",
        **{"programme_items-0-title_nn": "Velkomen", "programme_items-0-speakers_nn": "Kari"},
    )
    for name, value in NYNORSK.items():
        data[name] = value
    response = post(admin_client, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    event = Event.objects.get()
    assert (event.original_language, event.title_nn) == ("nn", "Digitaliseringsdagen på Vestlandet")
    assert not event.title_sv
    assert event.slug_nn == "digitaliseringsdagen-pa-vestlandet"
    assert event.programme_items.get().title_nn == "Velkomen"


def test_the_original_languages_title_and_programme_headings_are_required(admin_client):
    data = form_data(
        OrganisationFactory(),
        original_language="nn",
        title_sv="Bara svensk titel",
        **{"programme_items-0-title_sv": "Bara svensk rubrik"},
    )
    response = post(admin_client, data)
    assert response.status_code == 200
    assert "title_nn" in response.context["adminform"].form.errors
    formsets = {f.formset.prefix: f.formset for f in response.context["inline_admin_formsets"]}
    assert "title_nn" in formsets["programme_items"].forms[0].errors
    assert not Event.objects.exists()


def test_the_change_form_opens_on_the_original_language(admin_client):
    event = nynorsk_only()
    response = admin_client.get(reverse("admin:events_event_change", args=[event.pk]))
    page = response.content.decode()
    assert re.search(r'<option value="nn" selected>', page)
    assert "admin_languages/original_language.js" in page


@pytest.mark.parametrize("original_language", ["", "xx", "sv\x00", "<b>nn</b>"])
def test_a_hostile_original_language_is_refused(admin_client, original_language):
    data = form_data(OrganisationFactory(), original_language=original_language)
    response = post(admin_client, data)
    assert response.status_code == 200
    assert "original_language" in response.context["adminform"].form.errors
    assert not Event.objects.exists()


def test_swedish_readers_see_the_nynorsk_event_marked_as_nynorsk(client):
    event = nynorsk_only()
    url = event.get_absolute_url()
    assert url == "/evenemang/digitaliseringsdagen-pa-vestlandet/"
    page = client.get(url).content.decode()
    assert '<html lang="sv"' in page
    assert '<article class="event" lang="nn">' in page
    assert "Digitaliseringsdagen på Vestlandet</h1>" in page
    assert "Ein dag om felles digitale løysingar" in page
    assert "Velkomen" in page
    assert "is not available in your language" in page or "finns inte på ditt språk" in page


def test_hreflang_and_the_sitemap_name_only_the_language_it_is_written_in(client):
    event = nynorsk_only()
    page = client.get(event.get_absolute_url()).content.decode()
    assert re.findall(r'<link rel="alternate" hreflang="(\w+)"', page) == ["nn"]
    sitemap = client.get(reverse("sitemap")).content.decode()
    locations = re.findall(r"<loc>([^<]*vestlandet[^<]*)</loc>", sitemap)
    assert locations == ["http://testserver/nn/arrangement/digitaliseringsdagen-pa-vestlandet/"]
    entry = sitemap.split(locations[0])[1].split("</url>")[0]
    assert re.findall(r'hreflang="([\w-]+)"', entry) == ["nn"]


@pytest.mark.parametrize("language", ["sv", "nb", "en"])
def test_lists_and_calendars_show_it_in_nynorsk_to_every_reader(client, language):
    nynorsk_only()
    with translation.override(language):
        list_url, feed_url = reverse("events:list"), reverse("events:feed")
    page = client.get(list_url).content.decode()
    assert re.search(r'lang="nn">Digitaliseringsdagen på Vestlandet</a>', page)
    [entry] = icalendar.Calendar.from_ical(client.get(feed_url).content).walk("VEVENT")
    assert str(entry["SUMMARY"]) == "Digitaliseringsdagen på Vestlandet"


def test_search_finds_it_from_the_swedish_site(client):
    nynorsk_only()
    page = client.get(reverse("search"), {"q": "Vestlandet"}).content.decode()
    assert re.search(r'lang="nn">Digitaliseringsdagen på <mark>Vestlandet</mark></a>', page)
