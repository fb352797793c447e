"""Every abuse rule: a clear rejection, never a 500, nothing stored."""

import pytest
from django.core import signing
from django.utils.translation import gettext, override

from newsroom.feedback import tokens
from newsroom.feedback.forms import TOKEN_ERROR
from newsroom.feedback.models import Feedback
from newsroom.feedback.paths import ForeignPath, normalise_path
from newsroom.feedback.views import TOO_FAST

from .conftest import REF, endpoint, form_token, post_answer, post_comment


def swedish(message):
    """The page is Swedish: its messages are the Swedish translations of the msgids."""
    with override("sv"):
        return str(gettext(message) if isinstance(message, str) else message)


def _comment_ref(client):
    response = post_answer(client, form_token(client), "no", json=True)
    return REF.search(response.json()["html"]).group(1)


@pytest.mark.django_db
def test_honeypot_is_rejected(client):
    response = post_answer(client, form_token(client), fb_leave_empty="http://spam.example")
    assert response.status_code == 400
    assert swedish("Leave the field “Leave this field empty” empty and send again.") in (
        response.content.decode()
    )
    assert not Feedback.objects.exists()


@pytest.mark.django_db
def test_honeypot_on_the_comment_step_is_rejected(client):
    ref = _comment_ref(client)
    response = post_comment(client, ref, "Hej", json=True, fb_leave_empty="x")
    assert response.status_code == 400
    assert Feedback.objects.get().comment == ""


@pytest.mark.django_db
def test_honeypot_is_hidden_accessibly(client):
    html = client.get("/").content.decode()
    trap = html[html.index('aria-hidden="true"') - 60 : html.index('name="fb_leave_empty"') + 80]
    assert 'class="visually-hidden"' in trap
    assert 'tabindex="-1"' in trap
    assert "Leave this field empty" in trap or "<label" in trap


@pytest.mark.django_db
def test_answer_faster_than_a_person_is_rejected(client, settings):
    settings.FEEDBACK_MIN_SECONDS = 60
    response = post_answer(client, form_token(client), json=True)
    assert response.status_code == 400
    assert response.json()["error"] == swedish(TOO_FAST)
    assert not Feedback.objects.exists()


@pytest.mark.django_db
def test_oversize_comment_is_rejected_with_a_message_and_kept_for_editing(client):
    ref = _comment_ref(client)
    response = post_comment(client, ref, "a" * 1001)
    assert response.status_code == 400
    html = response.content.decode()
    assert "1000" in html
    assert 'aria-invalid="true"' in html
    assert "a" * 1001 in html
    assert Feedback.objects.get().comment == ""


@pytest.mark.django_db
def test_line_breaks_count_as_one_character(client):
    ref = _comment_ref(client)
    response = post_comment(client, ref, "a\r\n" * 500)
    assert response.status_code == 303
    assert Feedback.objects.get().comment == ("a\n" * 500).strip()


@pytest.mark.django_db
@pytest.mark.parametrize("comment", ["nul\x00byte", "bell\x07"])
def test_nul_and_control_characters_are_rejected(client, comment):
    ref = _comment_ref(client)
    response = post_comment(client, ref, comment, json=True)
    assert response.status_code == 400
    assert response.json()["error"]
    assert post_comment(client, ref, comment).status_code == 400
    assert Feedback.objects.get().comment == ""


@pytest.mark.django_db
def test_nul_in_token_is_rejected(client):
    response = post_answer(client, "abc\x00def", json=True)
    assert response.status_code == 400


@pytest.mark.django_db
@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "https://evil.example"},
        {"Origin": "null"},
        {"Origin": "http://testserver.evil.example"},
        {"Origin": "", "Sec-Fetch-Site": "cross-site"},
    ],
)
def test_cross_origin_posts_are_rejected(client, headers):
    response = post_answer(client, form_token(client), headers=headers)
    assert response.status_code == 403
    assert not Feedback.objects.exists()


@pytest.mark.django_db
def test_post_without_origin_needs_same_origin_fetch_metadata(client):
    token = form_token(client)
    data = {"token": token, "helpful": "yes"}
    assert client.post(endpoint("answer"), data).status_code == 403
    response = client.post(endpoint("answer"), data, headers={"Sec-Fetch-Site": "cross-site"})
    assert response.status_code == 403
    response = client.post(endpoint("answer"), data, headers={"Sec-Fetch-Site": "same-origin"})
    assert response.status_code == 303


@pytest.mark.django_db
@pytest.mark.parametrize(
    "token",
    [
        "",
        "not-a-token",
        "x" * 5000,
        signing.dumps({"p": {"path": "/"}}, salt=tokens.FORM_SALT),
        signing.dumps({"p": {}, "n": "1", "t": 0}, salt="another.salt"),
    ],
)
def test_missing_or_forged_token_is_rejected(client, token):
    response = post_answer(client, token)
    assert response.status_code == 400
    assert swedish(TOKEN_ERROR) in response.content.decode()
    assert not Feedback.objects.exists()


@pytest.mark.django_db
def test_tampered_token_is_rejected(client):
    token = form_token(client)
    response = post_answer(client, token[:-2] + ("AA" if token[-2:] != "AA" else "BB"))
    assert response.status_code == 400


@pytest.mark.django_db
def test_token_signed_with_another_key_is_rejected(client, settings):
    token = form_token(client)
    settings.SECRET_KEY = "another-secret-key-that-is-long-enough-for-the-test"
    assert post_answer(client, token).status_code == 400


@pytest.mark.django_db
def test_expired_token_is_rejected(client, settings):
    token = form_token(client)
    settings.FEEDBACK_TOKEN_MAX_AGE = -1
    assert post_answer(client, token).status_code == 400


@pytest.mark.django_db
def test_forged_comment_reference_is_rejected(client):
    _comment_ref(client)
    response = post_comment(client, "forged", "Hej", json=True)
    assert response.status_code == 400
    assert Feedback.objects.get().comment == ""


@pytest.mark.django_db
def test_comment_reference_for_another_answer_is_rejected(client):
    ref = tokens.read_comment_ref(_comment_ref(client))
    forged = signing.dumps(
        {
            "i": ref.feedback_id,
            "s": "00000000-0000-0000-0000-000000000000",
            "h": 0,
            "u": "/",
            "l": "sv",
        },
        salt="not-ours",
    )
    assert post_comment(client, forged, "Hej").status_code == 400


@pytest.mark.django_db
@pytest.mark.parametrize("helpful", ["", "maybe", "<b>yes</b>", "1", "yes\x00"])
def test_invalid_answer_is_rejected(client, helpful):
    response = post_answer(client, form_token(client), helpful, json=True)
    assert response.status_code == 400
    assert response.json()["error"]


@pytest.mark.django_db
def test_get_on_the_endpoints_is_not_allowed(client):
    assert client.get(endpoint("answer")).status_code == 405
    assert client.get(endpoint("comment")).status_code == 405


@pytest.mark.django_db
def test_posted_path_is_ignored_the_token_decides(client):
    post_answer(client, form_token(client, "/en/"), path="https://evil.example/phish")
    assert Feedback.objects.get().path == "/en/"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "https://evil.example/",
        "//evil.example/",
        "javascript:alert(1)",
        "/\\evil.example",
        "/does-not-exist/",
        "news",
        "/\x00",
        "",
        "/" + "a" * 600,
    ],
)
def test_token_for_a_foreign_path_is_rejected(client, path):
    page = tokens.PageRef(path=path, return_to=path, language="sv")
    response = post_answer(client, tokens.make_form_token(page))
    assert response.status_code == 400
    assert not Feedback.objects.exists()


@pytest.mark.django_db
def test_own_full_url_is_normalised_to_its_path():
    assert normalise_path("http://testserver/en/?q=x", host="testserver", language="en") == "/en/"
    assert normalise_path("/", host="testserver", language="sv") == "/"
    with pytest.raises(ForeignPath):
        normalise_path("http://evil.example/en/", host="testserver", language="en")
    with pytest.raises(ForeignPath):
        normalise_path("ftp://testserver/", host="testserver", language="sv")


@pytest.mark.django_db
def test_link_heavy_comment_is_marked_as_spam(client):
    ref = _comment_ref(client)
    comment = "Buy http://a.example http://b.example www.c.example now"
    assert post_comment(client, ref, comment).status_code == 303
    answer = Feedback.objects.get()
    assert answer.spam is True
    assert answer.link_count == 3


@pytest.mark.django_db
def test_one_link_is_fine(client):
    ref = _comment_ref(client)
    post_comment(client, ref, "The link https://example.org/x is broken")
    assert Feedback.objects.get().spam is False


@pytest.mark.django_db
def test_markup_in_comment_is_stored_as_text_and_escaped_in_the_admin(admin_client, client):
    ref = _comment_ref(client)
    post_comment(client, ref, "<script>alert(1)</script>")
    answer = Feedback.objects.get()
    html = admin_client.get(f"/admin/feedback/feedback/{answer.pk}/change/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html
