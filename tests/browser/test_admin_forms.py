"""Every admin form editors and site administrators use passes axe-core, in Swedish: the date
and time boxes, autocomplete boxes and their search, the rich text area, the language tabs and
switch, and tables of rows all have names."""

import pytest
from django.urls import reverse

from newsroom.editorial.roles import EDITOR, SITE_ADMINISTRATOR
from tests.events.factories import EventFactory, ProgrammeItemFactory
from tests.newsroom.core.images.factories import ImageFactory
from tests.newsroom.news.factories import ArticleFactory
from tests.newsroom.pages.factories import PageFactory
from tests.organisations.factories import ContactPersonFactory, OrganisationFactory

from .test_editorial import log_in, staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def newsroom(live_server):
    organisation = OrganisationFactory(name_sv="Exempelverket")
    ContactPersonFactory(organisation=organisation, name="Eva Exempel")
    event = EventFactory(organisation=organisation)
    ProgrammeItemFactory(event=event)
    return {
        "organisation": organisation,
        "editor": staff("redaktor", EDITOR, organisation),
        "administrator": staff("admin", SITE_ADMINISTRATOR, organisation),
        "newsroom_article": ArticleFactory(organisation=organisation),
        "events_event": event,
        "organisations_organisation": organisation,
        "organisations_contactperson": organisation.contacts.get(),
        "images_image": ImageFactory(),
        "pages_page": PageFactory(),
    }


def violations(axe, page, url):
    page.goto(url)
    page.wait_for_load_state("networkidle")
    results = axe.run(page)
    return [] if results.violations_count == 0 else [f"{url}\n{results.generate_report()}"]


def forms(live_server, objects, names, adds):
    for name in names:
        if name in adds:
            yield live_server.url + reverse(f"admin:{name}_add")
        yield live_server.url + reverse(f"admin:{name}_change", args=[objects[name].pk])


def test_the_forms_an_editor_uses_are_accessible(browser, live_server, axe, newsroom):
    page = log_in(browser, live_server, "redaktor", [])
    names = [
        "newsroom_article",
        "events_event",
        "organisations_organisation",
        "organisations_contactperson",
        "images_image",
    ]
    adds = set(names) - {"organisations_organisation"}  # editors add no organisations
    found = []
    for url in [
        *forms(live_server, newsroom, names, adds),
        live_server.url + "/admin/documents/document/add/",
    ]:
        found += violations(axe, page, url)
    assert not found, "\n".join(found)


def test_an_autocomplete_box_opened_has_a_named_search(browser, live_server, axe, newsroom):
    page = log_in(browser, live_server, "redaktor", [])
    page.goto(live_server.url + reverse("admin:newsroom_article_add"))
    page.locator(".field-page_owner .select2-selection").click()
    search = page.locator(".select2-dropdown .select2-search__field")
    search.fill("Eva")
    assert page.get_by_role("searchbox", name="informationsansvarig:").count() == 1
    results = axe.run(page, context=".select2-dropdown")
    assert results.violations_count == 0, results.generate_report()


def test_the_date_and_time_boxes_say_which_field_and_part_they_are(browser, live_server, newsroom):
    page = log_in(browser, live_server, "redaktor", [])
    page.goto(live_server.url + reverse("admin:events_event_add"))
    assert page.get_by_role("textbox", name="start: Datum:").count() == 1
    assert page.get_by_role("textbox", name="start: Tid:").count() == 1


def test_the_forms_a_site_administrator_uses_are_accessible(browser, live_server, axe, newsroom):
    page = log_in(browser, live_server, "admin", [])
    names = ["newsroom_article", "events_event", "organisations_organisation", "pages_page"]
    found = []
    for url in forms(live_server, newsroom, names, set(names)):
        found += violations(axe, page, url)
    user = reverse("admin:auth_user_change", args=[newsroom["editor"].pk])
    for url in (reverse("admin:auth_user_add"), user, reverse("admin:auth_user_changelist")):
        found += violations(axe, page, live_server.url + url)
    assert not found, "\n".join(found)
