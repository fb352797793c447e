"""Content-Security-Policy for every response.

Public pages hold no inline script or style, so one strict policy fits every cached copy.
The admin is never cached; django-prose-editor's import map is an inline script, allowed by
its hash, computed from the response itself. Only import maps are hashed: an executable inline
script that found its way into an admin page (say, through a field shown unescaped) must stay
blocked, or the policy would protect nothing.
"""

import base64
import hashlib
import re

from django.conf import settings

IMPORT_MAP = re.compile(
    rb"<script(?![^>]*\bsrc=)[^>]*\btype=[\"']?importmap[\"']?[^>]*>(.*?)</script>",
    re.DOTALL | re.IGNORECASE,
)


# The admin's rich text editor (Tiptap, inside django-prose-editor) adds one <style> element of
# fixed text, its base ProseMirror rules, and offers no option to skip it. Allowed by its hash;
# tests/browser/test_shell.py fails with the new hash if an upgrade changes the text.
ADMIN_STYLE_HASHES = ("'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='",)


def public_policy():
    frames = " ".join(f"https://{host}" for host in settings.EMBED_HOSTS) or "'none'"
    return (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "font-src 'self'; connect-src 'self'; media-src 'self'; "
        f"frame-src {frames}; object-src 'none'; base-uri 'none'; "
        "form-action 'self'; frame-ancestors 'none'"
    )


def _hash(source):
    return "'sha256-" + base64.b64encode(hashlib.sha256(source).digest()).decode() + "'"


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
