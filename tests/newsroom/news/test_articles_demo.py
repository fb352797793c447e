import pytest
from django.utils import translation

from newsroom.news import demo
from newsroom.news.models import Article
from organisations import demo as organisations_demo
from tests.newsroom.core.images.factories import ImageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def one_picture(monkeypatch):
    """Drawing ~40 demo pictures and their renditions is slow and not what is tested here."""
    picture = ImageFactory()
    monkeypatch.setattr(demo, "demo_image", lambda *args, **kwargs: picture)
    monkeypatch.setattr(organisations_demo, "demo_image", lambda *args, **kwargs: picture)


def test_demo_articles_are_complete_and_idempotent(one_picture):
    with translation.override("sv"):
        organisations_demo.create()
        demo.create()
        count = Article.objects.count()
        demo.create()
    assert Article.objects.count() == count >= 30
    published = Article.objects.published()
    assert published.count() == count - 2  # one scheduled, one expired
    assert Article.objects.scheduled().count() == 1
    assert {kind for kind, _label in Article.Kind.choices} == set(
        published.values_list("kind", flat=True)
    )
    for code in ["nb", "nn", "en"]:
        assert Article.objects.exclude(**{f"title_{code}": ""}).exclude(
            **{f"title_{code}__isnull": True}
        )
    film = Article.objects.get(slug_sv="nordiska-digitaliseringschefer-mots")
    assert film.video_url
    assert film.video_duration
    assert film.video_transcript
    guest = Article.objects.get(slug_sv="expertradet-startar-seminarieserie")
    assert guest.guest_author_name
    assert guest.kind == Article.Kind.BLOG
    report = Article.objects.get(slug_sv="intryck-fran-datadagarna")
    assert 'target="_blank"' in report.body
    assert "<ul>" in report.body
    assert report.contacts.exists()
    region = Article.objects.get(slug_sv="exempelregionen-starker-digital-kompetens")
    assert region.fact_box
    assert region.page_owner
    assert region.contacts.exists()
    assert region.updated_at
    assert all(article.image_id for article in Article.objects.all())
