"""An editor writes a draft in two languages with an image and previews it; a publisher
publishes it from the review queue, and it appears on the public list."""

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from newsroom.editorial.roles import EDITOR, PUBLISHER
from newsroom.news.models import Article
from tests.newsroom.core.images.factories import ImageFactory
from tests.organisations.factories import OrganisationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Blue-kettle 7 orchard Spruce"


def staff(username, role, organisation):
    user = User.objects.create_user(username, password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    organisation.members.add(user)
    return user


def log_in(browser, live_server, username, problems):
    page = browser.new_context(locale="sv-SE").new_page()  # a Swedish editor
    page.on("console", lambda message: message.type == "error" and problems.append(message))
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(live_server.url + "/admin/")
    return page


def choose(page, field, term):
    """Pick an option in an admin autocomplete (select2) field."""
    page.locator(f".field-{field} .select2-selection").click()
    page.locator(".select2-dropdown .select2-search__field").fill(term)
    page.locator(".select2-results__option", has_text=term).first.click()


def test_editor_drafts_publisher_publishes(browser, live_server, axe):
    organisation = OrganisationFactory(name_sv="Exempelverket")
    ImageFactory(alt_text_sv="Solnedgång över sjön", alt_text_en="Sunset over the lake")
    staff("redaktor", EDITOR, organisation)
    staff("publicist", PUBLISHER, organisation)

    # The editor writes a draft in Swedish and English, with an image.
    problems = []  # console errors, such as content-security-policy violations
    editor = log_in(browser, live_server, "redaktor", problems)
    editor.goto(live_server.url + reverse("admin:newsroom_article_add"))
    editor.fill("#id_title_sv", "Nytt bidrag till kommunerna")
    editor.fill("#id_lead_sv", "Kommunerna får ett nytt bidrag.")
    editor.locator("li[aria-controls='tab_id_title_en']").click()
    editor.fill("#id_title_en", "New grant for municipalities")
    editor.locator("li[aria-controls='tab_id_lead_en']").click()
    editor.fill("#id_lead_en", "Municipalities get a new grant.")
    choose(editor, "image", "Solnedgång")
    choose(editor, "organisation", "Exempelverket")
    assert editor.locator("#id_status option").all_inner_texts() != []
    assert editor.locator("#id_publish_at_0").count() == 0  # publishing times: publishers only
    editor.select_option("#id_status", "review")
    editor.click("input[name=_continue]")
    editor.wait_for_url("**/change/")
    article = Article.objects.get()
    assert (article.title_en, article.status, article.image.alt_text_sv) == (
        "New grant for municipalities",
        "review",
        "Solnedgång över sjön",
    )

    preview = editor.locator(".field-preview_link a").get_attribute("href")

    # Its history keeps the version; the dashboard lists it as awaiting review.
    editor.goto(live_server.url + reverse("admin:newsroom_article_history", args=[article.pk]))
    assert editor.locator("input[name=newer]").count() == 1
    editor.goto(live_server.url + reverse("admin:index"))
    assert editor.locator(".editorial-dashboard", has_text="Nytt bidrag").is_visible()

    # The preview shows the draft, which the public list does not.
    editor.goto(preview if preview.startswith("http") else live_server.url + preview)
    assert editor.get_by_role("heading", name="Nytt bidrag till kommunerna").is_visible()
    editor.goto(live_server.url + reverse("news:list"))
    assert "Nytt bidrag till kommunerna" not in editor.content()

    # The publisher may send it back with a comment: the change form offers one, accessibly
    # (in a page of its own: axe's injected styles break the content-security policy).
    checked = log_in(browser, live_server, "publicist", [])
    checked.goto(live_server.url + reverse("admin:newsroom_article_change", args=[article.pk]))
    assert checked.get_by_label("Kommentar till redaktören").is_visible()
    # Only the new row: the rest of the article form is not yet free of axe violations.
    comment_row = axe.run(checked, context=".field-send_back_comment")
    assert comment_row.violations_count == 0, comment_row.generate_report()
    checked.context.close()

    # The publisher finds it in the review queue and publishes it.
    publisher = log_in(browser, live_server, "publicist", problems)
    publisher.goto(
        live_server.url + reverse("admin:newsroom_article_changelist") + "?workflow=review"
    )
    publisher.locator(f"input[name=_selected_action][value='{article.pk}']").check()
    publisher.select_option("select[name=action]", "publish")
    publisher.locator("button[name=index]").click()
    publisher.wait_for_selector(".messagelist")

    page = browser.new_context(locale="sv-SE").new_page()  # a Swedish editor
    page.goto(live_server.url + reverse("news:list"))
    assert page.get_by_text("Nytt bidrag till kommunerna").first.is_visible()
    # The browser asks for /favicon.ico by itself; the site has none.
    assert [m.text for m in problems if "favicon.ico" not in m.location["url"]] == []
    for opened in (editor, publisher, page):
        opened.context.close()
