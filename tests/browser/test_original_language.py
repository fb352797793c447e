"""A Norwegian member publishes an event only in nynorsk; Swedish readers see it in nynorsk.
Site administrators add redirects and import them from CSV. Admin forms pass axe."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from playwright.sync_api import expect

from events.models import Event
from newsroom.redirects.models import Redirect
from tests.browser.helpers import address
from tests.events.factories import EventFactory
from tests.organisations.factories import OrganisationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Blue-kettle 7 orchard Spruce"


@pytest.fixture
def administrator(browser, live_server):
    User.objects.create_superuser("admin", password=PASSWORD)
    page = browser.new_context(locale="nn-NO").new_page()
    problems = []
    # Script errors; failed loads are told by their responses (the browser's own favicon
    # request has none).
    page.on(
        "console",
        lambda message: (
            message.type == "error"
            and not message.text.startswith("Failed to load resource")
            and problems.append(message.text)
        ),
    )
    page.on("response", lambda response: response.status >= 400 and problems.append(response.url))
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(live_server.url + "/admin/")
    page.problems = problems
    return page


def choose(page, field, term):
    page.locator(f".field-{field} .select2-selection").click()
    page.locator(".select2-dropdown .select2-search__field").fill(term)
    page.locator(".select2-results__option", has_text=term).first.click()


def test_a_nynorsk_only_event_is_created_and_shown_to_swedish_readers(
    administrator, live_server, assert_accessible, browser
):
    OrganisationFactory(name_sv="", name_nn="Vestland fylkeskommune", original_language="nn")
    page = administrator
    page.goto(live_server.url + reverse("admin:events_event_add"))
    page.select_option("#id_original_language", "nn")
    # The translation tabs switch to nynorsk: its fields are the ones in view.
    expect(page.locator("#id_title_nn")).to_be_visible()
    expect(page.locator("#id_title_sv")).to_be_hidden()
    page.fill("#id_title_nn", "Digitaliseringsdagen på Vestlandet")
    page.fill("#id_lead_nn", "Ein dag om felles digitale løysingar for kommunane.")
    page.fill("#id_start_0", "2030-09-01")
    page.fill("#id_start_1", "09:00")
    page.fill("#id_end_0", "2030-09-01")
    page.fill("#id_end_1", "15:00")
    page.fill("#id_venue_name", "Bergen rådhus")
    choose(page, "organisation", "Vestland")
    page.locator("#programme_items-group .add-row a").click()
    expect(page.locator("#id_programme_items-0-title_nn")).to_be_visible()
    page.fill("#id_programme_items-0-title_nn", "Velkomen")
    page.select_option("#id_status", "published")
    page.click("input[name=_continue]")
    page.wait_for_url("**/change/")
    event = Event.objects.get()
    assert (event.original_language, event.title_nn, event.title_sv) == (
        "nn",
        "Digitaliseringsdagen på Vestlandet",
        None,
    )
    assert event.programme_items.get().title_nn == "Velkomen"
    # Reopened, the form shows the nynorsk tab again.
    page.reload()
    expect(page.locator("#id_title_nn")).to_be_visible()
    assert page.problems == []

    reader = browser.new_context(locale="sv-SE").new_page()
    reader.goto(address(live_server, event, "sv"))
    assert reader.locator("html").get_attribute("lang") == "sv"
    assert reader.locator("article.event").get_attribute("lang") == "nn"
    assert reader.locator("h1").inner_text() == "Digitaliseringsdagen på Vestlandet"
    assert reader.locator(".event-programme, #programme").first.inner_text().count("Velkomen") == 1
    assert reader.locator(".notice").first.is_visible()
    assert_accessible(reader)


def test_redirect_forms_are_accessible_and_an_import_works(
    administrator, live_server, assert_accessible, tmp_path
):
    event = EventFactory(slug_sv="nytt-namn")
    page = administrator
    page.goto(live_server.url + reverse("admin:redirects_redirect_add"))
    assert_accessible(page)
    page.fill("#id_old_path", "/a/")
    page.fill("#id_target", "/a/")
    page.click("input[name=_save]")
    expect(page.locator(".errornote")).to_be_visible()  # waits for the answer
    assert_accessible(page)

    page.goto(live_server.url + reverse("admin:redirects_redirect_changelist"))
    page.locator("a[href$='/redirects/redirect/import/']").click()
    assert_accessible(page)
    csv = tmp_path / "redirects.csv"
    csv.write_text(f"old_path,target\n/press/2019/nyhet.html,{event.get_absolute_url()}\n")
    page.set_input_files("#id_file", str(csv))
    page.click("input[type=submit]")
    page.wait_for_url("**/redirects/redirect/")
    assert Redirect.objects.count() == 1

    page.goto(live_server.url + "/press/2019/nyhet.html")
    assert page.url == address(live_server, event, "sv")
    assert page.locator("h1").inner_text() == event.title_sv
