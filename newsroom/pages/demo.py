import datetime

from django.utils import timezone

from newsroom.core.publishing import Status

from . import demo_identities
from .models import Page, SiteSettings

REVIEWED = timezone.make_aware(datetime.datetime(2026, 11, 2, 9, 0))

ACCESSIBILITY_SV = """
<h2>Hur tillgänglig är webbplatsen?</h2>
<p>Vi vet att vissa delar av webbplatsen inte är helt tillgängliga. Se avsnittet om innehåll som
inte är tillgängligt nedan.</p>
<h2>Vad kan du göra om du inte kan använda delar av webbplatsen?</h2>
<p>Om du behöver innehåll från Nyhetsrummet som inte är tillgängligt för dig kan du kontakta oss på
<a href="mailto:info@example.org">info@example.org</a> eller ringa 010-123 45 00. Vi svarar inom två
arbetsdagar och ger dig innehållet i ett format som du kan använda.</p>
<h2>Rapportera brister i webbplatsens tillgänglighet</h2>
<p>Vi strävar hela tiden efter att förbättra webbplatsens tillgänglighet. Om du upptäcker problem
som inte beskrivs på den här sidan, eller om du anser att vi inte uppfyller lagens krav, berätta det
för oss så att vi kan åtgärda problemet. Skriv till <a
href="mailto:tillganglighet@example.org">tillganglighet@example.org</a> eller använd frågan ”Hjälpte
informationen dig?” längst ned på varje sida.</p>
<h2>Tillsyn</h2>
<p>Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn över lagen om tillgänglighet
till digital offentlig service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du
kontakta Digg och påtala det: <a href="https://www.digg.se/tdosanmalan">anmäl bristande
tillgänglighet till Digg</a>.</p>
<h2>Teknisk information om webbplatsens tillgänglighet</h2>
<p>Den här webbplatsen är delvis förenlig med lagen om tillgänglighet till digital offentlig
service, på grund av de brister som beskrivs nedan.</p>
<h3>Innehåll som inte är tillgängligt</h3>
<h4>Bristande förenlighet med lagkraven</h4>
<ul>
<li>Några bilder i nyheter publicerade före november 2026 har alternativtexter som inte beskriver
bildens innehåll tillräckligt (WCAG 1.1.1). Vi går igenom dem senast i mars 2027.</li>
<li>En del inbäddade videor saknar syntolkning (WCAG 1.2.5). Alla videor har undertexter och en
textversion på samma sida.</li>
<li>Några äldre rapporter finns bara som pdf-filer utan taggad struktur, vilket gör dem svåra att
läsa med skärmläsare (WCAG 1.3.1). Du kan beställa dem i ett tillgängligt format.</li>
</ul>
<h4>Oskäligt betungande anpassning</h4>
<p>Vi åberopar inte undantaget för oskäligt betungande anpassning för något innehåll.</p>
<h4>Innehåll som inte omfattas av lagstiftningen</h4>
<p>Direktsända videor från evenemang omfattas inte av lagen. Vi textar inspelningarna när de
publiceras.</p>
<h2>Hur vi testat webbplatsen</h2>
<p>Vi har gjort en egen granskning av webbplatsen. Varje sidtyp testas automatiskt med verktyget axe
vid varje ändring, och vi har testat manuellt med enbart tangentbord, med skärmläsarna NVDA och
VoiceOver, med 400 procents förstoring och på en skärm som är 320 pixlar bred.</p>
<p>Senaste granskningen gjordes den 2 november 2026.</p>
<h2>Om redogörelsen</h2>
<p>Webbplatsen publicerades i oktober 2026. Redogörelsen uppdaterades senast den 2 november
2026.</p>
"""

ACCESSIBILITY_EN = """
<h2>How accessible is the website?</h2>
<p>We know that some parts of the website are not fully accessible. See the section on content that
is not accessible below.</p>
<h2>What to do if you cannot use parts of the website</h2>
<p>If you need content from the Newsroom that is not accessible to you, contact us at <a
href="mailto:info@example.org">info@example.org</a> or call +46 10 123 45 00. We reply within two
working days and give you the content in a format you can use.</p>
<h2>Reporting accessibility problems</h2>
<p>We are always working to improve the accessibility of the website. If you find a problem that is
not described on this page, or think that we do not meet the requirements of the law, tell us so
that we can fix it. Write to <a
href="mailto:tillganglighet@example.org">tillganglighet@example.org</a> or use the question “Was
this page helpful?” at the foot of every page.</p>
<h2>Enforcement procedure</h2>
<p>The Agency for Digital Government (Digg) is responsible for enforcing the Swedish Act on
accessibility to digital public services. If you are not satisfied with how we handle your comments,
you can contact Digg: <a href="https://www.digg.se/tdosanmalan">report a lack of accessibility to
Digg</a>.</p>
<h2>Technical information about the website's accessibility</h2>
<p>This website is partially compliant with the Act on accessibility to digital public services, due
to the problems described below.</p>
<h3>Content that is not accessible</h3>
<h4>Non-compliance with the requirements</h4>
<ul>
<li>Some images in news published before November 2026 have text alternatives that do not describe
them well enough (WCAG 1.1.1). We will review them by March 2027.</li>
<li>Some embedded videos have no audio description (WCAG 1.2.5). All videos have captions and a text
version on the same page.</li>
<li>A few older reports exist only as untagged PDF files, which are hard to read with a screen
reader (WCAG 1.3.1). You can order them in an accessible format.</li>
</ul>
<h4>Disproportionate burden</h4>
<p>We do not claim disproportionate burden for any content.</p>
<h4>Content not within the scope of the law</h4>
<p>Live video of events is not covered by the law. We caption the recordings when they are
published.</p>
<h2>How we tested the website</h2>
<p>We have reviewed the website ourselves. Every page type is tested automatically with axe at every
change, and we have tested by hand with the keyboard only, with the NVDA and VoiceOver screen
readers, at 400 per cent zoom and on a screen 320 pixels wide.</p>
<p>The latest review was made on 2 November 2026.</p>
<h2>About this statement</h2>
<p>The website was published in October 2026. This statement was last updated on 2 November
2026.</p>
"""

PRIVACY_SV = """
<h2>Vem ansvarar för dina personuppgifter?</h2>
<p>Exempelregionen (organisationsnummer 232100-0016) är personuppgiftsansvarig för webbplatsen
Nyhetsrummet. Vårt dataskyddsombud når du på <a
href="mailto:dataskyddsombud@example.org">dataskyddsombud@example.org</a>.</p>
<h2>Inga kakor och ingen spårning</h2>
<p>Webbplatsen sparar inga kakor i din webbläsare när du läser den och använder inga analysverktyg
eller tjänster som spårar dig. Videor från andra webbplatser laddas först när du själv väljer att
spela upp dem.</p>
<h2>Frågan ”Hjälpte informationen dig?”</h2>
<p>Längst ned på varje sida kan du svara ja eller nej och frivilligt skriva en kommentar. Vi
använder svaren för att förbättra innehållet. Vi sparar:</p>
<ul>
<li>vilken sida och vilket språk svaret gäller,</li>
<li>ditt svar (ja eller nej) och din kommentar, om du skriver en,</li>
<li>när du svarade.</li>
</ul>
<p>Vi sparar aldrig din IP-adress, vilken webbläsare du använder eller något annat som kan knytas
till dig. För att stoppa automatiska massutskick räknar vi svar per avsändare under några minuter
med hjälp av en förvrängd kod som byts var tionde minut och raderas när de minuterna har gått.</p>
<h2>Skriv inga personuppgifter i kommentaren</h2>
<p>Skriv inte ditt namn, din adress eller annat om dig själv eller andra i kommentaren. Om
kommentaren ändå innehåller något som liknar en e-postadress, ett telefonnummer eller ett
personnummer tar vi bort det automatiskt innan kommentaren sparas. Vill du ha svar, kontakta oss i
stället på <a href="mailto:info@example.org">info@example.org</a>.</p>
<h2>Hur länge sparar vi kommentarerna?</h2>
<p>Kommentarer sparas i 90 dagar och raderas sedan automatiskt. Själva ja- eller nej-svaret sparas
därefter utan kommentar, som statistik per sida. Bara redaktörer hos Exempelregionen och de
organisationer som publicerar på webbplatsen kan läsa svaren.</p>
<h2>Nyheter via e-post</h2>
<p>Om du prenumererar på nyheter sparar vi bara din e-postadress, vad du vill ha (ämnen,
organisationer eller alla nyheter, hur ofta och på vilket språk) och när du bekräftade
prenumerationen. Inget sparas förrän du har bekräftat via länken i e-postmeddelandet; bekräftar
du inte raderas meddelandet efter 7 dagar. Varje utskick har en länk där du avslutar
prenumerationen, och då raderas din adress. Bara webbplatsens administratörer kan se adresserna.</p>
<h2>Dina rättigheter</h2>
<p>Eftersom vi inte sparar något som kan knytas till dig kan vi i regel inte hitta just ditt svar.
Du har ändå rätt att begära information om och rättelse eller radering av personuppgifter, och att
klaga hos Integritetsskyddsmyndigheten (IMY) om du anser att vi behandlar personuppgifter
felaktigt.</p>
"""

PRIVACY_EN = """
<h2>Who is responsible for your personal data?</h2>
<p>The Example Region (organisation number 232100-0016) is the controller for the Newsroom website.
You can reach our data protection officer at <a
href="mailto:dataskyddsombud@example.org">dataskyddsombud@example.org</a>.</p>
<h2>No cookies and no tracking</h2>
<p>The website stores no cookies in your browser while you read it and uses no analytics or other
services that track you. Videos from other websites load only when you choose to play them.</p>
<h2>The question “Was this page helpful?”</h2>
<p>At the foot of every page you can answer yes or no and, if you like, write a comment. We use the
answers to improve the content. We store:</p>
<ul>
<li>which page and which language the answer is about,</li>
<li>your answer (yes or no) and your comment, if you write one,</li>
<li>when you answered.</li>
</ul>
<p>We never store your IP address, which browser you use or anything else that could identify
you. To stop automated mass submissions we count answers per sender for a few minutes using a
scrambled code that changes every ten minutes and is deleted when those minutes are over.</p>
<h2>Do not write personal data in the comment</h2>
<p>Please do not write your name, address or anything else about yourself or others in the comment.
If a comment still contains something that looks like an e-mail address, a phone number or a
personal identity number, we remove it automatically before the comment is stored. If you would like
a reply, contact us at <a href="mailto:info@example.org">info@example.org</a> instead.</p>
<h2>How long do we keep the comments?</h2>
<p>Comments are kept for 90 days and then deleted automatically. The yes or no answer itself is
kept after that without the comment, as statistics per page. Only editors at the Example Region
and the organisations that publish on the website can read the answers.</p>
<h2>News by e-mail</h2>
<p>If you subscribe to news we store only your e-mail address, what you want (topics,
organisations or all news, how often and in which language) and when you confirmed the
subscription. Nothing is stored until you confirm through the link in the e-mail; if you do not,
that e-mail is deleted after 7 days. Every mail has a link to unsubscribe, which deletes your
address. Only the website's administrators can see the addresses.</p>
<h2>Your rights</h2>
<p>As we store nothing that can be linked to you, we usually cannot find your particular answer. You
still have the right to ask for information about, correction or erasure of personal data, and to
complain to the Swedish Authority for Privacy Protection (IMY) if you think we handle personal data
wrongly.</p>
"""

PAGES = [
    {
        "kind": Page.Kind.ACCESSIBILITY,
        "position": 1,
        "title_sv": "Tillgänglighetsredogörelse",
        "slug_sv": "tillganglighetsredogorelse",
        "lead_sv": "Exempelregionen står bakom webbplatsen Nyhetsrummet. Vi vill att så många som "
        "möjligt ska kunna använda den. Här beskriver vi hur webbplatsen uppfyller lagen om "
        "tillgänglighet till digital offentlig service, vilka brister vi känner till och hur du "
        "rapporterar problem till oss.",
        "body_sv": ACCESSIBILITY_SV,
        "title_en": "Accessibility statement",
        "slug_en": "accessibility-statement",
        "lead_en": "The Example Region runs the Newsroom website. We want as many people as "
        "possible to be able to use it. This statement describes how the website complies with "
        "the Act on accessibility to digital public services, the problems we know of and how "
        "to report problems to us.",
        "body_en": ACCESSIBILITY_EN,
    },
    {
        "kind": Page.Kind.PRIVACY,
        "position": 2,
        "title_sv": "Personuppgifter och kakor",
        "slug_sv": "personuppgifter",
        "lead_sv": "Så behandlar vi personuppgifter på webbplatsen: vi använder inga kakor och "
        "sparar aldrig din IP-adress, och kommentarer till frågan ”Hjälpte informationen dig?” "
        "raderas efter 90 dagar.",
        "body_sv": PRIVACY_SV,
        "title_en": "Privacy notice",
        "slug_en": "privacy",
        "lead_en": "How we handle personal data on this website: we use no cookies and never "
        "store your IP address, and comments on “Was this page helpful?” are deleted after 90 "
        "days.",
        "body_en": PRIVACY_EN,
    },
    {
        "kind": Page.Kind.ABOUT,
        "position": 3,
        "title_sv": "Om webbplatsen",
        "slug_sv": "om-webbplatsen",
        "lead_sv": "Nyhetsrummet samlar nyheter, evenemang och presskontakter från Exempelregionen "
        "och kommunerna som samarbetar i regionen.",
        "body_sv": "<p>Här publicerar regionen och kommunerna pressmeddelanden, nyheter och "
        "rapporter, bjuder in till seminarier och konferenser och berättar vem du kontaktar "
        "med frågor. Allt innehåll finns på svenska och mycket även på engelska.</p>"
        "<p>Webbplatsen bygger på öppen källkod och följer kraven på tillgänglighet för "
        "offentlig sektor.</p>",
        "title_en": "About the website",
        "slug_en": "about-the-website",
        "lead_en": "The Newsroom gathers news, events and press contacts from the Example Region "
        "and the municipalities that work together in the region.",
        "body_en": "<p>The region and the municipalities publish press releases, news and reports "
        "here, invite you to seminars and conferences and tell you whom to contact with "
        "questions. Everything is published in Swedish and much of it in English too.</p>"
        "<p>The website is built on open-source software and meets the accessibility "
        "requirements for the public sector.</p>",
    },
    {
        "kind": Page.Kind.CONTACT,
        "position": 4,
        "title_sv": "Kontakta oss",
        "slug_sv": "kontakt",
        "lead_sv": "Har du frågor om innehållet eller om webbplatsen? Hör av dig till oss.",
        "body_sv": '<h2>Exempelregionen</h2><p>Telefon: <a href="tel:+46101234500">010-123 45 00'
        '</a><br>E-post: <a href="mailto:info@example.org">info@example.org</a></p>'
        "<p>Postadress: Box 100, 123 45 Exempelstad<br>Besöksadress: Storgatan 1, Exempelstad</p>"
        "<h2>Journalister</h2><p>Presskontakter för varje organisation finns på "
        "organisationens sida. Pressjouren nås dygnet runt på 010-123 45 99.</p>",
        "title_en": "Contact us",
        "slug_en": "contact",
        "lead_en": "Questions about the content or the website? Get in touch.",
        "body_en": "<h2>The Example Region</h2>"
        '<p>Phone: <a href="tel:+46101234500">+46 10 123 45 00</a><br>'
        'E-mail: <a href="mailto:info@example.org">info@example.org</a></p>'
        "<p>Postal address: Box 100, SE-123 45 Exempelstad<br>Visiting address: Storgatan 1, "
        "Exempelstad</p><h2>Journalists</h2><p>Press contacts for each organisation are on the "
        "organisation's page. The press office is available around the clock on "
        "+46 10 123 45 99.</p>",
    },
]


def create():
    _site, created = SiteSettings.objects.get_or_create(
        pk=1,
        defaults={
            "site_name_sv": "Nyhetsrummet",
            "site_name_nb": "Nyhetsrommet",
            "site_name_nn": "Nyheitsrommet",
            "site_name_en": "The Newsroom",
            "tagline_sv": "Nyheter, evenemang och kontakter från Exempelregionens samverkan",
            "tagline_en": "News, events and contacts from the Example Region partnership",
            "publisher_name": "Exempelregionen",
            "postal_address": "Box 100\n123 45 Exempelstad",
            "visiting_address": "Storgatan 1, Exempelstad",
            "phone": "010-123 45 00",
            "email": "info@example.org",
            "organisation_number": "232100-0016",
        },
    )
    if created:  # a fresh demo looks like a region's site; manage.py demo_identity switches it
        demo_identities.apply("region")
    for page in PAGES:
        kind, fields = page["kind"], {key: value for key, value in page.items() if key != "kind"}
        Page.objects.get_or_create(
            kind=kind,
            defaults={
                **fields,
                "original_language": "sv",  # the demo is written in Swedish, whatever the site's
                "status": Status.PUBLISHED,
                "publish_at": REVIEWED,
                "updated_at": REVIEWED,
            },
        )
