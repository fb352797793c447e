"""A site's visual identity: colours checked for WCAG AA contrast, logos and icons for safety.

The colours play fixed roles in static/css/site.css (served per site by ``identity_css``):
the primary colour is the header's and buttons' background under white text and the colour of
links on the light page; the accent colour is the background of decorative bands and image-less
cards under body text, and the colour of links on the dark page (``prefers-color-scheme: dark``).
Links are checked against the grey surface, the harder of the two backgrounds they stand on.
Every pair a reader sees is checked here, so no identity can make the site unreadable.
"""

import io
import re
import warnings
from dataclasses import dataclass
from xml.etree import ElementTree

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
WHITE = "#ffffff"
TEXT = "#1b1b1f"  # --colour-text in site.css
LIGHT_SURFACE = "#f4f5f7"  # --colour-surface: links stand on it, and it is darker than white
DARK_SURFACE = "#22252d"  # --colour-surface in the dark scheme, lighter than its background
AA_TEXT = 4.5

MAX_LOGO_BYTES = 512 * 1024
MAX_ICON_BYTES = 1024 * 1024
MAX_PIXELS = 4096 * 4096
ICON_SIZES = (32, 180, 192, 512)


def luminance(colour):
    """WCAG 2.1 relative luminance of ``#rrggbb``."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one, other):
    """WCAG 2.1 contrast ratio, 1 to 21."""
    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@dataclass(frozen=True)
class Pair:
    field: str  # the identity field this pair depends on
    foreground: str  # "#rrggbb", or the name of a field
    background: str
    description: object  # what the reader sees, for the error message


PAIRS = (
    Pair("primary_colour", WHITE, "primary_colour", _("white text on the primary colour")),
    Pair(
        "primary_colour",
        "primary_colour",
        LIGHT_SURFACE,
        _("primary-coloured links on the light background"),
    ),
    Pair("accent_colour", TEXT, "accent_colour", _("body text on the accent colour")),
    Pair(
        "accent_colour",
        "accent_colour",
        DARK_SURFACE,
        _("accent-coloured links on the dark background"),
    ),
)


def contrast_errors(colours):
    """``{field: [message, …]}`` for every pair below WCAG AA, naming the pair and its ratio."""
    errors = {}
    for pair in PAIRS:
        foreground = colours.get(pair.foreground, pair.foreground)
        background = colours.get(pair.background, pair.background)
        if not (HEX_COLOUR.match(foreground) and HEX_COLOUR.match(background)):
            continue  # the field's own validator reports a malformed colour
        ratio = contrast(foreground, background)
        if ratio < AA_TEXT:
            errors.setdefault(pair.field, []).append(
                ValidationError(
                    _(
                        "Too little contrast for %(pair)s (%(foreground)s on %(background)s): "
                        "%(ratio)s:1, WCAG AA needs %(needed)s:1."
                    ),
                    code="contrast",
                    params={
                        "pair": pair.description,
                        "foreground": foreground.lower(),
                        "background": background.lower(),
                        "ratio": f"{ratio:.2f}",
                        "needed": AA_TEXT,
                    },
                )
            )
    return errors


# --- SVG -----------------------------------------------------------------------------------

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
# Drawing elements only: nothing that runs script, embeds a document or loads another file.
SVG_ELEMENTS = {
    "svg", "g", "defs", "symbol", "use", "title", "desc", "path", "rect", "circle", "ellipse",
    "line", "polyline", "polygon", "text", "tspan", "linearGradient", "radialGradient", "stop",
    "clipPath", "mask", "pattern", "style",
}  # fmt: skip
HOSTILE_ELEMENTS = {
    "script", "foreignObject", "iframe", "embed", "object", "image", "feImage", "animate",
    "set", "animateTransform", "animateMotion", "a", "handler", "listener",
}  # fmt: skip
EXTERNAL_REFERENCE = re.compile(r"url\(\s*['\"]?\s*(?!#)|@import|javascript:|data:", re.I)


def _local(name):
    return name.rsplit("}", 1)[-1]


def _namespace(name):
    return name[1:].split("}", 1)[0] if name.startswith("{") else ""


def sanitise_svg(data):
    """The SVG re-written without comments, editor metadata or foreign markup.

    Refused (ValidationError): anything not an SVG drawing, a document type declaration
    (entity expansion), script, event handler attributes, embedded documents, animation, links,
    and every reference to another file (``href``, ``url()``, ``@import``).
    """
    if len(data) > MAX_LOGO_BYTES:
        raise ValidationError(_("The SVG file is larger than 512 kB."), code="too-large")
    if b"\x00" in data or re.search(rb"<!(DOCTYPE|ENTITY)", data, re.I):
        raise ValidationError(
            _("The SVG file has a document type declaration, which is not allowed."),
            code="doctype",
        )
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        raise ValidationError(_("The file is not a readable SVG image."), code="invalid") from error
    if root.tag != f"{{{SVG_NS}}}svg":
        raise ValidationError(_("The file is not an SVG image."), code="invalid")
    _clean_element(root)
    ElementTree.register_namespace("", SVG_NS)
    ElementTree.register_namespace("xlink", XLINK_NS)
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=False)


def _refuse(reason):
    raise ValidationError(
        _("The SVG file was refused: %(reason)s. Export it as plain drawing, or upload a PNG."),
        code="hostile",
        params={"reason": reason},
    )


def _clean_element(element):
    for child in list(element):
        namespace, name = _namespace(child.tag), _local(child.tag)
        if name in HOSTILE_ELEMENTS:
            _refuse(_("it contains a “%(element)s” element") % {"element": name})
        if namespace != SVG_NS or name not in SVG_ELEMENTS:
            element.remove(child)  # editor metadata (Inkscape, Illustrator) and comments
            continue
        if name == "style" and EXTERNAL_REFERENCE.search(child.text or ""):
            _refuse(_("its style sheet refers to another file"))
        _clean_element(child)
    for attribute, value in list(element.attrib.items()):
        namespace, name = _namespace(attribute), _local(attribute)
        if name.lower().startswith("on"):
            _refuse(_("it has a script in the “%(attribute)s” attribute") % {"attribute": name})
        if name == "href" and not value.strip().startswith("#"):
            _refuse(_("it refers to another file (%(value)s)") % {"value": value[:80]})
        if EXTERNAL_REFERENCE.search(value):
            _refuse(_("it refers to another file (%(value)s)") % {"value": value[:80]})
        if namespace not in ("", XLINK_NS):
            del element.attrib[attribute]


# --- PNG -----------------------------------------------------------------------------------


def open_png(data, *, max_bytes):
    """A Pillow image of a PNG within the size limits, else ValidationError."""
    if len(data) > max_bytes:
        raise ValidationError(
            _("The file is larger than %(size)s kB."),
            code="too-large",
            params={"size": max_bytes // 1024},
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            if image.format != "PNG":
                raise ValidationError(_("The file is not a PNG image."), code="invalid")
            if image.width * image.height > MAX_PIXELS:
                raise ValidationError(_("The image has too many pixels."), code="too-large")
            image.load()
    except ValidationError:
        raise
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError, Warning) as error:
        raise ValidationError(_("The file is not a readable PNG image."), code="invalid") from error
    return image


def validate_icon(data):
    image = open_png(data, max_bytes=MAX_ICON_BYTES)
    if image.width != image.height or image.width < max(ICON_SIZES):
        raise ValidationError(
            _("The icon must be a square PNG of at least %(size)s by %(size)s pixels."),
            code="icon-size",
            params={"size": max(ICON_SIZES)},
        )
    return image


def icon_png(data, size):
    """The icon scaled to ``size`` pixels square, as PNG bytes."""
    image = Image.open(io.BytesIO(data)).convert("RGBA")
    image.thumbnail((size, size), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
