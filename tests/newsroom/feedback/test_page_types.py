"""Editors filter answers by the kind of page, named in their language, not by code."""

import pytest
from django.urls import reverse

from .factories import FeedbackFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:feedback_feedback_changelist")


@pytest.fixture
def answers(db):
    return [
        FeedbackFactory(page_type="newsroom.article", path="/nyheter/a/"),
        FeedbackFactory(page_type="news:list", path="/nyheter/"),
        FeedbackFactory(page_type="somewhere:unknown", path="/x/"),
    ]


def test_the_page_type_filter_names_models_and_pages(admin_client, answers):
    response = admin_client.get(CHANGELIST, headers={"accept-language": "sv"})
    page = response.content.decode()
    assert ">Artikel</a>" in page
    assert ">Nyheter</a>" in page
    assert ">newsroom.article<" not in page
    assert ">news:list<" not in page
    assert ">somewhere:unknown</a>" in page  # nothing better to say of it


def test_the_filter_selects_the_pages_of_its_kind(admin_client, answers):
    response = admin_client.get(CHANGELIST, {"page_type": "news:list"})
    assert [answer.path for answer in response.context["cl"].result_list] == ["/nyheter/"]


def test_an_answer_shows_its_page_type_by_name(admin_client, answers):
    url = reverse("admin:feedback_feedback_change", args=[answers[0].pk])
    page = admin_client.get(url, headers={"accept-language": "sv"}).content.decode()
    assert "Artikel" in page
    assert "newsroom.article" not in page
