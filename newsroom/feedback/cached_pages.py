"""The feedback form on pages served from the page cache (``newsroom.core.pagecache``).

A stored page holds the form token signed when it was rendered. Each reader gets it signed
anew, for the same page, with a nonce and render time of their own: the minimum-time check
measures from when this reader got the page, and one reader's answer never shares a
submission id with another's. Pages showing one reader's own step (``?feedback=…``) are not
cached at all.
"""

import re

from . import tokens
from .pages import STATE_PARAMETER

TOKEN_INPUT = re.compile(rb'(<input type="hidden" name="token" value=")([^"<>]+)(")')


def refresh_form_tokens(content):
    def fresh(match):
        try:
            token = tokens.read_form_token(match.group(2).decode("ascii"))
        except (tokens.InvalidToken, UnicodeDecodeError):
            return match.group(0)
        return match.group(1) + tokens.make_form_token(token.page).encode("ascii") + match.group(3)

    return TOKEN_INPUT.sub(fresh, content)


def is_own_step(request):
    return STATE_PARAMETER in request.GET
