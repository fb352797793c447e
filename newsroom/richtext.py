"""Rich text: django-prose-editor in the admin, sanitised with nh3 to one allow-list."""

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


def RichTextField(verbose_name=None, **kwargs):
    """A text field edited with the prose editor and sanitised on save."""
    return ProseEditorField(
        verbose_name, extensions=EXTENSIONS, sanitize=[create_sanitizer], **kwargs
    )
