"""The one visibility rule, at its boundaries, on a concrete Publishable (the site's pages).

``published()`` (SQL) and ``is_published()`` (Python) must agree for every case.
"""

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from newsroom.core.publishing import Status
from newsroom.pages.models import Page

AT = timezone.now().replace(microsecond=0)
TICK = timedelta(microseconds=1)
HOUR = timedelta(hours=1)

# (status, publish_at, unpublish_at, visible at AT)
CASES = {
    "published, no times": (Status.PUBLISHED, None, None, True),
    "published an hour ago": (Status.PUBLISHED, AT - HOUR, None, True),
    "publish_at exactly now": (Status.PUBLISHED, AT, None, True),
    "publish_at a microsecond ahead": (Status.PUBLISHED, AT + TICK, None, False),
    "scheduled in an hour": (Status.PUBLISHED, AT + HOUR, None, False),
    "unpublish_at exactly now": (Status.PUBLISHED, AT - HOUR, AT, False),
    "unpublish_at a microsecond ahead": (Status.PUBLISHED, AT - HOUR, AT + TICK, True),
    "expired an hour ago": (Status.PUBLISHED, AT - 2 * HOUR, AT - HOUR, False),
    "unpublish_at without publish_at": (Status.PUBLISHED, None, AT + HOUR, True),
    "draft with a past publish time": (Status.DRAFT, AT - HOUR, None, False),
    "draft without times": (Status.DRAFT, None, None, False),
    "ready for review": (Status.REVIEW, AT - HOUR, None, False),
    "unpublished": (Status.UNPUBLISHED, AT - HOUR, None, False),
    "window closes before it opens": (Status.PUBLISHED, AT + HOUR, AT - HOUR, False),
}


def page(name, status, publish_at, unpublish_at):
    return Page(
        title_sv=name,
        slug_sv=name.replace(" ", "-"),
        status=status,
        publish_at=publish_at,
        unpublish_at=unpublish_at,
    )


@pytest.mark.parametrize("name", CASES)
def test_is_published_at_the_boundaries(name):
    status, publish_at, unpublish_at, visible = CASES[name]

    assert page(name, status, publish_at, unpublish_at).is_published(at=AT) is visible


@pytest.mark.django_db
def test_published_queryset_mirrors_is_published_for_every_case():
    # bulk_create keeps publish_at empty where the case says so (save() would fill it in).
    pages = Page.objects.bulk_create(page(name, *case[:3]) for name, case in CASES.items())

    in_sql = set(Page.objects.published(at=AT).values_list("title_sv", flat=True))
    in_python = {p.title_sv for p in pages if p.is_published(at=AT)}
    expected = {name for name, case in CASES.items() if case[3]}

    assert in_sql == in_python == expected


@pytest.mark.django_db
def test_scheduled_content_appears_when_its_time_comes_without_any_job():
    scheduled = Page.objects.create(
        title_sv="Snart", slug_sv="snart", status=Status.PUBLISHED, publish_at=AT + HOUR
    )

    assert not Page.objects.published(at=AT).exists()
    assert list(Page.objects.scheduled(at=AT)) == [scheduled]
    assert list(Page.objects.published(at=AT + HOUR)) == [scheduled]
    assert scheduled.is_scheduled(at=AT)
    assert not scheduled.is_scheduled(at=AT + HOUR)


@pytest.mark.django_db
def test_publishing_without_a_time_publishes_at_once_and_records_when():
    before = timezone.now()

    published = Page.objects.create(title_sv="Nu", slug_sv="nu", status=Status.PUBLISHED)
    draft = Page.objects.create(title_sv="Utkast", slug_sv="utkast")

    assert before <= published.publish_at <= timezone.now()
    assert published.is_published()
    assert draft.publish_at is None
    assert list(Page.objects.published()) == [published]


def test_publication_state_tells_editors_what_readers_see():
    now = timezone.now()
    scheduled = page("a", Status.PUBLISHED, now + HOUR, None)
    expired = page("b", Status.PUBLISHED, now - 2 * HOUR, now - HOUR)
    draft = page("c", Status.DRAFT, None, None)

    with translation.override("en"):
        assert str(scheduled.publication_state) == "Scheduled"
        assert str(expired.publication_state) == "Expired"
        assert str(draft.publication_state) == "Draft"
