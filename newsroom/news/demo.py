# ruff: noqa: RUF001 -- Swedish text uses the en dash for quotations and ranges.
"""Fictional demo articles of every kind across the demo organisations. Idempotent.

Four articles mirror the structure of the seed pages (agency news with a film, a guest blog
post, an association's conference report, region news with a fact box, contacts and page
owner); the rest are shorter. People, places and text are made up.
"""

import datetime

from django.urls import reverse
from django.utils import timezone, translation

from newsroom.core.images.demo import demo_image
from newsroom.core.publishing import Status
from organisations.models import ContactPerson, Organisation

from .models import Article, ArticleContact, Topic

Kind = Article.Kind

TOPICS = {
    "digital-forvaltning": {
        "name_sv": "Digital förvaltning",
        "name_nb": "Digital forvaltning",
        "name_nn": "Digital forvaltning",
        "name_en": "Digital government",
        "slug_en": "digital-government",
        "description_sv": "Nyheter om digitala tjänster och samverkan i offentlig sektor.",
        "description_en": "News about digital services and cooperation in the public sector.",
    },
    "oppna-data": {
        "name_sv": "Öppna data",
        "name_nb": "Åpne data",
        "name_nn": "Opne data",
        "name_en": "Open data",
        "slug_en": "open-data",
        "slug_nb": "apne-data",
        "slug_nn": "opne-data",
    },
    "kompetens": {
        "name_sv": "Kompetens",
        "name_nb": "Kompetanse",
        "name_nn": "Kompetanse",
        "name_en": "Skills",
        "slug_en": "skills",
        "slug_nb": "kompetanse",
        "slug_nn": "kompetanse-nn",
    },
    "informationssakerhet": {
        "name_sv": "Informationssäkerhet",
        "name_nb": "Informasjonssikkerhet",
        "name_nn": "Informasjonstryggleik",
        "name_en": "Information security",
        "slug_en": "information-security",
    },
    "halsa": {"name_sv": "Hälsa och vård", "name_en": "Health and care", "slug_en": "health"},
    "klimat": {"name_sv": "Klimat och miljö", "name_en": "Climate", "slug_en": "climate"},
}

SEED_LIKE = [
    # Agency news with an interview quote, a film with its length and a background section.
    {
        "key": "nordiska-digitaliseringschefer-mots",
        "organisation": "samverkansmyndigheten",
        "kind": Kind.NEWS,
        "days_ago": 2,
        "topics": ["digital-forvaltning"],
        "contacts": ["Karin Exempelsson"],
        "title_sv": "Nordiska digitaliseringschefer möts i Exempelstad",
        "title_en": "Nordic digital chiefs meet in Exempelstad",
        "lead_sv": "Den 12 mars samlar Samverkansmyndigheten de nordiska ländernas ansvariga "
        "för digital förvaltning för att dela erfarenheter om gemensamma e-tjänster.",
        "lead_en": "On 12 March the Agency for Public Cooperation gathers the Nordic "
        "countries' heads of digital government to share experience of joint e-services.",
        "body_sv": (
            "<p>Mötet tar upp hur medborgare ska kunna använda tjänster över gränserna, "
            "och hur myndigheterna kan dela data på ett säkert sätt.</p>"
            "<p><strong>Helena Fiktivdotter, generaldirektör, vad hoppas du få ut av "
            "dagen?</strong></p>"
            '<figure data-block="quote"><blockquote><p>Vi har mycket att lära av varandra. '
            "Den som flyttar mellan våra länder ska inte behöva börja om från början hos "
            "varje myndighet.</p></blockquote><figcaption><cite>Helena Fiktivdotter</cite>"
            "<small>generaldirektör</small></figcaption></figure>"
            "<h2>Om mötet</h2>"
            "<p>Mötet hålls varje år i ett av de nordiska länderna. I år är det Sveriges "
            "tur, och nästa år tar Norge över.</p>"
            "<h3>Vad händer på mötet?</h3>"
            "<p>Deltagarna delar lärdomar från egna projekt och enas om vilka frågor de "
            "ska driva gemensamt under året.</p>"
        ),
        "body_en": (
            "<p>The meeting discusses how citizens can use services across borders and "
            "how agencies can share data safely.</p>"
            "<p>– We have a lot to learn from each other, says Director General Helena "
            "Fiktivdotter.</p>"
            "<h2>About the meeting</h2>"
            "<p>The meeting is held every year in one of the Nordic countries.</p>"
        ),
        "video_url": "https://www.youtube-nocookie.com/embed/demo0000001",
        "video_title_sv": "Därför möts de nordiska digitaliseringscheferna",
        "video_title_en": "Why the Nordic digital chiefs meet",
        "video_duration": datetime.timedelta(minutes=5),
        "video_transcript_sv": (
            "Helena Fiktivdotter står framför Samverkansmyndighetens entré.\n\n"
            "– Välkommen till Exempelstad. I dag pratar vi om hur våra länders digitala "
            "tjänster kan fungera tillsammans.\n\n"
            "Bilder från konferenssalen där deltagarna sätter sig."
        ),
    },
    # A guest blog post by a named guest author, pointing to a seminar and social channels.
    {
        "key": "expertradet-startar-seminarieserie",
        "organisation": "samverkansmyndigheten",
        "kind": Kind.BLOG,
        "days_ago": 6,
        "topics": ["kompetens", "digital-forvaltning"],
        "guest_author_name": "Lena Gästbloggsson",
        "guest_author_role_sv": "ordförande för Expertrådet för digitala investeringar",
        "guest_author_role_en": "chair of the Expert Council for Digital Investments",
        "title_sv": "Expertrådet för digitala investeringar startar en seminarieserie",
        "title_en": "The Expert Council for Digital Investments starts a seminar series",
        "lead_sv": "I våras inrättades ett expertråd för digitala investeringar. Dagens "
        "gästbloggare är Lena Gästbloggsson, rådets ordförande.",
        "lead_en": "An expert council for digital investments was set up this spring. Today's "
        "guest blogger is Lena Gästbloggsson, the council's chair.",
        "body_sv": (
            "<p>Sedan starten har vi träffat de tolv myndigheter som rådet ska stödja, "
            "och pratat om deras behov och planerade investeringar.</p>"
            "<p>Vi tror att erfarenhetsutbyte är nyckeln. Därför ordnar vi en "
            "seminarieserie, och det första seminariet handlar om agila arbetssätt i "
            "stora förändringsprojekt. Seminariet vänder sig till dig som arbetar med "
            "digitalisering i offentlig förvaltning.</p>"
            '<p data-block="cta"><a href="{events_sv}">Anmäl dig i kalendern</a></p>'
            "<p>Följ rådets arbete på LinkedIn och Mastodon, eller på "
            '<a href="https://expertradet.example/" target="_blank">expertradet.example'
            "</a>.</p>"
        ),
        "body_en": (
            "<p>Since we started we have met the twelve agencies the council supports.</p>"
            "<p>The first seminar in our new series is about agile ways of working in "
            'large change projects. Read more and register in the <a href="{events_en}">'
            "calendar</a>.</p>"
        ),
    },
    # An association's report from a conference: bullet summary, two-day programme,
    # external links opening in a new window and a contact person.
    {
        "key": "intryck-fran-datadagarna",
        "organisation": "oppna-data-foreningen",
        "kind": Kind.REPORT,
        "days_ago": 9,
        "topics": ["oppna-data"],
        "contacts": ["Nils Påhittsson"],
        "title_sv": "Intryck från Datadagarna i Exempelstad",
        "lead_sv": "Föreningen deltog med monter och workshopdeltagare under två dagar på "
        "konferensen Datadagarna.",
        "body_sv": (
            "<h2>Kort sammanfattning</h2>"
            "<ul><li><p>Två intensiva dagar med många inspirerande föredrag</p></li>"
            "<li><p>Mycket samtal om samverkan mellan stat, regioner och kommuner</p></li>"
            "<li><p>Intressanta utblickar mot Danmark och Norge</p></li>"
            "<li><p>Flera efterfrågade gemensamma standarder för öppna data</p></li></ul>"
            "<h2>Dag 1</h2>"
            "<ul><li><p>Workshop om styrning av offentlig digitalisering, där tio grupper "
            "tog fram var sitt förslag.</p></li>"
            "<li><p>Föredrag om automatisering och AI (<a "
            'href="https://datadagarna.example/program/ai" target="_blank">presentationen'
            "</a>).</p></li></ul>"
            "<h2>Dag 2</h2>"
            "<ul><li><p>Panelsamtal om hur fler kan vara med och skapa morgondagens "
            "välfärd.</p></li>"
            "<li><p>Utblick: så arbetar grannländerna med gemensamma datakataloger (<a "
            'href="https://datadagarna.example/program/norden" target="_blank">'
            "presentationen</a>).</p></li></ul>"
            "<p>Vill du veta mer? Kontakta föreningens kansli.</p>"
        ),
    },
    # Region news: people with photos and titles, a fact box, contact and page owner.
    {
        "key": "exempelregionen-starker-digital-kompetens",
        "organisation": "exempelregionen",
        "kind": Kind.NEWS,
        "days_ago": 4,
        "topics": ["kompetens", "digital-forvaltning"],
        "contacts": ["Maja Fiktiv"],
        "page_owner": "Maja Fiktiv",
        "updated_days_ago": 1,
        "related": ["alvsjonas-kommun"],
        "image_caption_sv": "Regiondirektör Eva Exempeldotter leder regionens delegation.",
        "title_sv": "Exempelregionen vill stärka den digitala kompetensen",
        "title_nb": "Eksempelregionen vil styrke den digitale kompetansen",
        "title_en": "Example Region sets out to strengthen digital skills",
        "lead_sv": "Ett fyrtiotal chefer från regionens kommuner reser tillsammans till en "
        "nationell konferens om digital förvaltning.",
        "lead_nb": "Rundt førti ledere fra regionens kommuner reiser sammen til en nasjonal "
        "konferanse om digital forvaltning.",
        "lead_en": "Some forty managers from the region's municipalities travel together to a "
        "national conference on digital government.",
        # Two captioned portraits beside the text, placed with the editor's image block.
        "body_sv": (
            '<figure data-block="image" data-image="{portrait_eva}" data-layout="inset">'
            "<figcaption>Eva Exempeldotter, regiondirektör.</figcaption></figure>"
            "<p>Delegationen leds av regiondirektör Eva Exempeldotter.</p>"
            "<p>– Vi vill få gemensamma referensramar för det fortsatta arbetet på "
            "hemmaplan, säger Eva Exempeldotter.</p>"
            "<h2>Digitala Exempelregionen</h2>"
            "<p>Projektet Digitala Exempelregionen pågår i tre år och omfattar regionens "
            "alla kommuner. Digital kompetens är ett av delprojekten.</p>"
            '<figure data-block="image" data-image="{portrait_tomas}" data-layout="inset">'
            "<figcaption>Tomas Testsson, digital strateg.</figcaption></figure>"
            "<p>– Genom att resa tillsammans kan vi fokusera på det digitala ledarskapet, "
            "säger Tomas Testsson, digital strateg vid Exempelregionen.</p>"
        ),
        "body_nb": "<p>Delegasjonen ledes av regiondirektør Eva Exempeldotter.</p>",
        "body_en": "<p>The delegation is led by Regional Director Eva Exempeldotter.</p>",
        "fact_box_heading_sv": "Fakta om Digitala Exempelregionen",
        "fact_box_heading_en": "About Digital Example Region",
        "fact_box_sv": (
            "<ul><li><p>Treårigt projekt, 2025–2027</p></li>"
            "<li><p>Alla kommuner i regionen deltar</p></li>"
            "<li><p>Sex delprojekt, bland annat digital kompetens och e-hälsa</p></li></ul>"
        ),
        "fact_box_en": "<ul><li><p>Three-year project, 2025–2027</p></li></ul>",
    },
]

SHORT = [
    # (key, organisation, kind, topics, Swedish title, Swedish lead, translated titles)
    (
        "ny-e-tjanst-for-bygglov",
        "alvsjonas-kommun",
        Kind.NEWS,
        ["digital-forvaltning"],
        "Ny e-tjänst för bygglov i Älvsjönäs",
        "Nu kan du söka bygglov dygnet runt.",
        {"en": "New e-service for building permits in Älvsjönäs"},
    ),
    (
        "oppna-data-om-kollektivtrafik",
        "exempelregionen",
        Kind.PRESS_RELEASE,
        ["oppna-data"],
        "Exempelregionen öppnar data om kollektivtrafiken",
        "Tidtabeller och förseningar blir fritt tillgängliga för alla.",
        {
            "en": "Example Region opens its public transport data",
            "nb": "Eksempelregionen åpner data om kollektivtrafikken",
        },
    ),
    (
        "arsrapport-samverkan",
        "analysavdelningen",
        Kind.REPORT,
        ["digital-forvaltning"],
        "Årsrapport: samverkan mellan kommuner ökar",
        "Fler kommuner delar nu e-tjänster med varandra.",
        {},
    ),
    (
        "ny-ordforande-i-foreningen",
        "oppna-data-foreningen",
        Kind.PRESS_RELEASE,
        [],
        "Föreningen väljer ny ordförande",
        "Årsmötet valde en ny ordförande och styrelse.",
        {},
    ),
    (
        "nordfjell-digitale-skjema",
        "nordfjell-kommune",
        Kind.NEWS,
        ["digital-forvaltning"],
        "Nordfjells kommun inför digitala blanketter",
        "Pappersblanketterna ersätts steg för steg.",
        {
            "nb": "Nordfjell kommune innfører digitale skjema",
            "nn": "Nordfjell kommune innfører digitale skjema",
        },
    ),
    (
        "ostervik-kompetanseloft",
        "ostervik-fylkeskommune",
        Kind.NEWS,
        ["kompetens"],
        "Østerviks fylkeskommun satsar på kompetenslyft",
        "Alla anställda erbjuds en grundkurs i digital säkerhet.",
        {
            "nb": "Østervik fylkeskommune satser på kompetanseløft",
            "nn": "Østervik fylkeskommune satsar på kompetanseløft",
            "en": "Østervik County Council invests in skills",
        },
    ),
    (
        "phishing-varning",
        "samverkansmyndigheten",
        Kind.NEWS,
        ["informationssakerhet"],
        "Se upp för falska e-brev i myndighetens namn",
        "Vi skickar aldrig länkar där du ombeds logga in.",
        {"en": "Beware of fake e-mails in the agency's name"},
    ),
    (
        "vardens-digitala-journal",
        "exempelregionen",
        Kind.NEWS,
        ["halsa"],
        "Din journal blir lättare att läsa i appen",
        "Nu visas provsvar med förklaringar.",
        {},
    ),
    (
        "klimatdata-kommuner",
        "analysavdelningen",
        Kind.REPORT,
        ["klimat", "oppna-data"],
        "Rapport: så använder kommunerna klimatdata",
        "Två av tre kommuner använder öppna klimatdata i sin planering.",
        {"en": "Report: how municipalities use climate data"},
    ),
    (
        "blogg-att-skriva-klarsprak",
        "samverkansmyndigheten",
        Kind.BLOG,
        ["kompetens"],
        "Blogg: därför skriver vi klarspråk",
        "Korta meningar hjälper alla läsare.",
        {},
    ),
    (
        "pressmeddelande-budget",
        "alvsjonas-kommun",
        Kind.PRESS_RELEASE,
        [],
        "Älvsjönäs kommun satsar på digital skola",
        "Kommunfullmäktige har beslutat om budgeten för nästa år.",
        {},
    ),
    (
        "sakerhetsovning-region",
        "exempelregionen",
        Kind.NEWS,
        ["informationssakerhet"],
        "Regionen övar krisberedskap med kommunerna",
        "En heldagsövning prövade samarbetet vid ett it-avbrott.",
        {"en": "Region rehearses emergency preparedness with municipalities"},
    ),
    (
        "ny-datakatalog",
        "oppna-data-foreningen",
        Kind.NEWS,
        ["oppna-data"],
        "Gemensam datakatalog lanseras",
        "Över hundra datamängder finns nu på ett ställe.",
        {"en": "Shared data catalogue launched", "nb": "Felles datakatalog lansert"},
    ),
    (
        "nordfjell-bredband",
        "nordfjell-kommune",
        Kind.PRESS_RELEASE,
        ["digital-forvaltning"],
        "Bredband till alla hushåll i Nordfjell",
        "De sista byarna ansluts under hösten.",
        {"nb": "Bredbånd til alle husstander i Nordfjell"},
    ),
    (
        "rapport-e-tjanster",
        "samverkansmyndigheten",
        Kind.REPORT,
        ["digital-forvaltning"],
        "Rapport: medborgarna nöjda med e-tjänsterna",
        "Åtta av tio tycker att det är enkelt att använda myndigheternas e-tjänster.",
        {"en": "Report: citizens satisfied with e-services"},
    ),
    (
        "aesfjord-samarbete",
        "aesfjord-digital",
        Kind.NEWS,
        ["digital-forvaltning"],
        "Æsfjord Digital samarbetar med kommunerna",
        "Företaget ska hjälpa kommunerna att flytta till molnet.",
        {"nb": "Æsfjord Digital samarbeider med kommunene"},
    ),
    (
        "utbildning-for-chefer",
        "exempelregionen",
        Kind.NEWS,
        ["kompetens"],
        "Utbildning i digitalt ledarskap för chefer",
        "Höstens utbildning har platser kvar.",
        {},
    ),
    (
        "blogg-oppen-kallkod",
        "oppna-data-foreningen",
        Kind.BLOG,
        ["oppna-data"],
        "Blogg: öppen källkod i offentlig sektor",
        "Att dela kod sparar pengar och ger bättre tjänster.",
        {"en": "Blog: open source in the public sector"},
    ),
    (
        "vard-pa-distans",
        "exempelregionen",
        Kind.NEWS,
        ["halsa"],
        "Fler möten med vården sker på distans",
        "Videobesök har blivit vanliga i hela regionen.",
        {"en": "More care appointments take place remotely"},
    ),
    (
        "ostervik-klimaplan",
        "ostervik-fylkeskommune",
        Kind.PRESS_RELEASE,
        ["klimat"],
        "Østervik antar ny klimatplan",
        "Utsläppen ska halveras till 2030.",
        {"nb": "Østervik vedtar ny klimaplan", "nn": "Østervik vedtek ny klimaplan"},
    ),
    (
        "tillganglighet-webb",
        "samverkansmyndigheten",
        Kind.NEWS,
        ["digital-forvaltning"],
        "Ny vägledning om tillgängliga webbplatser",
        "Vägledningen hjälper offentliga aktörer att följa lagen.",
        {
            "en": "New guidance on accessible websites",
            "nb": "Ny veiledning om tilgjengelige nettsteder",
            "nn": "Ny rettleiing om tilgjengelege nettstader",
        },
    ),
    (
        "sommaroppet",
        "alvsjonas-kommun",
        Kind.NEWS,
        [],
        "Kommunens kontaktcenter har sommaröppet",
        "Under juli svarar vi i telefon mellan 9 och 15.",
        {},
    ),
    (
        "gamla-radets-sista-rapport",
        "gamla-utvecklingsradet",
        Kind.REPORT,
        [],
        "Utvecklingsrådets slutrapport",
        "Rådet sammanfattar sina tio år av arbete.",
        {},
    ),
    (
        "data-om-luftkvalitet",
        "nordfjell-kommune",
        Kind.NEWS,
        ["klimat", "oppna-data"],
        "Nordfjell publicerar data om luftkvalitet",
        "Mätvärdena uppdateras varje timme.",
        {
            "nb": "Nordfjell publiserer data om luftkvalitet",
            "nn": "Nordfjell publiserer data om luftkvalitet",
        },
    ),
]


PARAGRAPHS = (
    "<p>Det här är en påhittad demonyhet. Personer, platser och siffror är uppdiktade.</p>"
    "<h2>Bakgrund</h2>"
    "<p>Arbetet är en del av en större satsning på enklare och säkrare tjänster.</p>"
)


def portraits():
    """The region's two people, as their pictures' ids in the image library."""
    people = {"eva": "Eva Exempeldotter", "tomas": "Tomas Testsson"}
    return {
        f"portrait_{key}": demo_image(
            f"portrait-{key}", alt_sv=f"Porträtt av {name}", caption_sv=name, size=(800, 1000)
        ).pk
        for key, name in people.items()
    }


def create():
    topics = {key: topic(key, spec) for key, spec in TOPICS.items()}
    organisations = {org.slug_sv: org for org in Organisation.objects.all()}
    now = timezone.now()
    events = {}
    for code in ("sv", "en"):
        with translation.override(code):
            events[f"events_{code}"] = reverse("events:list")
    values = {**events, **portraits()}
    for spec in SEED_LIKE:
        spec = {k: v.format(**values) if k.startswith("body_") else v for k, v in spec.items()}
        article(spec, organisations, topics, now)
    for index, (key, org, kind, topic_keys, title, lead, translations) in enumerate(SHORT):
        spec = {
            "key": key,
            "organisation": org,
            "kind": kind,
            "topics": topic_keys,
            "days_ago": 10 + index * 3,
            "title_sv": title,
            "lead_sv": lead,
            "body_sv": PARAGRAPHS,
            "seo_description_sv": lead,
        }
        if index % 4 == 0:
            spec["fact_box_heading_sv"] = "Fakta"
            spec["fact_box_sv"] = "<ul><li><p>Påhittade siffror för demon.</p></li></ul>"
        # Only the title is translated: the rest falls back to Swedish, marked with lang="sv".
        for code, translated in translations.items():
            spec[f"title_{code}"] = translated
        article(spec, organisations, topics, now)
    # One scheduled for the future and one that has expired: both invisible to readers.
    article(
        {
            "key": "kommande-nyhet-om-e-legitimation",
            "organisation": "samverkansmyndigheten",
            "kind": Kind.PRESS_RELEASE,
            "days_ago": -14,
            "title_sv": "Schemalagd: ny e-legitimation för föreningar",
            "lead_sv": "Publiceras automatiskt om två veckor.",
        },
        organisations,
        topics,
        now,
    )
    article(
        {
            "key": "utgangen-nyhet-om-sommarkurs",
            "organisation": "exempelregionen",
            "kind": Kind.NEWS,
            "days_ago": 60,
            "unpublish_days_ago": 30,
            "title_sv": "Utgången: anmälan till sommarkursen",
            "lead_sv": "Sidan avpublicerades när anmälan stängde.",
        },
        organisations,
        topics,
        now,
    )


def topic(key, spec):
    existing = Topic.objects.filter(slug_sv=key).first()
    if existing:
        return existing
    topic = Topic(slug_sv=key, original_language="sv", **spec)
    topic.full_clean()
    topic.save()
    return topic


def contact(name):
    return ContactPerson.objects.filter(name=name).first()


def article(spec, organisations, topics, now):
    spec = dict(spec)
    key = spec.pop("key")
    if Article.objects.filter(slug_sv=key).exists():
        return
    organisation = organisations.get(spec.pop("organisation"))
    if organisation is None:
        return
    days_ago = spec.pop("days_ago")
    unpublish_days_ago = spec.pop("unpublish_days_ago", None)
    updated_days_ago = spec.pop("updated_days_ago", None)
    topic_keys = spec.pop("topics", [])
    contact_names = spec.pop("contacts", [])
    owner = spec.pop("page_owner", None)
    related = spec.pop("related", [])
    caption = spec.pop("image_caption_sv", "")
    new = Article(
        original_language="sv",  # the demo is written in Swedish, whatever SITE_LANGUAGE says
        slug_sv=key,
        organisation=organisation,
        status=Status.PUBLISHED,
        publish_at=now - datetime.timedelta(days=days_ago, hours=days_ago % 7),
        unpublish_at=(
            now - datetime.timedelta(days=unpublish_days_ago) if unpublish_days_ago else None
        ),
        updated_at=now - datetime.timedelta(days=updated_days_ago) if updated_days_ago else None,
        page_owner=contact(owner) if owner else None,
        image=demo_image(
            f"article-{key}",
            alt_sv=f"Illustration till artikeln {spec['title_sv']}",
            alt_en="Illustration for the article",
            caption_sv=caption,
        ),
        **spec,
    )
    new.full_clean()
    new.save()
    new.topics.set([topics[topic_key] for topic_key in topic_keys])
    new.related_organisations.set([organisations[k] for k in related if k in organisations])
    for position, name in enumerate(contact_names):
        person = contact(name)
        if person:
            ArticleContact.objects.create(article=new, contact=person, position=position)
