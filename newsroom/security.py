"""Content-Security-Policy for every response.

Public pages hold no inline script or style, so one strict policy fits every cached copy.
The admin is never cached; django-prose-editor's import map is an inline script, allowed by
its hash, computed from the response itself. Only import maps are hashed: an executable inline
script that found its way into an admin page (say, through a field shown unescaped) must stay
blocked, or the policy would protect nothing.
"""

import base64
import hashlib
import logging
import re
from importlib import resources

from django.conf import settings

logger = logging.getLogger(__name__)

IMPORT_MAP = re.compile(
    rb"<script(?![^>]*\bsrc=)[^>]*\btype=[\"']?importmap[\"']?[^>]*>(.*?)</script>",
    re.DOTALL | re.IGNORECASE,
)


# The admin's rich text editor (Tiptap, inside django-prose-editor) adds one <style> element of
# fixed text, its base ProseMirror rules, and offers no option to skip it. The text is a string
# literal in the package's bundled script; it is allowed by the hash of that literal, read from
# the installed package, so an upgrade that changes the text needs no change here.
# tests/newsroom/test_security.py fails if the text can no longer be found, and
# tests/browser/test_shell.py if the browser blocks a style all the same.
PROSE_EDITOR_SCRIPT = ("django_prose_editor", "static/django_prose_editor/editor.js")
# Tiptap's base rules, a template literal in the bundle: "`.ProseMirror {…}`".
TIPTAP_STYLE = re.compile(r"`(\.ProseMirror \{[^`]*)`")


def _hash(source):
    return "'sha256-" + base64.b64encode(hashlib.sha256(source).digest()).decode() + "'"


def prose_editor_style_texts(script):
    """The style texts Tiptap injects, as the browser sees them, found in its bundled script.

    A literal with escapes or substitutions would differ from the text the browser hashes:
    such a literal is left out (and tests/newsroom/test_security.py says so).
    """
    return [text for text in TIPTAP_STYLE.findall(script) if "\\" not in text and "${" not in text]


def prose_editor_style_hashes():
    package, path = PROSE_EDITOR_SCRIPT
    try:
        script = resources.files(package).joinpath(path).read_text(encoding="utf-8")
    except (ModuleNotFoundError, OSError):
        script = ""
    hashes = tuple(sorted({_hash(text.encode()) for text in prose_editor_style_texts(script)}))
    if not hashes:
        logger.warning(
            "No inline style found in %s/%s: the admin's rich text editor will miss its base "
            "styles under the Content-Security-Policy.",
            package,
            path,
        )
    return hashes


ADMIN_STYLE_HASHES = prose_editor_style_hashes()


def public_policy():
    frames = " ".join(f"https://{host}" for host in settings.EMBED_HOSTS) or "'none'"
    return (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "font-src 'self'; connect-src 'self'; media-src 'self'; "
        f"frame-src {frames}; object-src 'none'; base-uri 'none'; "
        "form-action 'self'; frame-ancestors 'none'"
    )


def admin_policy(content):
    hashes = " ".join(sorted({_hash(m) for m in IMPORT_MAP.findall(content)}))
    return (
        f"default-src 'self'; script-src 'self' {hashes}; "
        f"style-src 'self' {' '.join(ADMIN_STYLE_HASHES)}; "
        "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; "
        "base-uri 'none'; form-action 'self'; frame-ancestors 'self'"
    )


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" in response:
            return response
        is_html = response.get("Content-Type", "").startswith("text/html")
        if request.path.startswith("/admin/") and is_html and not response.streaming:
            response["Content-Security-Policy"] = admin_policy(response.content)
        else:
            response["Content-Security-Policy"] = public_policy()
        response.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        # Static files leave through WhiteNoise before Django's clickjacking middleware runs.
        if not getattr(response, "xframe_options_exempt", False):
            response.setdefault("X-Frame-Options", settings.X_FRAME_OPTIONS)
        return response
