"""Rich text: django-prose-editor in the admin, sanitised with nh3 to one allow-list.

The allow-list follows the enabled editor extensions, so the toolbar and the sanitiser always
agree: headings, paragraphs, lists, links, bold, italic, blockquote and line breaks. Nothing
else survives — no script, event handler, style attribute, iframe, ``javascript:`` or
``data:`` link.

Stored HTML is what the editor produced, sanitised. What readers need on top of it is added
when it is shown, with ``{% load richtext %}{{ object.body|richtext }}``: links to other sites
get ``rel="noopener noreferrer"`` and an icon with a text alternative; links that open a new
window say so in visible text; links to documents say their format, size and language.
"""

import re
from html import escape, unescape
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.admin.widgets import AdminTextareaWidget
from django.http.request import validate_host
from django.urls import reverse_lazy
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django_prose_editor.fields import ProseEditorField, ProseEditorFormField, create_sanitizer
from django_prose_editor.widgets import AdminProseEditorWidget

from . import blocks

EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "Link": {"enableTarget": True, "protocols": ["http", "https", "mailto", "tel"]},
    "HardBreak": True,
}

# Bodies (articles, events, site pages, organisations) hold blocks too (newsroom.core.blocks);
# the editor asks the admin for the library's images and documents to choose from.
BODY_EXTENSIONS = {
    **EXTENSIONS,
    "BodyImage": {"choices": reverse_lazy("admin:images_image_choices")},
    "BodyQuote": True,
    "FactBox": True,
    "BodyVideo": True,
    "DocumentList": {"choices": reverse_lazy("admin:documents_document_choices")},
    "CallToAction": True,
}

# What an editor cannot see but a screen reader announces ("blank", "empty list"): a block
# with nothing in it (Enter pressed twice, a pasted spacer, a quote left empty) and a line
# break at the end of a block (Shift+Enter before moving on).
BLANK = r"(?:\s|&nbsp;|\xa0|<br>)"
EMPTY_BLOCK = re.compile(rf"<(p|h2|h3|h4|li|ul|ol|blockquote)>{BLANK}*</\1>")
TRAILING_BREAKS = re.compile(rf"{BLANK}*<br>(?:\s|&nbsp;|\xa0)*(?=</(?:p|li|h2|h3|h4)>)")


def _sanitizer(extensions):
    allow_list = create_sanitizer(extensions)

    def sanitize(html):
        """Only what the editor's extensions allow (nh3), without empty blocks or trailing
        line breaks; a text with nothing left in it is ""."""
        html = TRAILING_BREAKS.sub("", allow_list(html))
        emptied = None
        while emptied != html:  # inside out: a quote whose only paragraph was empty goes too
            emptied, html = html, EMPTY_BLOCK.sub("", html)
        return html

    return sanitize


sanitize = _sanitizer(EXTENSIONS)
sanitize_body = _sanitizer(BODY_EXTENSIONS)


class AdminRichTextWidget(AdminProseEditorWidget):
    """The admin's prose editor, with its toolbar named in the editor's language."""

    class Media:
        js = ["js/prose-editor-i18n.js", "js/word-paste.js"]


class RichTextFormField(ProseEditorFormField):
    def __init__(self, *args, **kwargs):
        widget = kwargs.get("widget")
        is_admin = isinstance(widget, AdminTextareaWidget) or (
            isinstance(widget, type) and issubclass(widget, AdminTextareaWidget)
        )
        if is_admin:
            kwargs["widget"] = AdminRichTextWidget
        super().__init__(*args, **kwargs)


class RichTextField(ProseEditorField):
    """A text field edited with the prose editor and sanitised whenever it is saved; with
    ``blocks=True`` (a body) it holds images, quotes and the other blocks too.

    The prose editor sanitises in ``full_clean``; saving here too covers code that writes
    the field directly (imports, the demo, the shell).
    """

    def __init__(self, verbose_name=None, *, blocks=False, **kwargs):
        kwargs.setdefault("extensions", BODY_EXTENSIONS if blocks else EXTENSIONS)
        kwargs.setdefault("sanitize", sanitize_body if blocks else sanitize)
        super().__init__(verbose_name, **kwargs)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": RichTextFormField, **kwargs})

    def pre_save(self, model_instance, add):
        value = getattr(model_instance, self.attname)
        if value:
            value = self.sanitize(value)
            # Not setattr: on a translated model the original field's descriptor would copy
            # a fallback language's text into the active language.
            model_instance.__dict__[self.attname] = value
        return value


# Functions ``notes(hrefs) -> {href: text}`` that say what a link leads to, shown inside it
# ("PDF, 2,3 MB"); apps register theirs in ``AppConfig.ready()`` (newsroom.documents).
_link_noters = []


def note_links_with(notes):
    if notes not in _link_noters:
        _link_noters.append(notes)


HREF = re.compile(r'<a\b[^>]*?\shref="([^"]*)"')


def _link_notes(html):
    hrefs = {unescape(href) for href in HREF.findall(html)}
    found = {}
    for notes in _link_noters if hrefs else ():
        found.update(notes(hrefs))
    return found


def is_external(href):
    """Does ``href`` lead to another site? Absolute links to this site's hosts do not."""
    parts = urlsplit(href)
    if not parts.netloc or parts.scheme not in ("", "http", "https"):
        return False
    own_hosts = [host for host in settings.ALLOWED_HOSTS if host != "*"]
    return not validate_host(parts.hostname or "", own_hosts)


# An arrow out of a box: the usual mark of a link to another site. Drawn in the text's colour;
# the words beside it say the same to screen readers and where images are off.
EXTERNAL_ICON = (
    '<svg class="link-external" aria-hidden="true" focusable="false" width="12" height="12" '
    'viewBox="0 0 12 12" fill="none" stroke="currentColor" stroke-width="1.5">'
    '<path d="M5 2H2v8h8V7M7 1.5h3.5V5M10.5 1.5 5.5 6.5"/></svg>'
)


class _LinkMarker(HTMLParser):
    """Re-emits sanitised HTML unchanged except for the attributes and labels of links."""

    def __init__(self, labels, notes):
        super().__init__(convert_charrefs=False)
        self.labels = labels
        self.notes = notes  # {href: what the link leads to}
        self.output = []
        self.links = []  # for each open <a>: (external?, new window?, note)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a":
            href = attrs.get("href") or ""
            new_window, external = attrs.get("target") == "_blank", is_external(href)
            if new_window or external:
                rel = set((attrs.get("rel") or "").split()) | {"noopener", "noreferrer"}
                attrs["rel"] = " ".join(sorted(rel))
            self.links.append((external, new_window, self.notes.get(href)))
        rendered = "".join(
            f' {name}="{escape(value, quote=True)}"' if value is not None else f" {name}"
            for name, value in attrs.items()
        )
        self.output.append(f"<{tag}{rendered}>")

    def handle_endtag(self, tag):
        if tag == "a" and self.links:
            external, new_window, note = self.links.pop()
            # Inside the link, so that a list of the page's links reads them too.
            if note:
                self.output.append(f'<span class="link-note"> ({escape(note)})</span>')
            if new_window:
                self.output.append(
                    f'<span class="link-note"> {escape(self.labels["new_window"])}</span>'
                )
            if external:
                self.output.append(
                    f'{EXTERNAL_ICON}<span class="visually-hidden"> '
                    f"{escape(self.labels['external'])}</span>"
                )
        self.output.append(f"</{tag}>")

    def handle_data(self, data):
        self.output.append(data)  # still escaped: character references are not converted

    def handle_entityref(self, name):
        self.output.append(f"&{name};")

    def handle_charref(self, name):
        self.output.append(f"&#{name};")


def render(html):
    """Sanitised rich text ready for a page, in the active language."""
    if not html:
        return ""
    html = blocks.expand(sanitize_body(html))
    labels = {
        "new_window": gettext("(opens in a new window)"),
        "external": gettext("(another website)"),
    }
    marker = _LinkMarker(labels, _link_notes(html))
    marker.feed(html)
    marker.close()
    return mark_safe("".join(marker.output))  # sanitised just above
