"""Fictional organisations and contact persons in Sweden and Norway. Idempotent.

Organisation numbers are made valid with the validators' own check-digit functions. Swedish
phone numbers are from the ranges PTS keeps for fiction (070-174 06 05 to 699, 031-390 06 00
to 699).
"""

from newsroom.core.checksums import luhn_check_digit
from newsroom.core.images.demo import demo_image

from .models import ContactPerson, Organisation, SocialLink
from .numbers import mod11_check_digit

Kind = Organisation.Kind
Country = Organisation.Country


def swedish_number(first_nine):
    return first_nine + luhn_check_digit(first_nine)


def norwegian_number(first_eight):
    return first_eight + mod11_check_digit(first_eight)


def person(name, phone, *, public=True, press=False, **titles):
    """A contact person's fields; ``titles`` as ``sv="…", nb="…", en="…"``."""
    return {
        "name": name,
        "phone": phone,
        "is_public": public,
        "is_press_contact": press,
        **{f"title_{code}": title for code, title in titles.items()},
    }


ORGANISATIONS = [
    {
        "key": "samverkansmyndigheten",
        "name_sv": "Samverkansmyndigheten",
        "name_en": "The Swedish Agency for Public Cooperation",
        "slug_en": "agency-for-public-cooperation",
        "short_name": "SAMY",
        "kind": Kind.AGENCY,
        "country": Country.SWEDEN,
        "organisation_number": swedish_number("202199990"),
        "seat": "Exempelstad",
        "visiting_address": "Samverkansgatan 3, Exempelstad",
        "postal_address": "Box 9000\n123 99 Exempelstad",
        "phone": "031-390 06 00",
        "email": "registrator@samverkan.example",
        "website": "https://samverkan.example/",
        "description_sv": "<p>Samverkansmyndigheten är en påhittad myndighet som hjälper "
        "kommuner och regioner att arbeta tillsammans med digitala tjänster.</p>",
        "description_en": "<p>The Swedish Agency for Public Cooperation is a fictional agency "
        "that helps municipalities and regions work together on digital services.</p>",
        "social": [
            (SocialLink.Service.LINKEDIN, "https://linkedin.example/company/samverkansmyndigheten"),
            (SocialLink.Service.MASTODON, "https://social.example/@samverkan"),
            (SocialLink.Service.YOUTUBE, "https://video.example/@samverkansmyndigheten"),
        ],
        "contacts": [
            person(
                "Karin Exempelsson", "070-174 06 05", press=True, sv="Presschef", en="Head of press"
            ),
            person(
                "Johan Påhittad", "070-174 06 06", sv="Kommunikatör", en="Communications officer"
            ),
            person(
                "Greta Internsson", "070-174 06 07", public=False, sv="Registrator", en="Registrar"
            ),
        ],
    },
    {
        "key": "analysavdelningen",
        "parent": "samverkansmyndigheten",
        "name_sv": "Analysavdelningen vid Samverkansmyndigheten",
        "name_en": "Analysis Department, Agency for Public Cooperation",
        "slug_en": "analysis-department",
        "kind": Kind.AGENCY,
        "country": Country.SWEDEN,
        "organisation_number": swedish_number("202199990"),
        "seat": "Exempelstad",
        "email": "analys@samverkan.example",
        "description_sv": "<p>Avdelningen tar fram statistik och uppföljningar om samverkan.</p>",
        "description_en": "<p>The department produces statistics on cooperation.</p>",
        "contacts": [
            person("Ali Testberg", "070-174 06 10", sv="Analyschef", en="Head of analysis"),
        ],
    },
    {
        "key": "exempelregionen",
        "name_sv": "Exempelregionen",
        "name_nb": "Eksempelregionen",
        "name_nn": "Eksempelregionen",
        "name_en": "Example Region",
        "slug_en": "example-region",
        "kind": Kind.REGION,
        "country": Country.SWEDEN,
        "organisation_number": swedish_number("232199990"),
        "seat": "Exempelstad",
        "visiting_address": "Regionhuset, Storgatan 10, Exempelstad",
        "postal_address": "Box 100\n123 45 Exempelstad",
        "phone": "031-390 06 10",
        "email": "region@exempelregionen.example",
        "website": "https://exempelregionen.example/",
        "social": [
            (SocialLink.Service.FACEBOOK, "https://facebook.example/exempelregionen"),
            (SocialLink.Service.INSTAGRAM, "https://instagram.example/exempelregionen"),
        ],
        "contacts": [
            person(
                "Maja Fiktiv", "070-174 06 20", press=True, sv="Pressansvarig", en="Press officer"
            ),
            person(
                "Olle Intern", "", public=False, sv="Systemförvaltare", en="System administrator"
            ),
        ],
    },
    {
        "key": "alvsjonas-kommun",
        "name_sv": "Älvsjönäs kommun",
        "name_en": "Älvsjönäs Municipality",
        "slug_en": "alvsjonas-municipality",
        "kind": Kind.MUNICIPALITY,
        "country": Country.SWEDEN,
        "organisation_number": swedish_number("212999990"),
        "seat": "Älvsjönäs",
        "postal_address": "Kommunhuset\n999 90 Älvsjönäs",
        "phone": "031-390 06 20",
        "email": "kommun@alvsjonas.example",
        "website": "https://alvsjonas.example/",
        "contacts": [
            person(
                "Sara Lundgren-Exempel",
                "070-174 06 30",
                press=True,
                sv="Kommunikationschef",
                en="Head of communications",
            ),
        ],
    },
    {
        "key": "oppna-data-foreningen",
        "name_sv": "Föreningen Öppna data i offentlig sektor",
        "name_en": "Open Data in the Public Sector Association",
        "slug_en": "open-data-association",
        "short_name": "ÖDOS",
        "kind": Kind.ASSOCIATION,
        "country": Country.SWEDEN,
        "organisation_number": swedish_number("802999990"),
        "seat": "Exempelstad",
        "email": "kansli@oppnadata.example",
        "social": [(SocialLink.Service.BLUESKY, "https://bsky.example/oppnadata")],
        "contacts": [
            person("Nils Påhittsson", "070-174 06 40", sv="Ordförande", en="Chair"),
        ],
    },
    {
        "key": "nordfjell-kommune",
        "name_sv": "Nordfjells kommun",
        "name_nb": "Nordfjell kommune",
        "name_nn": "Nordfjell kommune",
        "name_en": "Nordfjell Municipality",
        "slug_nb": "nordfjell-kommune",
        "slug_nn": "nordfjell-kommune",
        "slug_en": "nordfjell-municipality",
        "kind": Kind.MUNICIPALITY,
        "country": Country.NORWAY,
        "organisation_number": norwegian_number("99999996"),
        "seat": "Nordfjell",
        "visiting_address": "Rådhusgata 1, Nordfjell",
        "postal_address": "Postboks 1\n9999 Nordfjell",
        "phone": "22 00 00 10",
        "email": "postmottak@nordfjell.example",
        "website": "https://nordfjell.example/",
        "description_sv": "<p>En påhittad norsk kommun vid fjällen.</p>",
        "description_nb": "<p>En oppdiktet norsk kommune ved fjellet.</p>",
        "description_nn": "<p>Ein oppdikta norsk kommune ved fjellet.</p>",
        "description_en": "<p>A fictional Norwegian municipality by the mountains.</p>",
        "social": [(SocialLink.Service.X, "https://x.example/nordfjell")],
        "contacts": [
            person(
                "Kari Eksempelsen",
                "412 00 010",
                press=True,
                nb="Kommunikasjonsrådgiver",
                nn="Kommunikasjonsrådgjevar",
                sv="Kommunikationsrådgivare",
                en="Communications adviser",
            ),
            person(
                "Per Oppdiktet",
                "22 00 00 11",
                public=False,
                nb="Arkivar",
                sv="Arkivarie",
                en="Archivist",
            ),
        ],
    },
    {
        "key": "ostervik-fylkeskommune",
        "name_sv": "Østerviks fylkeskommun",
        "name_nb": "Østervik fylkeskommune",
        "name_nn": "Østervik fylkeskommune",
        "name_en": "Østervik County Council",
        "slug_nb": "ostervik-fylkeskommune",
        "slug_nn": "ostervik-fylkeskommune",
        "slug_en": "ostervik-county-council",
        "kind": Kind.REGION,
        "country": Country.NORWAY,
        "organisation_number": norwegian_number("99999898"),
        "seat": "Østervik",
        "postal_address": "Postboks 500\n9990 Østervik",
        "phone": "22 00 00 20",
        "email": "post@ostervik.example",
        "contacts": [
            person(
                "Ola Prøvesen",
                "+47 412 00 020",
                press=True,
                nb="Pressekontakt",
                nn="Pressekontakt",
                sv="Presskontakt",
                en="Press contact",
            ),
        ],
    },
    {
        "key": "aesfjord-digital",
        "name_sv": "Æsfjord Digital AS",
        "name_nb": "Æsfjord Digital AS",
        "name_en": "Æsfjord Digital AS",
        "slug_nb": "aesfjord-digital",
        "kind": Kind.COMPANY,
        "country": Country.NORWAY,
        "organisation_number": norwegian_number("98989898"),
        "seat": "Æsfjord",
        "website": "https://aesfjord.example/",
    },
    {
        "key": "gamla-utvecklingsradet",
        "name_sv": "Gamla utvecklingsrådet",
        "name_en": "The former Development Council",
        "kind": Kind.OTHER,
        "country": Country.SWEDEN,
        "is_active": False,
        "description_sv": "<p>Rådet avvecklades och finns kvar här för äldre nyheters skull.</p>",
    },
]


def create():
    created = {}
    for spec in ORGANISATIONS:
        spec = dict(spec)
        key = spec.pop("key")
        parent_key = spec.pop("parent", None)
        social = spec.pop("social", [])
        contacts = spec.pop("contacts", [])
        spec.setdefault("slug_sv", key)
        organisation = Organisation.objects.filter(slug_sv=spec["slug_sv"]).first()
        if organisation is None:
            organisation = Organisation(
                original_language="sv",  # the demo is written in Swedish, whatever the site's
                **spec,
                parent=created.get(parent_key),
                logo=demo_image(
                    f"logo-{key}",
                    alt_sv=f"Logotyp för {spec['name_sv']}",
                    alt_en=f"Logo of {spec.get('name_en', spec['name_sv'])}",
                    size=(480, 480),
                ),
            )
            organisation.full_clean()
            organisation.save()
        created[key] = organisation
        for service, url in social:
            SocialLink.objects.get_or_create(organisation=organisation, service=service, url=url)
        for fields in contacts:
            if organisation.contacts.filter(name=fields["name"]).exists():
                continue
            first_name = fields["name"].split()[0].lower()
            contact = ContactPerson(
                organisation=organisation, email=f"{first_name}@{key}.example", **fields
            )
            contact.full_clean()
            contact.save()
    return created
