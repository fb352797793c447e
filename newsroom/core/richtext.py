"""Rich text: django-prose-editor in the admin, sanitised with nh3 to one allow-list.

The allow-list follows the enabled editor extensions, so the toolbar and the sanitiser always
agree: headings, paragraphs, lists, links, bold, italic, blockquote and line breaks. Nothing
else survives — no script, event handler, style attribute, iframe, ``javascript:`` or
``data:`` link.

Stored HTML is what the editor produced, sanitised. What readers need on top of it is added
when it is shown, with ``{% load richtext %}{{ object.body|richtext }}``: external links get
``rel="noopener noreferrer"``, and links that open a new window say so to screen readers.
"""

from html import escape
from html.parser import HTMLParser

from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django_prose_editor.fields import ProseEditorField, create_sanitizer

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

sanitize = create_sanitizer(EXTENSIONS)


class RichTextField(ProseEditorField):
    """A text field edited with the prose editor and sanitised whenever it is saved.

    The prose editor sanitises in ``full_clean``; saving here too covers code that writes
    the field directly (imports, the demo, the shell).
    """

    def __init__(self, verbose_name=None, **kwargs):
        kwargs.setdefault("extensions", EXTENSIONS)
        kwargs.setdefault("sanitize", True)
        super().__init__(verbose_name, **kwargs)

    def pre_save(self, model_instance, add):
        value = getattr(model_instance, self.attname)
        if value:
            value = self.sanitize(value)
            # Not setattr: on a translated model the original field's descriptor would copy
            # a fallback language's text into the active language.
            model_instance.__dict__[self.attname] = value
        return value


def is_external(href):
    return href.startswith(("http://", "https://", "//"))


class _LinkMarker(HTMLParser):
    """Re-emits sanitised HTML unchanged except for the attributes and labels of links."""

    def __init__(self, new_window_label):
        super().__init__(convert_charrefs=False)
        self.new_window_label = new_window_label
        self.output = []
        self.links = []  # for each open <a>: does it open a new window?

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a":
            new_window = attrs.get("target") == "_blank"
            if new_window or is_external(attrs.get("href") or ""):
                rel = set((attrs.get("rel") or "").split()) | {"noopener", "noreferrer"}
                attrs["rel"] = " ".join(sorted(rel))
            self.links.append(new_window)
        rendered = "".join(
            f' {name}="{escape(value, quote=True)}"' if value is not None else f" {name}"
            for name, value in attrs.items()
        )
        self.output.append(f"<{tag}{rendered}>")

    def handle_endtag(self, tag):
        if tag == "a" and self.links and self.links.pop():
            self.output.append(
                f'<span class="visually-hidden"> {escape(self.new_window_label)}</span>'
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
    marker = _LinkMarker(gettext("(opens in a new window)"))
    marker.feed(sanitize(html))
    marker.close()
    return mark_safe("".join(marker.output))  # sanitised just above
