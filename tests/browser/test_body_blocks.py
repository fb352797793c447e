"""An article composed as the region's news page is: text, an inset portrait with its caption,
a quote, a fact box, a video and the report as a PDF, placed with the editor's block buttons,
published, and read with and without JavaScript."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from playwright.sync_api import expect

from newsroom.documents.models import Document
from newsroom.news.models import Article
from tests.newsroom.core.images.factories import ImageFactory, image_bytes
from tests.newsroom.documents import files
from tests.newsroom.news.factories import ArticleFactory

from .helpers import address

pytestmark = pytest.mark.django_db(transaction=True)


def block_button(page, name):
    """A block button of the body's Swedish editor."""
    return page.locator(f"#tab_id_body_sv .prose-menubar__button[data-name={name}]")


def open_body(page, live_server, article):
    """The article's change form, the cursor at the end of its Swedish body."""
    page.goto(live_server.url + reverse("admin:newsroom_article_change", args=[article.pk]))
    page.locator("#tab_id_body_sv [contenteditable=true]").click()
    page.keyboard.press("Control+End")


def fill_dialog(page, values, save="Spara"):
    dialog = page.locator("dialog[open]")
    for label, value in values.items():
        control = dialog.get_by_label(label, exact=True)
        if isinstance(value, int):  # the nth choice of a list
            control.select_option(index=value)
        elif control.evaluate("element => element.tagName") == "SELECT":
            control.select_option(label=value)
        else:
            control.fill(value)
    dialog.get_by_role("button", name=save, exact=True).click()
    expect(dialog).to_have_count(0)


def test_editor_composes_a_story_with_blocks_and_readers_see_them(
    admin_page, live_server, browser, assert_accessible, axe
):
    page = admin_page
    portrait = ImageFactory(
        file=ContentFile(image_bytes(size=(800, 1000)), name="portratt.jpg"),
        alt_text_sv="Porträtt",
        caption_sv="Bibliotekets bildtext",
        credit="Ann Ek",
    )
    article = ArticleFactory(title_sv="Ny direktör i regionen", body_sv="<p>Inledning.</p>")
    report = Document.objects.create(
        file=ContentFile(files.pdf(), name="program.pdf"),
        title_sv="Program 2026",
        language="sv",
        organisation=article.organisation,
    )

    open_body(page, live_server, article)

    block_button(page, "bodyImage").click()
    fill_dialog(
        page,
        {
            "Bild ur bildbanken": f"Porträtt (#{portrait.pk})",
            "Placering": "Bredvid texten",
            "Alternativtext här": "Kim Berg i porträtt",
            "Bildtext här": "Kim Berg, ny direktör",
        },
    )
    block_button(page, "bodyQuote").click()
    fill_dialog(
        page,
        {"Citat": "Vi bygger för alla.", "Vem sa det": "Kim Berg", "Deras roll": "direktör"},
    )
    block_button(page, "documentList").click()
    fill_dialog(page, {"Dokument ur dokumentbanken": 0})
    # The fact box is written in place: text typed after the last block, then boxed.
    page.locator("#tab_id_body_sv [contenteditable=true]").press("Control+End")
    page.keyboard.type("Ansök senast den 1 maj.")
    block_button(page, "factBox").click()
    # The cards say what each block holds, and are accessible, as is the block dialog.
    expect(page.locator(".body-block--quote")).to_contain_text("Vi bygger för alla.")
    cards = axe.run(page, context="#tab_id_body_sv .body-block")
    assert cards.violations_count == 0, cards.generate_report()
    page.locator(".body-block--quote").get_by_role("button", name="Redigera").click()
    dialog = page.locator("dialog[open]")
    expect(dialog.get_by_label("Citat", exact=True)).to_have_value("Vi bygger för alla.")
    in_dialog = axe.run(page, context="dialog[open]")
    assert in_dialog.violations_count == 0, in_dialog.generate_report()
    fill_dialog(page, {"Deras roll": "regiondirektör"})

    page.locator("input[name=_continue]").click()  # a live article: saved and published at once
    page.wait_for_load_state()
    body = Article.objects.get(pk=article.pk).body_sv
    assert f'data-image="{portrait.pk}"' in body
    assert 'data-layout="inset"' in body
    assert "<cite>Kim Berg</cite><small>regiondirektör</small>" in body
    assert f'href="{report.get_absolute_url()}"' in body
    assert '<div data-block="facts"><p>Ansök senast den 1 maj.</p></div>' in body

    for javascript in (True, False):
        context = browser.new_context(locale="sv-SE", java_script_enabled=javascript)
        reader = context.new_page()
        reader.goto(address(live_server, article, "sv"))
        figure = reader.locator("figure.image--inset")
        expect(figure.locator("img")).to_have_attribute("alt", "Kim Berg i porträtt")
        expect(figure.locator("figcaption")).to_contain_text("Kim Berg, ny direktör")
        expect(figure.locator("figcaption")).to_contain_text("Foto: Ann Ek")
        expect(reader.locator(".pull-quote blockquote")).to_have_text("Vi bygger för alla.")
        expect(reader.locator(".pull-quote cite")).to_have_text("Kim Berg")
        expect(reader.locator(".document-list a")).to_contain_text("Program 2026 (PDF")
        expect(reader.locator(".fact-box--in-body")).to_have_text("Ansök senast den 1 maj.")
        if javascript:  # axe runs as a script in the page
            assert_accessible(reader)
        context.close()


def test_a_video_and_a_call_to_action_in_a_body(
    admin_page, live_server, browser, assert_accessible
):
    page = admin_page
    article = ArticleFactory(body_sv="<p>Inledning.</p>")
    open_body(page, live_server, article)
    block_button(page, "bodyVideo").click()
    fill_dialog(
        page,
        {
            "Spelarens adress": "https://www.youtube-nocookie.com/embed/abc123",
            "Videons titel": "Invigningen",
            "Längd (minuter:sekunder)": "3:20",
            "Textversion": "Talaren hälsar alla välkomna.\n\nBandet klipps.",
        },
    )
    block_button(page, "callToAction").click()
    fill_dialog(page, {"Knappens text": "Anmäl dig", "Adress": "/sv/kalender/"})
    page.locator("input[name=_continue]").click()
    page.wait_for_load_state()
    body = Article.objects.get(pk=article.pk).body_sv
    assert 'data-duration="200"' in body
    assert '<p data-block="cta"><a href="/sv/kalender/">Anmäl dig</a></p>' in body

    for javascript in (True, False):
        context = browser.new_context(locale="sv-SE", java_script_enabled=javascript)
        reader = context.new_page()
        reader.goto(address(live_server, article, "sv"))
        expect(reader.locator(".video__duration time")).to_have_text("3 min 20 s")
        expect(reader.locator(".video__transcript")).to_contain_text("Bandet klipps.")
        expect(reader.get_by_role("link", name="Anmäl dig")).to_have_attribute(
            "href", "/sv/kalender/"
        )
        assert reader.locator("iframe").count() == 0  # nothing from the video host yet
        if javascript:
            assert_accessible(reader)
            reader.get_by_role("button", name="Spela upp videon här").click()
            expect(reader.locator("iframe")).to_have_attribute(
                "src", "https://www.youtube-nocookie.com/embed/abc123"
            )
        else:
            expect(reader.get_by_role("link", name="Öppna videon")).to_be_visible()
        context.close()


def test_the_block_buttons_are_named_in_swedish_and_show_their_icons(admin_page, live_server):
    page = admin_page
    page.goto(live_server.url + reverse("admin:newsroom_article_add"))
    page.evaluate("document.fonts.ready")
    names = {
        "bodyImage": "Bild",
        "bodyQuote": "Citat med namn",
        "factBox": "Faktaruta",
        "bodyVideo": "Video",
        "documentList": "Dokument",
        "callToAction": "Uppmaning",
    }
    for name, label in names.items():
        button = block_button(page, name)
        expect(button).to_have_attribute("aria-label", label)
        # An icon the font lacks would show its name ("smart_display") as wide text instead.
        assert button.evaluate("b => b.scrollWidth <= 2 * parseFloat(getComputedStyle(b).fontSize)")
