"""Fictional demo events across the demo organisations. Idempotent.

Dates are relative to the day the demo is first loaded, so it stays fresh; an event that exists
already (looked up by its Swedish slug) is left as it is, so a second run shifts nothing.
"""

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

from newsroom.core.images.demo import demo_image
from newsroom.core.publishing import Status
from organisations.models import ContactPerson, Organisation

from .models import AttendanceMode, Event, EventStatus, ProgrammeItem

STREAM = "https://video.example/live/"
PLAYER = "https://www.youtube-nocookie.com/embed/live_stream?channel=UCdemoNewsroom"


def at(days, hour=0, minute=0, zone="Europe/Stockholm"):
    """A wall-clock time ``days`` from today in ``zone``."""
    tz = ZoneInfo(zone)
    day = timezone.now().astimezone(tz).date() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=tz)


def day(days, zone="Europe/Stockholm"):
    return at(days, zone=zone).date()


def events():
    return [
        {
            "key": "frukostseminarium-oppna-data",
            "organisation": "oppna-data-foreningen",
            "organisers": ["oppna-data-foreningen", "exempelregionen"],
            "contacts": ["Nils Påhittsson"],
            "page_owner": "Nils Påhittsson",
            "title_sv": "Frukostseminarium: öppna data i kommunerna",
            "title_en": "Breakfast seminar: open data in municipalities",
            "lead_sv": "Hur kommer en kommun i gång med att publicera öppna data? "
            "Tre kommuner berättar om sina första steg.",
            "lead_en": "How does a municipality start publishing open data? "
            "Three municipalities share their first steps.",
            "body_sv": "<p>Seminariet vänder sig till dig som arbetar med digitalisering, "
            "arkiv eller kommunikation i en kommun. Frukost serveras från 07.45.</p>",
            "body_en": "<p>For staff working with digitalisation, archives or communication "
            "in a municipality. Breakfast is served from 07:45.</p>",
            "start": at(12, 8, 0),
            "end": at(12, 9, 30),
            "venue_name": "Regionhuset, sal Ådalen",
            "venue_address": "Storgatan 10\n123 45 Exempelstad",
            "registration_url": "https://anmalan.example/oppna-data",
            "registration_deadline": at(9, 12, 0),
            "image": ("event-frukostseminarium", "Kaffekoppar och anteckningsblock på ett bord"),
            "programme": [
                ((8, 0), "Välkommen", "Nils Påhittsson, ordförande"),
                (
                    (8, 10),
                    "Så publicerade vi våra första dataset",
                    "Lisa Exempeldotter, dataansvarig, Älvsjönäs kommun",
                ),
                ((9, 0), "Frågor och samtal", ""),
            ],
        },
        {
            "key": "webbinarium-tillganglighet",
            "organisation": "samverkansmyndigheten",
            "contacts": ["Johan Påhittad"],
            "page_owner": "Karin Exempelsson",
            "title_sv": "Webbinarium: tillgänglighet i digitala tjänster",
            "title_en": "Webinar: accessibility in digital services",
            "lead_sv": "Vad kräver lagen om tillgänglighet till digital offentlig service, "
            "och hur testar man sina e-tjänster? Följ webbinariet direkt här.",
            "lead_en": "What does the accessibility law require, and how do you test your "
            "e-services? Follow the webinar live here.",
            "start": at(16, 10, 0),
            "end": at(16, 11, 30),
            "attendance_mode": AttendanceMode.ONLINE,
            "stream_url": STREAM + "tillganglighet",
            "player_url": PLAYER,
            "stream_note_sv": "Sändningen startar 09.50.",
            "stream_note_en": "The stream starts at 09:50.",
            "programme": [
                ((10, 0), "Lagkraven i korthet", "Johan Påhittad, kommunikatör"),
                ((10, 30), "Att testa med skärmläsare", "Eva Provsson, tillgänglighetsexpert"),
                ((11, 10), "Frågor från chatten", ""),
            ],
        },
        {
            "key": "regional-digitaliseringskonferens",
            "organisation": "exempelregionen",
            "related_articles": ["exempelregionen-starker-digital-kompetens"],
            "organisers": ["exempelregionen", "samverkansmyndigheten", "alvsjonas-kommun"],
            "contacts": ["Maja Fiktiv"],
            "page_owner": "Maja Fiktiv",
            "title_sv": "Regional digitaliseringskonferens",
            "title_en": "Regional digitalisation conference",
            "lead_sv": "Två dagar om gemensamma e-tjänster, informationssäkerhet och "
            "kompetens. På plats i Exempelstad och direktsänt.",
            "lead_en": "Two days on shared e-services, information security and skills. "
            "On site in Exempelstad and streamed live.",
            "start": at(34, 9, 0),
            "end": at(35, 16, 0),
            "attendance_mode": AttendanceMode.HYBRID,
            "venue_name": "Kongresshallen Exempelstad",
            "venue_address": "Hamngatan 5\n123 40 Exempelstad",
            "stream_url": STREAM + "konferens",
            "stream_note_sv": "Sändningen öppnar en kvart före start båda dagarna.",
            "stream_note_en": "The stream opens a quarter of an hour before each day starts.",
            "registration_url": "https://anmalan.example/konferens",
            "registration_full": True,
            "image": ("event-konferens", "Publik i en stor konferenssal"),
            "programme": [
                ((9, 0), "Öppning", "Maja Fiktiv, pressansvarig", 34),
                ((9, 30), "Gemensamma e-tjänster i regionen", "Ali Testberg, analyschef", 34),
                ((13, 0), "Informationssäkerhet i praktiken", "Tomas Övningsson, CISO", 34),
                ((9, 0), "Kompetens för digital omställning", "Sara Lundgren-Exempel", 35),
                ((15, 0), "Avslutning och nästa steg", "", 35),
            ],
        },
        {
            "key": "seminarium-agila-arbetssatt",
            "organisation": "samverkansmyndigheten",
            "contacts": ["Karin Exempelsson"],
            "page_owner": "Johan Påhittad",
            "related_articles": ["expertradet-startar-seminarieserie"],
            "title_sv": "Seminarium: agila arbetssätt i stora förändringsprojekt",
            "title_en": "Seminar: agile ways of working in large change projects",
            "lead_sv": "Första seminariet i Expertrådets serie om digitala investeringar. "
            "För dig som arbetar med digitalisering i offentlig förvaltning.",
            "lead_en": "The first seminar in the Expert Council's series on digital "
            "investments, for staff working on digitalisation in public administration.",
            "start": at(26, 9, 30),
            "end": at(26, 12, 0),
            "attendance_mode": AttendanceMode.HYBRID,
            "venue_name": "Samverkansmyndigheten, hörsalen",
            "venue_address": "Samverkansgatan 3\nExempelstad",
            "stream_url": STREAM + "agilt",
            "registration_url": "https://anmalan.example/agilt",
            "registration_deadline": at(20, 23, 59),
            "programme": [
                ((9, 30), "Varför agilt i offentlig sektor?", "Lena Gästbloggsson, ordförande"),
                (
                    (10, 15),
                    "Erfarenheter från ett stort IT-projekt",
                    "Fredrik Provare, programchef",
                ),
                ((11, 15), "Panelsamtal", "Lena Gästbloggsson\nFredrik Provare"),
            ],
        },
        {
            "key": "oppet-hus-stadsarkivet",
            "organisation": "alvsjonas-kommun",
            "contacts": ["Sara Lundgren-Exempel"],
            "title_sv": "Öppet hus på stadsarkivet",
            "title_en": "Open day at the city archives",
            "lead_sv": "Se hur kommunens handlingar digitaliseras och bevaras. "
            "Kom när du vill under dagen.",
            "lead_en": "See how the municipality's records are digitised and preserved. "
            "Drop in at any time during the day.",
            "all_day": True,
            "start": at(23),
            "end": at(24),
            "venue_name": "Stadsarkivet Älvsjönäs",
            "venue_address": "Arkivgränd 2\n999 90 Älvsjönäs",
        },
        {
            "key": "digital-samling-ostervik",
            "organisation": "ostervik-fylkeskommune",
            "organisers": ["ostervik-fylkeskommune", "nordfjell-kommune"],
            "contacts": ["Ola Prøvesen"],
            "page_owner": "Kari Eksempelsen",
            "time_zone": "Europe/Oslo",
            "title_nn": "Følg den digitale samlinga for kommunane i Østervik",
            "title_nb": "Følg den digitale samlingen for kommunene i Østervik",
            "title_sv": "Digital samling för kommunerna i Østervik",
            "slug_nn": "digital-samling-ostervik-nn",
            "slug_nb": "digital-samling-ostervik-nb",
            "lead_nn": "Fylkesordføraren inviterer ordførarane i fylket til ei felles digital "
            "samling om korleis kommunane kan digitalisere tenestene sine saman. "
            "Følg sendinga her.",
            "lead_nb": "Fylkesordføreren inviterer ordførerne i fylket til en felles digital "
            "samling om hvordan kommunene kan digitalisere tjenestene sine sammen.",
            "lead_sv": "Fylkesordföranden bjuder in fylkets kommunalråd till en gemensam "
            "digital samling om hur kommunerna kan digitalisera sina tjänster tillsammans.",
            "body_nn": "<p>No har alle kommunane i fylket slutta seg til samarbeidet om "
            "digitale tenester. Samlinga skal gjere greie for kvar vi står, og peike ut "
            "vegen vidare for innbyggjarane og næringslivet.</p>",
            "start": at(19, 13, 30, "Europe/Oslo"),
            "end": at(19, 15, 0, "Europe/Oslo"),
            "attendance_mode": AttendanceMode.ONLINE,
            "stream_url": STREAM + "ostervik",
            "player_url": PLAYER,
            "stream_note_nn": "Sendinga opnar klokka 13.20.",
            "stream_note_nb": "Sendingen åpner klokken 13.20.",
            "programme": [
                ((13, 30), "Velkomen", "Ingrid Fjellstad, fylkesordførar i Østervik"),
                (
                    (13, 40),
                    "Kvifor samarbeide om digitalisering?",
                    "Håkon Lidvin, ordførar i Nordfjell",
                ),
                (
                    (14, 0),
                    "Status i samarbeidet og fokus i neste fase",
                    "Sunniva Brekke, leiar for digitaliseringsnettverket",
                ),
                (
                    (14, 30),
                    "Debatt: Korleis sikre politisk forankring av den digitale omstillinga?",
                    "Ordførarar frå kommunane i fylket",
                ),
            ],
            "programme_sv": [
                ("Välkommen", "Ingrid Fjellstad, fylkesordförande i Østervik"),
                ("Varför samarbeta om digitalisering?", "Håkon Lidvin, kommunalråd i Nordfjell"),
                (
                    "Läget i samarbetet och nästa fas",
                    "Sunniva Brekke, chef för digitaliseringsnätverket",
                ),
                (
                    "Debatt: Hur säkrar vi den politiska förankringen av den digitala "
                    "omställningen?",
                    "Kommunalråd från fylkets kommuner",
                ),
            ],
            "updated_at": at(-1, 9, 0),
        },
        {
            "key": "forelasning-ai-offentlig-sektor",
            "organisation": "samverkansmyndigheten",
            "event_status": EventStatus.CANCELLED,
            "status_note_sv": "Föreläsningen är inställd på grund av sjukdom. "
            "Anmälda får besked via e-post.",
            "status_note_en": "The lecture is cancelled due to illness. "
            "Registered participants will be told by e-mail.",
            "title_sv": "Föreläsning: AI i offentlig sektor",
            "title_en": "Lecture: AI in the public sector",
            "lead_sv": "Möjligheter och risker med AI i myndigheternas handläggning.",
            "lead_en": "Opportunities and risks of AI in public case handling.",
            "start": at(27, 14, 0),
            "end": at(27, 16, 0),
            "venue_name": "Samverkansmyndigheten, hörsalen",
            "venue_address": "Samverkansgatan 3\nExempelstad",
            "registration_url": "https://anmalan.example/ai",
        },
        {
            "key": "medborgardialog-cykelvagar",
            "organisation": "alvsjonas-kommun",
            "event_status": EventStatus.POSTPONED,
            "status_note_sv": "Mötet skjuts upp. Nytt datum meddelas här.",
            "status_note_en": "The meeting is postponed. A new date will be announced here.",
            "title_sv": "Medborgardialog om nya cykelvägar",
            "title_en": "Public dialogue on new cycle paths",
            "lead_sv": "Tyck till om var kommunen ska bygga cykelvägar de kommande åren.",
            "lead_en": "Have your say on where the municipality should build cycle paths.",
            "start": at(40, 18, 0),
            "end": at(40, 20, 0),
            "venue_name": "Folkets hus Älvsjönäs",
        },
        {
            "key": "samradsmote-oversiktsplan",
            "organisation": "exempelregionen",
            "event_status": EventStatus.MOVED_ONLINE,
            "status_note_sv": "Mötet hålls digitalt i stället för i regionhuset.",
            "status_note_en": "The meeting is held online instead of at the regional office.",
            "title_sv": "Samrådsmöte om regionplanen",
            "title_en": "Consultation meeting on the regional plan",
            "lead_sv": "Regionen presenterar förslaget till regionplan och svarar på frågor.",
            "lead_en": "The region presents its draft regional plan and answers questions.",
            "start": at(9, 17, 0),
            "end": at(9, 19, 0),
            "attendance_mode": AttendanceMode.ONLINE,
            "stream_url": "https://meet.example/regionplan",
        },
        {
            "key": "utstallning-digitaliseringens-historia",
            "organisation": "exempelregionen",
            "title_sv": "Utställning: digitaliseringens historia",
            "title_en": "Exhibition: a history of digitalisation",
            "lead_sv": "Från hålkort till e-legitimation: en utställning i regionhusets foajé.",
            "lead_en": "From punched cards to e-ID: an exhibition in the regional office foyer.",
            "all_day": True,
            "start": at(-3),
            "end": at(11),
            "venue_name": "Regionhuset, foajén",
            "venue_address": "Storgatan 10\n123 45 Exempelstad",
        },
        {
            "key": "workshop-klarsprak",
            "organisation": "samverkansmyndigheten",
            "contacts": ["Johan Påhittad"],
            "title_sv": "Workshop: klarspråk på webben",
            "title_en": "Workshop: plain language on the web",
            "lead_sv": "En halvdag om att skriva begripliga texter för myndighetens webbplats.",
            "lead_en": "Half a day on writing clear texts for the agency's website.",
            "start": at(-20, 13, 0),
            "end": at(-20, 16, 30),
            "venue_name": "Samverkansmyndigheten, rum Klara",
            "registration_url": "https://anmalan.example/klarsprak",
        },
        {
            "key": "lansering-e-tjansteportalen",
            "organisation": "alvsjonas-kommun",
            "title_sv": "Lansering av den nya e-tjänsteportalen",
            "title_en": "Launch of the new e-service portal",
            "lead_sv": "Kommunen visar den nya portalen för e-tjänster i en direktsändning.",
            "lead_en": "The municipality shows its new e-service portal in a live broadcast.",
            "start": at(-45, 11, 0),
            "end": at(-45, 11, 45),
            "attendance_mode": AttendanceMode.ONLINE,
            "stream_url": STREAM + "portal",
        },
        {
            "key": "natverkstraff-informationssakerhet",
            "organisation": "exempelregionen",
            "organisers": ["exempelregionen", "nordfjell-kommune"],
            "title_sv": "Nätverksträff för informationssäkerhet",
            "title_nb": "Nettverkssamling for informasjonssikkerhet",
            "title_en": "Information security network meeting",
            "lead_sv": "Två dagar med erfarenhetsutbyte mellan svenska och norska kommuner.",
            "lead_nb": "To dager med erfaringsutveksling mellom svenske og norske kommuner.",
            "lead_en": "Two days of exchange between Swedish and Norwegian municipalities.",
            "start": at(-60, 10, 0),
            "end": at(-59, 15, 0),
            "attendance_mode": AttendanceMode.HYBRID,
            "venue_name": "Gränshotellet",
            "venue_address": "Fjällvägen 1\nExempelfjäll",
            "stream_url": "https://meet.example/natverk",
        },
    ]


def create():
    created = {}
    for spec in events():
        spec = dict(spec)
        key = spec.pop("key")
        organisers = spec.pop("organisers", [])
        contacts = spec.pop("contacts", [])
        programme = spec.pop("programme", [])
        programme_sv = spec.pop("programme_sv", None)
        page_owner = spec.pop("page_owner", None)
        image = spec.pop("image", None)
        related_articles = spec.pop("related_articles", [])
        spec.setdefault("slug_sv", key)
        event = Event.objects.filter(slug_sv=spec["slug_sv"]).first()
        if event is None:
            spec["organisation"] = Organisation.objects.get(slug_sv=spec["organisation"])
            if page_owner:
                spec["page_owner"] = ContactPerson.objects.get(name=page_owner)
            if image:
                spec["image"] = demo_image(image[0], alt_sv=image[1])
            spec.setdefault("publish_at", min(spec["start"], at(0)) - datetime.timedelta(days=14))
            spec.setdefault("original_language", "sv")  # the demo is written in Swedish
            event = Event(status=Status.PUBLISHED, **spec)
            event.full_clean()
            event.save()
            event.organisers.set(Organisation.objects.filter(slug_sv__in=organisers))
            for position, name in enumerate(contacts):
                event.event_contacts.create(
                    contact=ContactPerson.objects.get(name=name), position=position
                )
            # The news app's model, without importing it: content apps stand side by side.
            articles = event.related_articles.model.objects.filter(slug_sv__in=related_articles)
            event.related_articles.set(articles)
            create_programme(event, programme, programme_sv)
        created[key] = event
    return created


def create_programme(event, programme, programme_sv=None):
    """Items as (time, title, speakers[, day offset]) in the event's first language; a
    Norwegian event also gets Swedish texts (``programme_sv``), the language every page falls
    back to."""
    language = "nn" if event.title_nn else "sv"
    for position, (time, title, speakers, *when) in enumerate(programme, start=1):
        texts = {f"title_{language}": title, f"speakers_{language}": speakers}
        if programme_sv:
            texts["title_sv"], texts["speakers_sv"] = programme_sv[position - 1]
        item = ProgrammeItem(
            event=event,
            position=position,
            time=datetime.time(*time),
            day=day(when[0], event.time_zone) if when else None,
            **texts,
        )
        item.full_clean()
        item.save()
