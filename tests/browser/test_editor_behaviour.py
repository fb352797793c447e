"""The rich text editor as a Swedish communications officer uses it: named in Swedish, leaving
a quote or a list with Enter, a link that does not grow, and pasting from Word."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db(transaction=True)

# What Word puts on the clipboard, shortened: Office namespaces, classes, inline styles, a
# font, a table, a local image, a spacer paragraph, a comment.
WORD_HTML = """
<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{}</style></head>
<body><!--StartFragment-->
<h2 class="MsoHeading2" style="mso-outline-level:2">Bakgrund</h2>
<p class="MsoNormal" style="margin:0cm;font-family:Calibri"><b>Fet</b> och <i>kursiv</i> och
<span style="color:red;font-size:18pt"><font face="Comic Sans MS">färgad</font></span> text med en
<a href="https://www.example.org/rapport">länk</a>.<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<ul style="margin-top:0cm"><li class="MsoListParagraph">Första punkten</li><li>Andra</li></ul>
<table class="MsoTableGrid"><tr><td>Cell</td></tr></table>
<img src="file:///C:/Users/anna/bild.png" width="100">
<!--EndFragment--></body></html>
"""


@pytest.fixture
def editor(admin_page, live_server):
    page = admin_page
    page.goto(live_server.url + reverse("admin:pages_page_add"))
    page.locator(".prose-editor:visible [contenteditable=true]").click()
    return page


def stored(page):
    """What the form would send: the editor keeps its textarea up to date."""
    return page.locator(".prose-editor:visible textarea").input_value()


def paste(page, html, text):
    """Paste ``html`` (and ``text`` as its plain-text version) where the cursor is."""
    page.locator(".prose-editor:visible [contenteditable=true]").evaluate(
        """(element, [html, text]) => {
            const data = new DataTransfer();
            data.setData("text/html", html);
            data.setData("text/plain", text);
            element.dispatchEvent(
                new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true})
            );
        }""",
        [html, text],
    )


def button(page, name):
    return page.locator(f".prose-editor:visible .prose-menubar__button[aria-label='{name}']")


def test_toolbar_and_link_dialog_speak_swedish_and_show_icons(editor):
    page = editor
    for name in ("fetstil", "kursiv", "citat", "punktlista", "numrerad lista", "ångra"):
        assert button(page, name).count() == 1, name
    assert button(page, "bold").count() == 0
    # The icons are a font served by us: loaded, so no button shows its ligature's name.
    page.evaluate("document.fonts.ready")
    assert page.evaluate("document.fonts.check('24px \"Material Icons\"')")
    page.keyboard.type("Läs mer")
    page.keyboard.press("Shift+Home")
    button(page, "infoga länk").click()
    dialog = page.locator("dialog[open]")
    assert dialog.get_by_text("Redigera länk").is_visible()
    assert dialog.get_by_label("Öppna i nytt fönster").is_visible()
    assert dialog.get_by_role("button", name="Avbryt").is_visible()


def test_enter_twice_leaves_a_quote_and_a_list(editor):
    page = editor
    button(page, "citat").click()
    page.keyboard.type("Vi är glada.")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    page.keyboard.type("Efter citatet.")
    page.keyboard.press("Enter")
    button(page, "punktlista").click()
    page.keyboard.type("Punkt")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    page.keyboard.type("Efter listan.")

    assert stored(page) == (
        "<blockquote><p>Vi är glada.</p></blockquote><p>Efter citatet.</p>"
        "<ul><li><p>Punkt</p></li></ul><p>Efter listan.</p>"
    )


def test_typing_after_a_link_does_not_extend_it(editor):
    page = editor
    page.keyboard.type("Anmäl dig")
    page.keyboard.press("Shift+Home")
    button(page, "infoga länk").click()
    page.locator("dialog[open] input[name=href]").fill("https://www.example.org/anmalan")
    page.locator("dialog[open] button[type=submit]").click()
    page.keyboard.press("End")
    page.keyboard.type(" senast i maj.")

    assert '">Anmäl dig</a> senast i maj.</p>' in stored(page)


def test_paste_from_word_keeps_headings_lists_links_bold_and_italic_only(editor):
    page = editor
    paste(page, WORD_HTML, "Bakgrund")
    html = stored(page)

    assert "<h2>Bakgrund</h2>" in html
    assert "<strong>Fet</strong>" in html
    assert "<em>kursiv</em>" in html
    assert '<a href="https://www.example.org/rapport"' in html
    assert "<ul><li><p>Första punkten</p></li><li><p>Andra</p></li></ul>" in html
    assert "färgad" in html  # the words stay, their dress goes
    assert "Cell" in html
    for gone in ("style=", "class=", "<span", "<font", "<table", "<img", "o:p", "Mso", "<!--"):
        assert gone not in html, gone
