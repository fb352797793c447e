"""Two fictional public bodies' identities for the demo: a Swedish region, a Norwegian municipality.

``apply("region")`` or ``apply("municipality")`` (``manage.py demo_identity …``) switches the
site's name, logo, colours, app icon, footer details and links; the page cache follows at once.
The logos go through the same SVG sanitiser as an upload in the admin.
"""

import io

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from PIL import Image, ImageDraw

from . import identity
from .models import SiteLink, SiteSettings

REGION_LOGO = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" width="48" height="48">
<title>Region Norrfjäll</title>
<circle cx="24" cy="24" r="22" fill="#ffffff"/>
<path d="M6 30 L17 16 L24 25 L31 13 L42 30 Z" fill="#00468c"/>
<path d="M8 35 Q16 31 24 35 T40 35" stroke="#f2c14e" stroke-width="3" fill="none"/>
</svg>"""

MUNICIPALITY_LOGO = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 48"
 width="40" height="48">
<title>Eksempel kommune</title>
<path d="M2 2 H38 V24 Q38 40 20 46 Q2 40 2 24 Z" fill="#ffffff" stroke="#9fd8cb" stroke-width="2"/>
<path d="M10 30 L20 12 L30 30 Z" fill="#7a1f2b"/>
<rect x="17" y="30" width="6" height="8" fill="#7a1f2b"/>
</svg>"""

IDENTITIES = {
    "region": {
        "settings": {
            "site_name_sv": "Region Norrfjäll",
            "site_name_nb": "Region Norrfjäll",
            "site_name_nn": "Region Norrfjäll",
            "site_name_en": "Norrfjäll Region",
            "tagline_sv": "Nyheter, evenemang och presskontakter från Region Norrfjäll",
            "tagline_nb": "Nyheter, arrangementer og pressekontakter fra Region Norrfjäll",
            "tagline_nn": "Nyheiter, arrangement og pressekontaktar frå Region Norrfjäll",
            "tagline_en": "News, events and press contacts from Norrfjäll Region",
            "publisher_name": "Region Norrfjäll",
            "postal_address": "Box 100\n901 85 Norrfjäll",
            "visiting_address": "Regionhuset, Storgatan 1, Norrfjäll",
            "phone": "010-123 45 00",
            "email": "registrator.regionhuset@norrfjall-exempel.se",
            "organisation_number": "232100-0016",
            "primary_colour": "#00468c",
            "accent_colour": "#f2c14e",
            "logo_includes_name": False,
        },
        "logo": REGION_LOGO,
        "links": [
            ("footer", "Vård och hälsa (1177)", "https://www.1177.se/"),
            ("footer", "Lediga jobb i regionen", "https://www.example.org/jobb"),
            ("social", "Facebook", "https://www.facebook.com/example"),
            ("social", "LinkedIn", "https://www.linkedin.com/company/example"),
            ("social", "Instagram", "https://www.instagram.com/example"),
        ],
    },
    "municipality": {
        "settings": {
            "site_name_sv": "Eksempel kommune",
            "site_name_nb": "Eksempel kommune",
            "site_name_nn": "Eksempel kommune",
            "site_name_en": "Eksempel Municipality",
            "tagline_sv": "Nyheter och evenemang från Eksempel kommune",
            "tagline_nb": "Nyheter og arrangementer fra Eksempel kommune",
            "tagline_nn": "Nyheiter og arrangement frå Eksempel kommune",
            "tagline_en": "News and events from Eksempel Municipality",
            "publisher_name": "Eksempel kommune",
            "postal_address": "Postboks 1\n9999 Eksempelvik",
            "visiting_address": "Rådhuset, Torget 2, Eksempelvik",
            "phone": "+47 99 99 99 99",
            "email": "postmottak@eksempel.kommune.no",
            "organisation_number": "974 760 673",
            "primary_colour": "#7a1f2b",
            "accent_colour": "#9fd8cb",
            "logo_includes_name": False,
        },
        "logo": MUNICIPALITY_LOGO,
        "links": [
            ("footer", "Innsyn i postjournal", "https://www.example.org/postjournal"),
            ("footer", "Ledige stillinger", "https://www.example.org/stillinger"),
            ("social", "Facebook", "https://www.facebook.com/example"),
            ("social", "Instagram", "https://www.instagram.com/example"),
        ],
    },
}


def icon_for(primary, accent):
    """A 512-pixel app icon: the accent disc on the primary colour."""
    image = Image.new("RGB", (512, 512), primary)
    ImageDraw.Draw(image).ellipse((96, 96, 416, 416), fill=accent)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


@transaction.atomic
def apply(name):
    """Give the site the demo identity ``name`` (a key of IDENTITIES)."""
    chosen = IDENTITIES[name]
    site = SiteSettings.objects.order_by("pk").first() or SiteSettings()
    for field, value in chosen["settings"].items():
        setattr(site, field, value)
    site.full_clean(exclude=["logo", "icon"])  # the demo's colours pass the admin's checks
    logo = identity.sanitise_svg(chosen["logo"].encode())
    site.logo.save(f"{name}-logo.svg", ContentFile(logo), save=False)
    icon = icon_for(site.primary_colour, site.accent_colour)
    identity.validate_icon(icon)
    site.icon.save(f"{name}-icon.png", ContentFile(icon), save=False)
    site.save()
    site.links.all().delete()
    for position, (group, label, url) in enumerate(chosen["links"]):
        labels = {f"label_{code}": label for code, _name in settings.LANGUAGES}
        SiteLink.objects.create(settings=site, group=group, url=url, position=position, **labels)
    return site
