"""Workflow mails through the admin, read from a real SMTP server: who is told, in which
language, once each."""

import pytest
from django.core.management import call_command

from newsroom.core.publishing import Status
from newsroom.editorial.models import AuditEntry
from newsroom.editorial.roles import PUBLISHER
from newsroom.notifications.models import Notification, Preference
from tests.newsroom.news.factories import draft

from .conftest import logged_in, make_user, reload
from .test_publishing import change

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(orgs, editor, publisher):
    """The editor reads English, the publisher bokmål; another organisation's publisher."""
    for user, address, language in [
        (editor, "editor@example.org", "en"),
        (publisher, "publisher@example.org", "nb"),
    ]:
        user.email = address
        user.save()
        Preference.objects.create(user=user, language=language)
    other = make_user("other-publisher", PUBLISHER, orgs.other)
    other.email = "other@example.org"
    other.save()
    return editor, publisher


@pytest.fixture
def article(orgs):
    return draft(organisation=orgs.own, title_sv="Ny taxa", title_nb="Ny takst", title_en="New fee")


def test_submit_publish_and_send_back_each_tell_whom_they_concern_once(
    client, people, article, smtp_server
):
    editor, publisher = people
    change(logged_in(client, editor), article, status=Status.REVIEW)
    call_command("send_notifications")
    [submitted] = smtp_server.received
    assert submitted.recipients == ["publisher@example.org"]
    assert submitted.message["Subject"] == "Klar for gjennomgang: Ny takst"
    assert f"/admin/newsroom/article/{article.pk}/change/" in submitted.text

    change(logged_in(client, publisher), article, status=Status.DRAFT)
    change(logged_in(client, editor), article, status=Status.REVIEW)
    change(logged_in(client, publisher), article, status=Status.PUBLISHED)
    call_command("send_notifications")
    call_command("send_notifications")

    to_editor = smtp_server.to("editor@example.org")
    assert [mail.message["Subject"] for mail in to_editor] == [
        "Sent back: New fee",
        "Published: New fee",
    ]
    assert "has published “New fee”" in to_editor[1].text
    assert "https://www.example.org/en/" in to_editor[1].text  # the public page, in English
    assert len(smtp_server.to("publisher@example.org")) == 2  # two submissions
    assert smtp_server.to("other@example.org") == []  # another organisation's publisher
    assert all(mail.message["Auto-Submitted"] == "auto-generated" for mail in to_editor)
    assert list(AuditEntry.objects.order_by("pk").values_list("action", flat=True)) == [
        "submitted",
        "sent_back",
        "submitted",
        "published",
    ]


def test_nobody_is_told_of_what_they_did_themselves(client, people, article, smtp_server):
    _editor, publisher = people
    change(logged_in(client, publisher), article, status=Status.REVIEW)
    change(logged_in(client, publisher), article, status=Status.PUBLISHED)
    call_command("send_notifications")
    assert smtp_server.received == []


def test_workflow_mails_can_be_turned_off(client, people, article, smtp_server):
    editor, publisher = people
    Preference.objects.filter(user=publisher).update(workflow=False)
    change(logged_in(client, editor), article, status=Status.REVIEW)
    call_command("send_notifications")
    assert smtp_server.received == []


def test_a_save_that_is_refused_records_no_mail(client, people, article):
    editor, _publisher = people
    response = change(logged_in(client, editor), article, status=Status.REVIEW, title_sv="")
    assert response.status_code == 200  # the form's error, nothing saved
    assert reload(article).status == Status.DRAFT
    assert not Notification.objects.exists()


def test_own_preferences_are_reachable_and_nobody_elses(client, people):
    editor, publisher = people
    as_editor = logged_in(client, editor)
    response = as_editor.get("/admin/notifications/preference/", follow=True)
    assert response.status_code == 200
    own = Preference.objects.get(user=editor)
    assert response.redirect_chain[-1][0].endswith(f"/preference/{own.pk}/change/")
    response = as_editor.post(
        f"/admin/notifications/preference/{own.pk}/change/",
        {"language": "nn", "workflow": "on", "feedback_digest": "weekly"},
    )
    own.refresh_from_db()
    assert (own.language, own.workflow, own.review_reminders) == ("nn", True, False)
    assert own.feedback_digest == "weekly"
    theirs = Preference.objects.get(user=publisher)
    assert as_editor.get(f"/admin/notifications/preference/{theirs.pk}/change/").status_code in (
        302,
        403,
        404,
    )
    as_editor.post(f"/admin/notifications/preference/{theirs.pk}/change/", {"language": "en"})
    theirs.refresh_from_db()
    assert theirs.language == "nb"


@pytest.mark.parametrize("language", ["xx", "<script>", "sv\x00", "s" * 5000])
def test_hostile_preferences_are_refused(client, people, language):
    editor, _publisher = people
    own = Preference.objects.get(user=editor)
    response = logged_in(client, editor).post(
        f"/admin/notifications/preference/{own.pk}/change/", {"language": language}
    )
    assert response.status_code == 200
    assert "language" in response.context["adminform"].form.errors
    own.refresh_from_db()
    assert own.language == "en"


def test_sending_back_with_a_comment_tells_the_editor_what_to_change(
    client, people, article, smtp_server
):
    from newsroom.editorial import services

    editor, publisher = people
    change(logged_in(client, editor), article, status=Status.REVIEW)
    services.sent_back(
        reload(article), user=publisher, comment="Lägg till datum.\n<b>Tack</b> & hej"
    )
    call_command("send_notifications")
    [mail] = smtp_server.to("editor@example.org")
    assert "Lägg till datum.\n<b>Tack</b> & hej" in mail.text.replace("\r\n", "\n")
    assert "Lägg till datum.<br>&lt;b&gt;Tack&lt;/b&gt; &amp; hej" in mail.html


def test_an_editor_taking_back_their_submission_sends_nothing_back(client, people, article):
    editor, _publisher = people
    as_editor = logged_in(client, editor)
    change(as_editor, article, status=Status.REVIEW)
    change(as_editor, article, status=Status.DRAFT)
    assert list(AuditEntry.objects.values_list("action", flat=True)) == ["submitted"]
    assert list(Notification.objects.values_list("kind", flat=True)) == ["submitted"]


def test_a_publisher_sends_back_from_the_change_form_with_a_comment(
    client, people, article, smtp_server
):
    editor, publisher = people
    change(logged_in(client, editor), article, status=Status.REVIEW)
    response = change(
        logged_in(client, publisher),
        article,
        status=Status.DRAFT,
        send_back_comment="Lägg till datum.\n<b>Tack</b> & hej",
    )
    assert response.status_code == 302
    call_command("send_notifications")
    [mail] = smtp_server.to("editor@example.org")
    assert mail.message["Subject"] == "Sent back: New fee"
    assert "Lägg till datum.\n<b>Tack</b> & hej" in mail.text.replace("\r\n", "\n")
    assert "Lägg till datum.<br>&lt;b&gt;Tack&lt;/b&gt; &amp; hej" in mail.html
    assert "<b>Tack</b>" not in mail.html


@pytest.mark.parametrize(
    ("status", "comment", "code"),
    [
        (Status.DRAFT, "Fel\x00datum", "null_characters_not_allowed"),
        (Status.DRAFT, "x" * 2001, "max_length"),
        (Status.PUBLISHED, "Bra", "not_sent_back"),
    ],
)
def test_a_hostile_or_misplaced_send_back_comment_is_refused(
    client, people, article, smtp_server, status, comment, code
):
    editor, publisher = people
    change(logged_in(client, editor), article, status=Status.REVIEW)
    response = change(
        logged_in(client, publisher), article, status=status, send_back_comment=comment
    )
    assert response.status_code == 200
    [error] = response.context["adminform"].form.errors.as_data()["send_back_comment"]
    assert error.code == code
    assert reload(article).status == Status.REVIEW
    assert list(AuditEntry.objects.values_list("action", flat=True)) == ["submitted"]


def test_an_editor_without_the_publish_right_has_no_send_back_comment(
    client, people, article, smtp_server
):
    editor, _publisher = people
    as_editor = logged_in(client, editor)
    change(as_editor, article, status=Status.REVIEW)
    page = as_editor.get(f"/admin/newsroom/article/{article.pk}/change/")
    assert "send_back_comment" not in page.context["adminform"].form.fields
    assert b"send_back_comment" not in page.content
    response = change(as_editor, article, status=Status.DRAFT, send_back_comment="Ignored")
    assert response.status_code == 302
    call_command("send_notifications")
    assert smtp_server.to("editor@example.org") == []
    assert list(AuditEntry.objects.values_list("action", flat=True)) == ["submitted"]
