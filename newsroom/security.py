"""Content-Security-Policy for every response.

Public pages hold no inline script or style, so one strict policy fits every cached copy.
The admin is never cached; its widgets (django-prose-editor's import map) need a few inline
scripts, which are allowed by their hashes, computed from the response itself.
"""

import base64
import hashlib
import re

from django.conf import settings

INLINE_SCRIPT = re.compile(
    rb"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.DOTALL | re.IGNORECASE
)


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
    hashes = " ".join(sorted({_hash(m) for m in INLINE_SCRIPT.findall(content)}))
    return (
        f"default-src 'self'; script-src 'self' {hashes}; style-src 'self'; "
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
        return response
