import time
from unittest import mock

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.urls import reverse
from django.utils import translation

from events.models import Event
from newsroom.core import preview
from tests.events.factories import EventFactory
from tests.newsroom.news.factories import ArticleFactory, TopicFactory, draft, expired, scheduled

pytestmark = pytest.mark.django_db


def test_preview_shows_a_draft_like_the_public_page_with_a_banner(client):
    article = draft(title_sv="Hemligt utkast")
    assert client.get(article.get_absolute_url()).status_code == 404
    response = client.get(preview.preview_url(article))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Hemligt utkast" in content
    assert 'class="preview-banner"' in content
    with translation.override("sv"):
        assert translation.gettext("Preview — not published") in content
    assert response["Cache-Control"] == "no-store, private"
    assert response["X-Robots-Tag"] == "noindex"
    assert not response.cookies
    assert response.templates[0].name == "newsroom/article_detail.html"


@pytest.mark.parametrize("maker", [scheduled, expired, ArticleFactory])
def test_preview_works_for_scheduled_expired_and_published(client, maker):
    article = maker()
    assert client.get(preview.preview_url(article)).status_code == 200


def test_preview_link_in_another_language(client):
    article = draft(title_en="English draft")
    with translation.override("en"):
        url = preview.preview_url(article)
    assert url.startswith("/en/")
    assert "English draft" in client.get(url).content.decode()


def test_public_page_has_no_banner(client):
    article = ArticleFactory()
    assert 'class="preview-banner"' not in client.get(article.get_absolute_url()).content.decode()


EXPIRED = "This preview link has expired. Ask the editor for a new link from the admin."
NOT_VALID = (
    "This preview link is not valid. Check that you copied the whole link, "
    "or ask the editor for a new one."
)


def test_expired_link_is_refused(client, settings):
    article = draft(title_sv="Hemligt utkast")
    with translation.override("sv"):
        url = preview.preview_url(article)
        expired_message = translation.gettext(EXPIRED)
        not_valid_message = translation.gettext(NOT_VALID)
    settings.PREVIEW_MAX_AGE = 60
    with mock.patch("django.core.signing.time.time", return_value=time.time() + 61):
        response = client.get(url)
    assert response.status_code == 403
    content = response.content.decode()
    assert expired_message in content
    assert not_valid_message not in content
    assert "Hemligt utkast" not in content
    assert response["Cache-Control"] == "no-store, private"


def test_link_within_max_age_is_accepted(client, settings):
    article = draft()
    url = preview.preview_url(article)
    settings.PREVIEW_MAX_AGE = 60
    with mock.patch("django.core.signing.time.time", return_value=time.time() + 59):
        assert client.get(url).status_code == 200


def test_old_token_signed_long_ago_is_refused(client, settings):
    article = draft(title_sv="Hemligt utkast")
    content_type = ContentType.objects.get_for_model(article)
    settings.PREVIEW_MAX_AGE = 7 * 86400
    with mock.patch("django.core.signing.time.time", return_value=time.time() - 8 * 86400):
        token = preview.make_token(article)
    # The token is sound in every way but its age: django.core.signing's format, our salt,
    # and it names this very article.
    assert signing.loads(token, salt=preview.SALT) == [content_type.pk, article.pk]
    with pytest.raises(signing.SignatureExpired):
        preview.load_object(token)
    with translation.override("sv"):
        url = reverse("preview", kwargs={"token": token})
        expired_message = translation.gettext(EXPIRED)
    response = client.get(url)
    assert response.status_code == 403
    assert expired_message in response.content.decode()
    assert "Hemligt utkast" not in response.content.decode()
    # Only the age refused it: allow nine days and the same token opens the draft.
    settings.PREVIEW_MAX_AGE = 9 * 86400
    assert preview.load_object(token) == article
    assert "Hemligt utkast" in client.get(url).content.decode()


def test_token_round_trips_to_the_object_it_was_made_for():
    first, second = draft(), draft()
    event = EventFactory(pk=first.pk)  # same primary key, another content type
    assert preview.load_object(preview.make_token(first)) == first
    assert preview.load_object(preview.make_token(second)) == second
    loaded = preview.load_object(preview.make_token(event))
    assert type(loaded) is Event
    assert loaded == event


def test_a_token_cannot_be_reused_for_another_object():
    article, other = draft(), draft()
    token = preview.make_token(article)
    # Graft the other article's payload onto this token's timestamp and signature.
    _, timestamp, signature = token.rsplit(":", 2)
    other_payload = preview.make_token(other).rsplit(":", 2)[0]
    with pytest.raises(signing.BadSignature):
        preview.load_object(f"{other_payload}:{timestamp}:{signature}")


def forged_tokens(article):
    content_type = ContentType.objects.get_for_model(article)
    good = preview.make_token(article)
    other_salt = signing.dumps([content_type.pk, article.pk], salt="something-else")
    other_key = signing.dumps([content_type.pk, article.pk], salt=preview.SALT, key="not-ours")
    payload, rest = good.split(":", 1)
    return [
        good[:-1] + ("A" if good[-1] != "A" else "B"),
        other_salt,
        other_key,
        payload + "x:" + rest,
        "nonsense",
        "x" * 3000,
        "%00",
        ":::",
    ]


def test_forged_or_garbled_tokens_are_refused_never_500(client):
    article = draft()
    for token in forged_tokens(article):
        response = client.get(reverse("preview", kwargs={"token": token}))
        assert response.status_code in {403, 404}, token
        assert "Hemligt" not in response.content.decode()


def test_well_signed_but_meaningless_payloads_are_404_or_403(client):
    topic = TopicFactory()
    topic_type = ContentType.objects.get_for_model(topic)
    payloads = [
        [topic_type.pk, topic.pk],  # a model without the preview protocol
        [999999, 1],  # no such content type
        [ContentType.objects.get_for_model(draft()).pk, 999999],  # deleted object
        ["abc", "def"],
        {"not": "a list"},
        None,
    ]
    for payload in payloads:
        token = signing.dumps(payload, salt=preview.SALT)
        response = client.get(reverse("preview", kwargs={"token": token}))
        assert response.status_code in {403, 404}, payload


def test_admin_change_form_has_a_preview_link(admin_client):
    article = draft()
    response = admin_client.get(reverse("admin:newsroom_article_change", args=[article.pk]))
    assert response.status_code == 200
    assert "/preview/" in response.content.decode()
