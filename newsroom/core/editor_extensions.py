"""The prose editor's extensions for body blocks (newsroom.core.blocks), for settings.

``settings.DJANGO_PROSE_EDITOR_EXTENSIONS`` names them with the script that implements them in
the editor and what each may store, which the server's sanitiser allows and nothing more.
Importable from settings: nothing here touches apps or models.
"""

from django.utils.functional import lazy
from django_prose_editor.config import html_tags

# Each block's own elements and attributes; SHARED_TAGS are its inner elements.
TAGS = {
    "BodyImage": {"figure": ["data-block", "data-image", "data-layout", "data-alt"]},
    "BodyQuote": {"figure": ["data-block"], "cite": [], "small": []},
    "FactBox": {"div": ["data-block"]},
    "BodyVideo": {"figure": ["data-block", "data-url", "data-duration"]},
    "DocumentList": {"ul": ["data-block"]},
    "CallToAction": {"p": ["data-block"]},
}
SHARED_TAGS = ["figcaption", "blockquote", "p", "ul", "li", "a"]


def _static(path):
    from django.templatetags.static import static

    return static(path)


def prose_editor_extensions():
    """The value of ``DJANGO_PROSE_EDITOR_EXTENSIONS``."""
    return [
        {
            # Lazy: the address (with its hash in production) is known once apps are ready.
            "js": [lazy(_static, str)("js/body-blocks.js")],
            "extensions": {
                name: html_tags(
                    [*tags, *SHARED_TAGS],
                    {tag: attributes for tag, attributes in tags.items() if attributes},
                )
                for name, tags in TAGS.items()
            },
        }
    ]
