"""manage.py bench_content: a small data set is complete, valid, renders and is reproducible."""

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from events.models import Event, EventContact, ProgrammeItem
from newsroom.management import bench_content
from newsroom.news.models import Article, Topic
from organisations.models import ContactPerson, Organisation
from organisations.numbers import normalise_organisation_number

pytestmark = pytest.mark.django_db
ARTICLES = 30
URLS = Path(__file__).resolve().parents[2] / "bench" / "wagtail-compare-urls.txt"


@pytest.fixture(autouse=True)
def _few_images(monkeypatch):
    monkeypatch.setattr(bench_content, "IMAGES", 2)  # drawing them is most of a tiny run


def make(*, seed=1, flush=False):
    out = io.StringIO()
    call_command("bench_content", articles=ARTICLES, seed=seed, flush=flush, stdout=out)
    return out.getvalue()


def titles():
    return list(Article.objects.order_by("publish_at").values_list("title_sv", "slug_en"))


def test_a_small_data_set_has_everything_and_renders(client):
    output = make()
    assert f"bench_content: {ARTICLES} articles" in output

    assert Article.objects.published().count() == ARTICLES
    assert Topic.objects.count() == Organisation.objects.count() == Event.objects.count() == 10
    assert ContactPerson.objects.count() >= 20
    assert ProgrammeItem.objects.count() >= 20
    assert EventContact.objects.count() >= 10
    assert Article.objects.exclude(title_en=None).exclude(title_en="").exists()
    assert not Article.objects.filter(image=None).exists()  # fewer than 50: all have images
    assert Article.topics.through.objects.count() >= ARTICLES
    for organisation in Organisation.objects.all():
        normalise_organisation_number(organisation.organisation_number, organisation.country)
    for model, language in [(Article, "sv"), (Article, "en"), (Event, "sv"), (Topic, "sv")]:
        slugs = [s for s in model.objects.values_list(f"slug_{language}", flat=True) if s]
        assert len(slugs) == len(set(slugs)) > 0

    article = Article.objects.order_by("-publish_at").first()
    words = article.body_sv.count(" ") + 1
    assert 500 < words < 800
    assert "<h2>" in article.body_sv
    assert '<a href="/nyheter/' in article.body_sv
    years = {a.publish_at.year for a in Article.objects.all()}
    assert len(years) >= 5

    event = Event.objects.published().upcoming().first()
    topic = Topic.objects.first()
    organisation = Organisation.objects.active().first()
    common = bench_content.Vocabulary("sv").common_word()
    with translation.override("sv"):
        pages = [
            reverse("home"),
            reverse("news:list"),
            article.get_absolute_url(),
            topic.get_absolute_url(),
            reverse("events:list"),
            event.get_absolute_url(),
            reverse("organisations:list"),
            organisation.get_absolute_url(),
            f"{reverse('search')}?q={common}",
        ]
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
    # The common word is found: some article that contains it is among the results.
    containing = Article.objects.filter(body_sv__contains=common).values_list("title_sv", flat=True)
    assert any(title in response.content.decode() for title in containing)


def test_the_same_seed_gives_the_same_data_and_another_seed_other_data():
    make()
    first = titles()
    with pytest.raises(CommandError, match="--flush"):
        make()
    make(flush=True)
    assert titles() == first
    assert Article.objects.count() == ARTICLES
    make(seed=2, flush=True)
    assert titles() != first


def test_the_wagtail_comparison_asks_for_the_newest_article_of_2000_with_seed_1():
    """bench/wagtail-compare-urls.txt names that article's address; texts depend on no database."""
    writer = bench_content.Writer(1)
    *_, (_rng, newest) = bench_content.article_texts(writer, 1, 0, 2000)
    cases = dict(line.split()[:2] for line in URLS.read_text().splitlines() if line[:1].isalpha())
    assert cases["detail"] == f"/nyheter/{newest['slug_sv']}/"
