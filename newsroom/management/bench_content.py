"""A reproducible benchmark data set, written with ``bulk_create`` (``manage.py bench_content``).

N published articles of about 600 words, N/100 topics, N/200 organisations with their contact
persons, N/10 events with programmes and contacts (each at least 10), the newest 50 articles
with images, publishing dates spread over ten years up to today.

The text is generated, not copied: a vocabulary of made-up Swedish-looking words (and
English-looking ones for the fifth of the articles that also has an English version) whose
frequencies follow Zipf's law, so that a few words occur in almost every article and most in a
handful; like real words, the frequent ones are short. Everything follows from the seed and
each item's number alone, so article 17 has the same title, text and address whatever N is;
only dates (counted back from today) and the share of organisations, topics and images an
item is linked to depend on N.

``bulk_create`` skips ``save()``: translated columns (``title_sv``, ``slug_sv``, …) and slugs are
set here, the rich text is generated clean (paragraphs, headings, links) and the search index
is rebuilt at the end.
"""

import datetime
import functools
import itertools
import random
import time
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify

from events.models import AttendanceMode, Event, EventContact, EventStatus, ProgrammeItem
from newsroom.core.images.demo import demo_image
from newsroom.core.publishing import Status
from newsroom.news.models import Article, ArticleContact, Topic
from newsroom.pages.demo import create as create_site_pages
from newsroom.search.services import reindex
from organisations.demo import norwegian_number, swedish_number
from organisations.models import ContactPerson, Organisation, SocialLink
from organisations.numbers import mod11_check_digit

try:  # bulk_create sends no signals: the page cache is told once at the end
    from newsroom.core.pagecache import invalidate as invalidate_page_cache
except ImportError:  # a tree without the page cache
    invalidate_page_cache = None

DEFAULT_SEED = 1
SPAN_DAYS = 10 * 365  # articles are spread over the ten years up to today
IMAGED_ARTICLES = 50  # the newest ones have a main image
IMAGES = 6  # drawn once, shared by those articles
ENGLISH_SHARE = 0.2
BATCH = 1000  # articles generated and inserted at a time: memory stays flat at any N
VOCABULARY_SIZE = 40_000
ZIPF_EXPONENT = 1.0


def listed(text):
    """The space-separated items of ``text``; ``_`` stands for the empty string."""
    return ["" if item == "_" else item for item in text.split()]


# Grammatical words come first, as in every language's frequency list; the rest is generated.
FUNCTION_WORDS = {
    "sv": listed(
        "och i att det som en på är av för med till den har de inte om ett var men så vi kan "
        "från vid eller när även under"
    ),
    "en": listed(
        "the of and to in a is that for on with as by it are from at be this an which or was "
        "has not their will more"
    ),
}
# (onsets, vowels, codas, endings) of generated words; repeats make an item more frequent.
SOUNDS = {
    "sv": (
        listed(
            "_ _ b d f g h j k l m n p r s t v bl br dr fl fr gl gr kl kr kv pl pr sk sl sm sn "
            "sp st sv tr str spr skr sj tj"
        ),
        listed("a a a e e e i i o o u y å ä ö"),
        listed("_ _ _ n r l s t k m ng nd rt st ck ll nn rk lt mm tt ns rd gg"),
        listed("_ _ _ _ _ ning het else skap are lig en et arna erna ande isk ad ar or na ens"),
    ),
    "en": (
        listed("_ _ b c d f g h l m n p r s t w th sh ch st pr tr gr cl pl br sp wh"),
        listed("a a e e i o u ea ou ai ee oa"),
        listed("_ _ _ n r l s t nd st ck ll nt rt ng m"),
        listed("_ _ _ _ _ ing ed tion er ly ment ness al ic s ive ity"),
    ),
}
NAME_ENDINGS = ["a", "e", "o", "an", "er", "is", "ina", "ar", "ik", "un", "ela", "ur"]
SURNAME_ENDINGS = ["sson", "berg", "ström", "lund", "qvist", "gren", "dahl", "holm", "sen", "vik"]
ROLES = [
    ("Presschef", "Head of press"),
    ("Pressansvarig", "Press officer"),
    ("Kommunikatör", "Communications officer"),
    ("Kommunikationschef", "Head of communications"),
    ("Handläggare", "Case officer"),
    ("Utredare", "Investigator"),
    ("Enhetschef", "Head of unit"),
    ("Analytiker", "Analyst"),
    ("Projektledare", "Project manager"),
    ("Registrator", "Registrar"),
]
KIND_WEIGHTS = [
    (Article.Kind.NEWS, 60),
    (Article.Kind.PRESS_RELEASE, 20),
    (Article.Kind.BLOG, 10),
    (Article.Kind.REPORT, 10),
]
ORGANISATION_KINDS = [
    (Organisation.Kind.MUNICIPALITY, 35),
    (Organisation.Kind.AGENCY, 25),
    (Organisation.Kind.REGION, 15),
    (Organisation.Kind.ASSOCIATION, 15),
    (Organisation.Kind.COMPANY, 10),
]
# The first three digits of a Swedish organisation number by kind (the third is at least 2).
SWEDISH_PREFIX = {"municipality": "212", "region": "232", "agency": "202", "association": "802"}
SOCIAL = [
    (SocialLink.Service.LINKEDIN, "https://linkedin.example/company/{}"),
    (SocialLink.Service.MASTODON, "https://social.example/@{}"),
    (SocialLink.Service.FACEBOOK, "https://facebook.example/{}"),
    (SocialLink.Service.YOUTUBE, "https://video.example/@{}"),
]
STREAM = "https://video.example/live/{}"
PLAYER = "https://www.youtube-nocookie.com/embed/{}"


def sizes(articles):
    """How many of each kind a data set of ``articles`` articles has."""
    return {
        "articles": articles,
        "topics": max(10, articles // 100),
        "organisations": max(10, articles // 200),
        "events": max(10, articles // 10),
    }


def weighted(rng, pairs):
    return rng.choices([value for value, _ in pairs], weights=[w for _, w in pairs])[0]


class Vocabulary:
    """Generated words of one language, drawn with Zipf-distributed frequencies."""

    def __init__(self, language, seed=DEFAULT_SEED, size=VOCABULARY_SIZE):
        rng = random.Random(f"{seed}:vocabulary:{language}")
        function = FUNCTION_WORDS[language]
        seen, generated = set(function), []
        while len(generated) < size - len(function):
            word = self.make_word(rng, language)
            if word not in seen:
                seen.add(word)
                generated.append(word)
        # Frequent words are short (Zipf's law of abbreviation), with some spread.
        keys = {word: len(word) + 4 * rng.random() for word in generated}
        generated.sort(key=keys.__getitem__)
        self.language = language
        self.generated = generated
        self.words = function + generated
        self.cum_weights = list(
            itertools.accumulate(rank**-ZIPF_EXPONENT for rank in range(1, len(self.words) + 1))
        )

    @staticmethod
    def make_word(rng, language):
        onsets, vowels, codas, endings = SOUNDS[language]
        syllables = rng.choices((1, 2, 3, 4), weights=(4, 6, 2, 1))[0]
        word = "".join(
            rng.choice(onsets) + rng.choice(vowels) + rng.choice(codas) for _ in range(syllables)
        )
        return word + rng.choice(endings)

    def sample(self, rng, count):
        return rng.choices(self.words, cum_weights=self.cum_weights, k=count)

    def content_word(self, rng, lowest=30, highest=3000):
        """A word of middling frequency: for names and headings."""
        return self.generated[rng.randrange(lowest, highest)]

    def common_word(self):
        """The most frequent generated word of five letters or more: in most articles."""
        return next(word for word in self.generated if len(word) >= 5)

    def rare_word(self):
        """A word from the far tail that no other word contains (SQLite matches substrings):
        a few articles at 2,000, tens at 20,000."""
        everything = "\n".join(self.words)
        start = int(len(self.words) * 0.95)
        return next(
            word for word in self.words[start:] if len(word) >= 7 and everything.count(word) == 1
        )


@functools.cache
def vocabulary(language, seed=DEFAULT_SEED):
    """The vocabulary of ``language`` for ``seed``, made once per process (about a second)."""
    return Vocabulary(language, seed)


@dataclass
class Writer:
    """Sentences, paragraphs and names from the vocabularies of one seed."""

    seed: int = DEFAULT_SEED
    vocabularies: dict = field(default_factory=dict)

    def vocabulary(self, language):
        if language not in self.vocabularies:
            self.vocabularies[language] = vocabulary(language, self.seed)
        return self.vocabularies[language]

    def words(self, rng, language, count):
        return self.vocabulary(language).sample(rng, count)

    def sentence(self, rng, language, low=7, high=18):
        words = self.words(rng, language, rng.randint(low, high))
        if len(words) > 10 and rng.random() < 0.4:
            comma = rng.randrange(3, len(words) - 3)
            words[comma] += ","
        return " ".join(words).capitalize() + "."

    def heading(self, rng, language, low=2, high=6):
        vocabulary = self.vocabulary(language)
        words = [
            vocabulary.content_word(rng),
            *self.words(rng, language, rng.randint(low, high) - 1),
        ]
        return " ".join(words).capitalize()

    def title(self, rng, language):
        return self.heading(rng, language, 4, 9)

    def paragraph(self, rng, language, low=3, high=6):
        return " ".join(self.sentence(rng, language) for _ in range(rng.randint(low, high)))

    def body(self, rng, language, words, links=()):
        """About ``words`` words as clean HTML: paragraphs, an ``<h2>`` before every third one,
        and one link per href in ``links``, on three words of a paragraph after the first."""
        paragraphs, count = [], 0
        while count < words:
            paragraphs.append(self.paragraph(rng, language).split(" "))
            count += len(paragraphs[-1])
        for number, href in enumerate(links):
            paragraph = paragraphs[min(len(paragraphs) - 1, 1 + 2 * number)]
            at = rng.randrange(max(1, len(paragraph) - 3))
            last = paragraph[at + 2]
            tail = last[-1] if last[-1] in ".," else ""
            paragraph[at] = f'<a href="{href}">{paragraph[at]}'
            paragraph[at + 2] = f"{last.removesuffix(tail)}</a>{tail}"
        parts = []
        for number, paragraph in enumerate(paragraphs):
            if number and number % 3 == 0:
                parts.append(f"<h2>{self.heading(rng, language)}</h2>")
            parts.append(f"<p>{' '.join(paragraph)}</p>")
        return "\n".join(parts)

    def first_name(self, rng):
        onsets, vowels, codas, _ = SOUNDS["sv"]
        name = rng.choice(onsets[2:]) + rng.choice(vowels) + rng.choice(codas)
        return (name + rng.choice(NAME_ENDINGS)).capitalize()

    def surname(self, rng):
        return (
            self.vocabulary("sv").content_word(rng, 30, 8000) + rng.choice(SURNAME_ENDINGS)
        ).capitalize()

    def person_name(self, rng):
        return f"{self.first_name(rng)} {self.surname(rng)}"

    def place(self, rng):
        return self.vocabulary("sv").content_word(rng, 100, 6000).capitalize()


class Slugs:
    """Slugs made from titles, unique in one language: a repeat gets ``-2``, ``-3`` …"""

    def __init__(self):
        self.taken = set()
        self.order = []

    def make(self, text, limit=80):
        base = slugify(text)[:limit].strip("-") or "sida"
        slug, number = base, 1
        while slug in self.taken:
            number += 1
            slug = f"{base}-{number}"
        self.taken.add(slug)
        self.order.append(slug)
        return slug


def article_texts(writer, seed, start, stop, slugs=None, internal_prefix="/nyheter/"):
    """The texts of articles ``start`` to ``stop``: a dict of translated fields per article.

    ``slugs`` (one ``Slugs`` per language) must have seen every article before ``start``.
    """
    slugs = slugs or {"sv": Slugs(), "en": Slugs()}
    earlier = slugs["sv"].order
    for number in range(start, stop):
        rng = random.Random(f"{seed}:article:{number}")
        fields = {}
        languages = ["sv", "en"] if rng.random() < ENGLISH_SHARE else ["sv"]
        site, page = (slugify(word) for word in writer.words(rng, "sv", 2))
        links = [f"https://www.{site}.example/{page}/"]
        if earlier:
            links.insert(0, f"{internal_prefix}{earlier[rng.randrange(len(earlier))]}/")
        for language in languages:
            title = writer.title(rng, language)
            fields[f"title_{language}"] = title
            fields[f"slug_{language}"] = slugs[language].make(title)
            fields[f"lead_{language}"] = writer.paragraph(rng, language, 2, 2)
            fields[f"body_{language}"] = writer.body(rng, language, rng.randint(540, 660), links)
        yield rng, fields


def check_empty():
    """The models bench_content fills; those that already hold rows."""
    models = [Article, Event, Topic, Organisation, ContactPerson]
    return [model._meta.verbose_name_plural for model in models if model.objects.exists()]


def delete_content():
    """Empty the tables bench_content fills, in an order the foreign keys allow.

    Raw ``DELETE``s: the ORM would load every row to send its signals. Images are kept (the
    bench's ones are reused); search documents are rewritten by ``reindex()``.
    """
    tables = [
        ProgrammeItem,
        EventContact,
        Event.organisers.through,
        Event.related_articles.through,
        Event,
        ArticleContact,
        Article.topics.through,
        Article.related_organisations.through,
        Article,
        Topic,
        ContactPerson,
        SocialLink,
        Organisation.members.through,
    ]
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for model in tables:
            cursor.execute(f"DELETE FROM {quote(model._meta.db_table)}")
        Organisation.objects.update(parent=None)
        cursor.execute(f"DELETE FROM {quote(Organisation._meta.db_table)}")


def analyze():
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


class Builder:
    """Writes one data set; ``run()`` returns the counts and seconds per step."""

    def __init__(self, articles, seed=DEFAULT_SEED, log=print, now=None):
        self.size = sizes(articles)
        self.seed = seed
        self.log = log
        self.now = (now or timezone.now()).replace(microsecond=0)
        self.writer = Writer(seed)
        self.timings = {}
        self.counts = {}

    def rng(self, *key):
        return random.Random(":".join(map(str, (self.seed, *key))))

    def step(self, name, function):
        start = time.perf_counter()
        result = function()
        self.timings[name] = round(time.perf_counter() - start, 2)
        self.log(f"{name}: {self.timings[name]} s")
        return result

    def run(self):
        with translation.override("sv"):
            with transaction.atomic():
                self.step("site pages", create_site_pages)
                self.step("images", self.images)
                self.step("organisations and people", self.organisations)
                self.step("topics", self.topics)
                self.step("articles", self.articles)
                self.step("events", self.events)
            self.step("search index", lambda: self.counts.update(search_documents=reindex()))
            self.step("analyze", analyze)
        if invalidate_page_cache is not None:
            invalidate_page_cache()
        return self.counts, self.timings

    # Images, organisations, people, topics.

    def images(self):
        self.image_ids = [
            demo_image(
                f"bench-{number}",
                alt_sv=f"Bild {number + 1} till nyheterna i testdata",
                alt_en=f"Picture {number + 1} for the benchmark news",
                credit="Testdata",
                size=(1280, 720),
            ).pk
            for number in range(IMAGES)
        ]

    def organisations(self):
        writer, names, slugs = self.writer, set(), {"sv": Slugs(), "en": Slugs(), "nb": Slugs()}
        organisations, socials, parents = [], [], {}
        agencies = []
        for number in range(self.size["organisations"]):
            rng = self.rng("organisation", number)
            kind = weighted(rng, ORGANISATION_KINDS)
            country = (
                Organisation.Country.NORWAY if rng.random() < 0.2 else Organisation.Country.SWEDEN
            )
            while True:
                place = writer.place(rng)
                fields = organisation_names(kind, country, place)
                if fields["name_sv"] not in names:
                    names.add(fields["name_sv"])
                    break
            for language in ("sv", "en", "nb"):
                if fields.get(f"name_{language}"):
                    fields[f"slug_{language}"] = slugs[language].make(fields[f"name_{language}"])
            if fields.get("name_nb"):
                fields["name_nn"] = fields["name_nb"]
            domain = fields["slug_sv"]
            organisations.append(
                Organisation(
                    **fields,
                    kind=kind,
                    country=country,
                    short_name=place[:4].upper() if kind in ("agency", "association") else "",
                    description_sv=f"<p>{writer.paragraph(rng, 'sv', 2, 4)}</p>",
                    description_en=(
                        f"<p>{writer.paragraph(rng, 'en', 2, 3)}</p>"
                        if fields.get("name_en")
                        else ""
                    ),
                    organisation_number=organisation_number(kind, country, number),
                    seat=place,
                    visiting_address=f"{writer.place(rng)}gatan {rng.randint(1, 40)}, {place}",
                    postal_address=f"Box {rng.randint(100, 9999)}\n{rng.randint(100, 989)} "
                    f"{rng.randint(10, 99)} {place}",
                    phone=(
                        f"+4631390{600 + number % 100:04d}"
                        if country == Organisation.Country.SWEDEN
                        else f"+472200{number % 100:04d}"
                    ),
                    email=f"info@{domain}.example",
                    website=f"https://{domain}.example/",
                    is_active=number % 37 != 36,
                )
            )
            if kind == Organisation.Kind.AGENCY:
                if agencies and rng.random() < 0.3:
                    parents[number] = agencies[rng.randrange(len(agencies))]
                agencies.append(number)
            for service, url in rng.sample(SOCIAL, rng.randint(0, 2)):
                socials.append((number, service, url.format(domain)))
        Organisation.objects.bulk_create(organisations, batch_size=500)
        for child, parent in parents.items():
            organisations[child].parent = organisations[parent]
        Organisation.objects.bulk_update([organisations[c] for c in parents], ["parent"])
        SocialLink.objects.bulk_create(
            SocialLink(organisation=organisations[number], service=service, url=url)
            for number, service, url in socials
        )
        self.organisation_list = organisations
        self.people(organisations)
        self.counts.update(organisations=len(organisations), social_links=len(socials))

    def people(self, organisations):
        people = []
        for number, organisation in enumerate(organisations):
            rng = self.rng("people", number)
            for position in range(rng.randint(2, 4)):
                first, last = self.writer.first_name(rng), self.writer.surname(rng)
                role_sv, role_en = ROLES[0 if position == 0 else rng.randrange(1, len(ROLES))]
                sequence = len(people)
                people.append(
                    ContactPerson(
                        name=f"{first} {last}",
                        title_sv=role_sv,
                        title_en=role_en,
                        organisation=organisation,
                        phone=(
                            f"+4670174{605 + sequence % 95:04d}"
                            if organisation.country == Organisation.Country.SWEDEN
                            else f"+474120{sequence % 100:04d}"
                        ),
                        email=f"{slugify(first)}.{slugify(last)}@{organisation.slug_sv}.example",
                        is_public=position == 0 or rng.random() < 0.85,
                        is_press_contact=position == 0,
                    )
                )
        ContactPerson.objects.bulk_create(people, batch_size=500)
        # What articles and events link to: each organisation's public people.
        self.people_of = {}
        for person in people:
            if person.is_public:
                self.people_of.setdefault(person.organisation_id, []).append(person.pk)
        self.counts["contact_persons"] = len(people)

    def topics(self):
        writer, topics = self.writer, []
        slugs = {"sv": Slugs(), "en": Slugs()}
        names = set()
        for number in range(self.size["topics"]):
            rng = self.rng("topic", number)
            while True:
                words = [
                    writer.vocabulary("sv").content_word(rng) for _ in range(rng.randint(1, 2))
                ]
                name = " och ".join(words).capitalize()
                if name not in names:
                    names.add(name)
                    break
            fields = {"name_sv": name, "slug_sv": slugs["sv"].make(name)}
            fields["description_sv"] = writer.sentence(rng, "sv")
            if rng.random() < 0.5:
                name_en = writer.vocabulary("en").content_word(rng).capitalize()
                fields.update(name_en=name_en, slug_en=slugs["en"].make(name_en))
            topics.append(Topic(**fields))
        Topic.objects.bulk_create(topics, batch_size=500)
        self.topic_ids = [topic.pk for topic in topics]
        self.counts["topics"] = len(topics)

    # Articles.

    def publish_at(self, number, count, rng):
        back = datetime.timedelta(days=SPAN_DAYS) * (count - 1 - number) / max(count - 1, 1)
        return self.now - back - datetime.timedelta(minutes=rng.randrange(0, 240))

    def articles(self):
        count = self.size["articles"]
        prefix = reverse("news:detail", kwargs={"slug": "x"})[:-2]
        slugs = {"sv": Slugs(), "en": Slugs()}
        organisations = self.organisation_list
        self.article_ids = []
        totals = dict.fromkeys(["article_topics", "article_contacts", "related_organisations"], 0)
        for start in range(0, count, BATCH):
            stop = min(count, start + BATCH)
            batch, links = [], []
            for number, (rng, texts) in zip(
                range(start, stop),
                article_texts(self.writer, self.seed, start, stop, slugs, prefix),
                strict=True,
            ):
                organisation = organisations[rng.randrange(len(organisations))]
                people = self.people_of.get(organisation.pk, [])
                kind = weighted(rng, KIND_WEIGHTS)
                publish_at = self.publish_at(number, count, rng)
                fields = dict(texts)
                if rng.random() < 0.1:
                    fields["updated_at"] = min(
                        self.now, publish_at + datetime.timedelta(days=rng.randint(1, 30))
                    )
                if rng.random() < 0.1:
                    fields["fact_box_heading_sv"] = "Fakta"
                    items = "".join(
                        f"<li><p>{self.writer.sentence(rng, 'sv', 4, 9)}</p></li>" for _ in range(3)
                    )
                    fields["fact_box_sv"] = f"<ul>{items}</ul>"
                if kind == Article.Kind.BLOG and rng.random() < 0.5:
                    fields["guest_author_name"] = self.writer.person_name(rng)
                    fields["guest_author_role_sv"] = ROLES[rng.randrange(len(ROLES))][0]
                if rng.random() < 0.03:
                    fields.update(
                        video_url=PLAYER.format(f"bench{number}"),
                        video_title_sv=self.writer.heading(rng, "sv"),
                        video_duration=datetime.timedelta(seconds=rng.randint(60, 1800)),
                        video_transcript_sv=self.writer.paragraph(rng, "sv"),
                    )
                image = None
                if number >= count - IMAGED_ARTICLES:
                    image = self.image_ids[number % len(self.image_ids)]
                batch.append(
                    Article(
                        **fields,
                        kind=kind,
                        status=Status.PUBLISHED,
                        publish_at=publish_at,
                        organisation=organisation,
                        page_owner_id=people[0] if people and rng.random() < 0.6 else None,
                        image_id=image,
                    )
                )
                topics = rng.sample(self.topic_ids, rng.randint(1, 3))
                contacts = rng.sample(people, min(len(people), rng.randint(0, 2)))
                related = []
                if rng.random() < 0.15:
                    other = organisations[rng.randrange(len(organisations))]
                    related = [other.pk] if other.pk != organisation.pk else []
                links.append((topics, contacts, related))
            Article.objects.bulk_create(batch)
            topic_rows, contact_rows, related_rows = [], [], []
            for article, (topics, contacts, related) in zip(batch, links, strict=True):
                topic_rows += [
                    Article.topics.through(article_id=article.pk, topic_id=t) for t in topics
                ]
                contact_rows += [
                    ArticleContact(article_id=article.pk, contact_id=c, position=p)
                    for p, c in enumerate(contacts)
                ]
                related_rows += [
                    Article.related_organisations.through(article_id=article.pk, organisation_id=o)
                    for o in related
                ]
                self.article_ids.append(article.pk)
            Article.topics.through.objects.bulk_create(topic_rows)
            ArticleContact.objects.bulk_create(contact_rows)
            Article.related_organisations.through.objects.bulk_create(related_rows)
            totals["article_topics"] += len(topic_rows)
            totals["article_contacts"] += len(contact_rows)
            totals["related_organisations"] += len(related_rows)
            if stop % 10_000 == 0 and stop < count:
                self.log(f"  {stop} articles")
        self.counts.update(articles=count, **totals)

    # Events.

    def events(self):
        count = self.size["events"]
        writer, organisations = self.writer, self.organisation_list
        slugs = {"sv": Slugs(), "en": Slugs()}
        first = self.now - datetime.timedelta(days=SPAN_DAYS - 365)
        step = datetime.timedelta(days=SPAN_DAYS) / count  # the last tenth is still to come
        totals = dict.fromkeys(["programme_items", "event_contacts", "organisers"], 0)
        for start in range(0, count, BATCH):
            events, extras = [], []
            for number in range(start, min(count, start + BATCH)):
                rng = self.rng("event", number)
                organisation = organisations[rng.randrange(len(organisations))]
                people = self.people_of.get(organisation.pk, [])
                zone = "Europe/Oslo" if organisation.country == "NO" else "Europe/Stockholm"
                day = (first + step * (number + 0.5)).astimezone(ZoneInfo(zone)).date()
                begin = datetime.datetime.combine(
                    day, datetime.time(rng.randint(8, 15), rng.choice((0, 30))), ZoneInfo(zone)
                )
                all_day = rng.random() < 0.05
                if all_day:
                    begin = begin.replace(hour=0, minute=0)
                    end = begin + datetime.timedelta(days=rng.randint(1, 2))
                elif rng.random() < 0.1:
                    end = begin + datetime.timedelta(days=1, hours=rng.randint(1, 6))
                else:
                    end = begin + datetime.timedelta(minutes=rng.choice((60, 90, 120, 180)))
                mode = weighted(
                    rng,
                    [
                        (AttendanceMode.ON_SITE, 50),
                        (AttendanceMode.ONLINE, 30),
                        (AttendanceMode.HYBRID, 20),
                    ],
                )
                fields = {}
                for language in ["sv", "en"] if rng.random() < ENGLISH_SHARE else ["sv"]:
                    title = writer.title(rng, language)
                    fields.update(
                        {
                            f"title_{language}": title,
                            f"slug_{language}": slugs[language].make(title),
                            f"lead_{language}": writer.paragraph(rng, language, 1, 2),
                            f"body_{language}": writer.body(rng, language, rng.randint(120, 260)),
                        }
                    )
                if mode != AttendanceMode.ONLINE:
                    place = writer.place(rng)
                    fields["venue_name"] = f"{place}salen, {organisation.seat}"
                    fields["venue_address"] = (
                        f"{writer.place(rng)}gatan {rng.randint(1, 40)}\n{organisation.seat}"
                    )
                if mode != AttendanceMode.ON_SITE:
                    fields["stream_url"] = STREAM.format(fields["slug_sv"])
                if rng.random() < 0.5:
                    fields["registration_url"] = f"https://anmalan.example/{fields['slug_sv']}"
                    fields["registration_deadline"] = begin - datetime.timedelta(days=3)
                    fields["registration_full"] = rng.random() < 0.1
                status = weighted(
                    rng,
                    [
                        (EventStatus.SCHEDULED, 94),
                        (EventStatus.CANCELLED, 4),
                        (EventStatus.POSTPONED, 2),
                    ],
                )
                if status != EventStatus.SCHEDULED:
                    fields["status_note_sv"] = writer.sentence(rng, "sv", 5, 10)
                events.append(
                    Event(
                        **fields,
                        time_zone=zone,
                        start=begin,
                        end=end,
                        all_day=all_day,
                        attendance_mode=mode,
                        event_status=status,
                        status=Status.PUBLISHED,
                        publish_at=min(self.now, begin - datetime.timedelta(days=60)),
                        organisation=organisation,
                        page_owner_id=people[0] if people and rng.random() < 0.5 else None,
                    )
                )
                programme = []
                moment = begin
                for position in range(rng.randint(2, 5)):
                    speaker = (
                        f"{writer.person_name(rng)}, {ROLES[rng.randrange(len(ROLES))][0].lower()}"
                    )
                    programme.append(
                        {
                            "position": position,
                            "time": None if all_day else moment.time(),
                            "title_sv": writer.heading(rng, "sv", 3, 7),
                            "speakers_sv": speaker if rng.random() < 0.7 else "",
                            "contact_id": rng.choice(people)
                            if people and rng.random() < 0.3
                            else None,
                        }
                    )
                    moment += datetime.timedelta(minutes=rng.choice((15, 30, 45)))
                contacts = rng.sample(people, min(len(people), rng.randint(1, 2)))
                organisers = {organisation.pk}
                if rng.random() < 0.3:
                    organisers.add(organisations[rng.randrange(len(organisations))].pk)
                related = []
                if rng.random() < 0.2 and self.article_ids:
                    related = [self.article_ids[rng.randrange(len(self.article_ids))]]
                extras.append((programme, contacts, sorted(organisers), related))
            Event.objects.bulk_create(events)
            items, contact_rows, organiser_rows, related_rows = [], [], [], []
            for event, (programme, contacts, organisers, related) in zip(
                events, extras, strict=True
            ):
                items += [ProgrammeItem(event_id=event.pk, **item) for item in programme]
                contact_rows += [
                    EventContact(event_id=event.pk, contact_id=c, position=p)
                    for p, c in enumerate(contacts)
                ]
                organiser_rows += [
                    Event.organisers.through(event_id=event.pk, organisation_id=o)
                    for o in organisers
                ]
                related_rows += [
                    Event.related_articles.through(event_id=event.pk, article_id=a) for a in related
                ]
            ProgrammeItem.objects.bulk_create(items)
            EventContact.objects.bulk_create(contact_rows)
            Event.organisers.through.objects.bulk_create(organiser_rows)
            Event.related_articles.through.objects.bulk_create(related_rows)
            totals["programme_items"] += len(items)
            totals["event_contacts"] += len(contact_rows)
            totals["organisers"] += len(organiser_rows)
        self.counts.update(events=count, **totals)


def organisation_names(kind, country, place):
    """Names (and English names for some) of an organisation of ``kind`` named after ``place``."""
    norwegian = country == Organisation.Country.NORWAY
    genitive = place if place.endswith(("s", "x", "z")) else f"{place}s"
    if kind == Organisation.Kind.MUNICIPALITY:
        if norwegian:
            return {
                "name_sv": f"{genitive} kommun",
                "name_nb": f"{place} kommune",
                "name_en": f"{place} Municipality",
            }
        return {"name_sv": f"{genitive} kommun", "name_en": f"{place} Municipality"}
    if kind == Organisation.Kind.REGION:
        if norwegian:
            return {"name_sv": f"{genitive} fylkeskommun", "name_nb": f"{place} fylkeskommune"}
        return {"name_sv": f"Region {place}", "name_en": f"{place} Region"}
    if kind == Organisation.Kind.AGENCY:
        if norwegian:
            return {"name_sv": f"{place}direktoratet", "name_nb": f"{place}direktoratet"}
        return {"name_sv": f"{place}myndigheten", "name_en": f"The {place} Agency"}
    if kind == Organisation.Kind.ASSOCIATION:
        if norwegian:
            return {"name_sv": f"Föreningen {place}", "name_nb": f"Foreningen {place}"}
        return {"name_sv": f"Föreningen {place}"}
    suffix = "AS" if norwegian else "AB"
    return {"name_sv": f"{place} {suffix}"}


def organisation_number(kind, country, number):
    """A valid, distinct organisation number for the ``number``-th organisation."""
    if country == Organisation.Country.NORWAY:
        candidate = 90_000_000 + number * 11
        while mod11_check_digit(str(candidate)) is None:  # mod 11 has none for some
            candidate += 1
        return norwegian_number(str(candidate))
    prefix = SWEDISH_PREFIX.get(kind, "556")
    return swedish_number(f"{prefix}{number:06d}")
