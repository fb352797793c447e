import threading
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection

from newsroom.feedback import tokens
from newsroom.feedback.models import Feedback

from .conftest import REF, endpoint, form_token, post_answer, post_comment


def _follow(client, response):
    assert response.status_code == 303
    location = response["Location"]
    assert location.endswith("#feedback")
    return client.get(location.split("#")[0]), location


@pytest.mark.django_db
def test_whole_flow_without_javascript(client):
    page = client.get("/")
    assert f'action="{endpoint("answer")}"' in page.content.decode()
    token = form_token(client)

    followup, location = _follow(client, post_answer(client, token, "no"))
    assert urlsplit(location).path == "/"
    assert "feedback" in parse_qs(urlsplit(location).query)
    html = followup.content.decode()
    assert 'name="comment"' in html
    assert 'maxlength="1000"' in html
    answer = Feedback.objects.get()
    assert answer.helpful is False
    assert answer.path == "/"
    assert answer.language == "sv"
    assert answer.page_type == "home"
    assert answer.comment == ""

    ref = REF.search(html).group(1)
    thanks, _location = _follow(client, post_comment(client, ref, "Texten var svår."))
    assert 'class="feedback__thanks"' in thanks.content.decode()
    answer.refresh_from_db()
    assert answer.comment == "Texten var svår."
    assert Feedback.objects.count() == 1


@pytest.mark.django_db
def test_whole_flow_with_javascript_gets_html_in_place(client):
    token = form_token(client, "/en/")
    response = post_answer(client, token, "yes", json=True)
    assert response.status_code == 200
    body = response.json()
    assert body["step"] == "comment"
    assert "What helped you?" in body["html"]
    ref = REF.search(body["html"]).group(1)
    response = post_comment(client, ref, "Clear.", json=True)
    assert response.json()["step"] == "thanks"
    assert "Thank you for helping us!" in response.json()["html"]
    answer = Feedback.objects.get()
    assert (answer.language, answer.path, answer.helpful, answer.comment) == (
        "en",
        "/en/",
        True,
        "Clear.",
    )


@pytest.mark.django_db
def test_form_is_in_every_language(client):
    assert "Was this page helpful?" in client.get("/en/").content.decode()
    for prefix, language in [("", "sv"), ("/nb", "nb"), ("/nn", "nn"), ("/en", "en")]:
        html = client.get(f"{prefix}/").content.decode()
        assert f'action="{endpoint("answer", language)}"' in html


@pytest.mark.django_db
def test_not_found_page_has_no_form(client):
    response = client.get("/does-not-exist/")
    assert response.status_code == 404
    assert 'id="feedback"' not in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["", "?feedback=garbage"])
def test_reader_get_sets_no_cookie_and_does_not_vary_on_cookie(client, query):
    response = client.get(f"/{query}")
    assert 'id="feedback"' in response.content.decode()
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")


@pytest.mark.django_db
def test_steps_after_posts_set_no_cookie(client):
    response = post_answer(client, form_token(client))
    assert not response.cookies
    page = client.get(response["Location"].split("#")[0])
    assert not page.cookies
    assert "Cookie" not in page.get("Vary", "")


@pytest.mark.django_db
def test_retried_answer_is_stored_once(client):
    token = form_token(client)
    first = post_answer(client, token, "yes")
    second = post_answer(client, token, "yes")
    assert first.status_code == second.status_code == 303
    assert Feedback.objects.count() == 1


@pytest.mark.django_db
def test_changed_answer_with_the_same_token_replaces_it(client):
    token = form_token(client)
    post_answer(client, token, "yes")
    post_answer(client, token, "no")
    assert list(Feedback.objects.values_list("helpful", flat=True)) == [False]


@pytest.mark.django_db
def test_two_renders_are_two_answers(client):
    post_answer(client, form_token(client), "yes")
    post_answer(client, form_token(client), "yes")
    assert Feedback.objects.count() == 2


@pytest.mark.django_db
def test_readers_of_one_cached_copy_are_separate_answers(client):
    token = form_token(client)
    post_answer(client, token, "yes", remote_addr="192.0.2.1")
    post_answer(client, token, "yes", remote_addr="192.0.2.2")
    assert Feedback.objects.count() == 2


@pytest.mark.django_db
def test_retried_comment_attaches_once_and_creates_no_answer(client):
    response = post_answer(client, form_token(client), "no", json=True)
    ref = REF.search(response.json()["html"]).group(1)
    post_comment(client, ref, "Första")
    post_comment(client, ref, "Andra")
    answer = Feedback.objects.get()
    assert answer.comment == "Första"


@pytest.mark.django_db
def test_page_query_is_kept_for_the_way_back_but_not_stored(client):
    token = tokens.read_form_token(form_token(client, "/?q=my+name"))
    assert token.page.path == "/"
    assert token.page.return_to == "/?q=my+name"
    location = post_answer(client, tokens.make_form_token(token.page))["Location"]
    assert location.startswith("/?q=my+name&feedback=")
    assert Feedback.objects.get().path == "/"


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrency needs PostgreSQL")
def test_concurrent_retries_store_one_answer(client):
    from django.test import Client

    token = form_token(client)
    statuses = []
    barrier = threading.Barrier(8)

    def submit():
        barrier.wait()
        statuses.append(post_answer(Client(), token, "yes").status_code)
        connection.close()

    threads = [threading.Thread(target=submit) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [303] * 8
    assert Feedback.objects.count() == 1
