"""Snippets with the matched words in <mark>; everything else escaped, markup shown as text."""

import html
import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .engine import START, STOP

SNIPPET_LENGTH = 240
TAG = re.compile(r"<[^>]*>")
MARKED = re.compile(f"{START}([^{START}{STOP}]*){STOP}")


def from_markers(text):
    """Turn ts_headline's markers into <mark>, escaping the text (entities decoded first)."""
    parts = []
    position = 0
    text = html.unescape(text or "")
    for match in MARKED.finditer(text):
        parts.append(escape(text[position : match.start()]))
        parts.append(f"<mark>{escape(match.group(1))}</mark>")
        position = match.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts).replace(START, "").replace(STOP, ""))


def words_pattern(words):
    if not words:
        return None
    alternatives = sorted({re.escape(word) for word in words}, key=len, reverse=True)
    return re.compile("|".join(alternatives), re.IGNORECASE)


def mark_words(text, words):
    """``text`` escaped, with every occurrence of ``words`` (any case) in <mark>."""
    pattern = words_pattern(words)
    if pattern is None:
        return escape(text)
    parts = []
    position = 0
    for match in pattern.finditer(text):
        parts.append(escape(text[position : match.start()]))
        parts.append(f"<mark>{escape(match.group(0))}</mark>")
        position = match.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))


def plain_text(*texts):
    """The texts without markup; block tags become spaces so paragraphs do not run together."""
    return " ".join(html.unescape(TAG.sub(" ", text)) for text in texts if text).strip()


def excerpt(text, words, length=SNIPPET_LENGTH):
    """About ``length`` characters of ``text`` around the first matched word, marked."""
    text = " ".join(text.split())
    pattern = words_pattern(words)
    first = pattern.search(text) if pattern else None
    start = 0
    if first and first.start() > length // 3:
        start = text.rfind(" ", 0, first.start() - length // 3) + 1
    end = start + length
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(f"{escape(prefix)}{mark_words(text[start:end], words)}{escape(suffix)}")
