"""Blocks in a body: pictures, quotes, fact boxes, videos, document lists, calls to action.

A body stays one sanitised HTML text per language, so a block is translated, versioned,
compared, searched and checked for links like the text around it. Each block is an element
marked ``data-block`` that the editor (static/js/body-blocks.js) writes and reads; what a
reader needs beyond it (the library's image in its renditions, the player, classes) is added
when the body is shown. Stored forms, which are also what readers get without a renderer:

- ``<figure data-block="image" data-image="12" data-layout="inset" data-alt="…">``
  with an optional ``<figcaption>``: an image of the library; this use's own alt text and
  caption replace the library's;
- ``<figure data-block="quote"><blockquote><p>…</p></blockquote>``
  ``<figcaption><cite>speaker</cite><small>role</small></figcaption></figure>``;
- ``<div data-block="facts">`` around headings, paragraphs and lists: a fact box;
- ``<figure data-block="video" data-url="https://…" data-duration="200">`` with the title in
  ``<figcaption>`` and the transcript in paragraphs after it;
- ``<ul data-block="documents">`` of links to documents (their notes say format and size);
- ``<p data-block="cta"><a href="…">Anmäl dig</a></p>``: a call to action.
"""

import re
from datetime import timedelta
from html import unescape
from urllib.parse import urlsplit

from django.template.loader import render_to_string
from django.utils.html import escape

from . import durations, embeds
from .images.models import Image
from .parsing import whole_number

LAYOUTS = ("inset", "full")
SIZES = {"inset": "(min-width: 46rem) 20rem, 100vw", "full": "(min-width: 46rem) 46rem, 100vw"}

# Sanitised HTML has double-quoted attributes and no nested element of the same name inside
# a block (the editor's schema allows none), so the first closing tag ends the block.
BLOCK = re.compile(
    r'<(?P<tag>figure|div|ul|p) data-block="(?P<kind>[a-z]+)"(?P<attrs>[^>]*)>'
    r"(?P<inner>.*?)</(?P=tag)>",
    re.DOTALL,
)
ATTRIBUTE = re.compile(r'([a-z-]+)="([^"]*)"')
CAPTION = re.compile(r"<figcaption>(.*?)</figcaption>", re.DOTALL)
TAG = re.compile(r"<[^>]*>")
PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)


def _attributes(text):
    return {name: unescape(value) for name, value in ATTRIBUTE.findall(text)}


def _text(html):
    return unescape(TAG.sub("", html)).strip()


def _image_id(attrs):
    return whole_number(attrs.get("data-image"))


def expand(html):
    """``html`` (sanitised) with every block rendered for readers; one query for the images."""
    blocks = list(BLOCK.finditer(html))
    if not blocks:
        return html
    wanted = {
        _image_id(_attributes(block["attrs"])) for block in blocks if block["kind"] == "image"
    } - {None}
    images = Image.objects.in_bulk(wanted) if wanted else {}
    parts, position = [], 0
    for block in blocks:
        parts.append(html[position : block.start()])
        parts.append(_render(block, images))
        position = block.end()
    parts.append(html[position:])
    return "".join(parts)


def _render(block, images):
    kind, inner = block["kind"], block["inner"]
    attrs = _attributes(block["attrs"])
    if kind == "image":
        image = images.get(_image_id(attrs))
        if image is None:  # deleted from the library since: the body reads on without it
            return ""
        layout = attrs.get("data-layout") if attrs.get("data-layout") in LAYOUTS else "full"
        caption = CAPTION.search(inner)
        return render_to_string(
            "components/image.html",
            {
                "image": image,
                "figure": True,
                "sizes": SIZES[layout],
                "modifier": layout,
                "alt": attrs.get("data-alt", "").strip(),
                "caption": _text(caption[1]) if caption else "",
            },
        )
    if kind == "quote":
        return f'<figure class="pull-quote">{_quote(inner)}</figure>'
    if kind == "facts":
        return f'<div class="fact-box fact-box--in-body">{inner}</div>'
    if kind == "video":
        return _video(attrs, inner)
    if kind == "documents":
        return f'<ul class="document-list">{inner}</ul>'
    if kind == "cta":
        link = inner.replace("<a ", '<a class="button" ', 1)
        return f'<p class="call-to-action">{link}</p>'
    return block[0]


def _quote(inner):
    return (
        inner.replace("<cite>", '<cite class="pull-quote__speaker">')
        .replace("<small>", '<span class="pull-quote__role">')
        .replace("</small>", "</span>")
    )


def _video(attrs, inner):
    url = attrs.get("data-url", "")
    caption = CAPTION.search(inner)
    title = _text(caption[1]) if caption else ""
    if not embeds.is_embeddable(url):
        # The allowed hosts changed since it was placed: a link to the video stays.
        if urlsplit(url).scheme not in ("http", "https"):
            return ""
        return f'<p><a href="{escape(url)}">{escape(title or url)}</a></p>'
    seconds = whole_number(attrs.get("data-duration"), most_digits=6)
    length = timedelta(seconds=seconds) if seconds is not None else None
    transcript = CAPTION.sub("", inner)
    return render_to_string(
        "components/blocks/video.html",
        {
            "url": url,
            "title": title,
            "host": urlsplit(url).hostname,
            "duration_iso": durations.iso(length),
            "duration_text": durations.text(length),
            "transcript": "\n\n".join(_text(p) for p in PARAGRAPH.findall(transcript)),
        },
    )
