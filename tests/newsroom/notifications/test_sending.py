"""Recording and sending mails against a real SMTP server: once each, whatever fails."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.utils import timezone

from newsroom.notifications import sending, services
from newsroom.notifications.models import Notification, Preference

pytestmark = pytest.mark.django_db


def staff_user(username, language="sv", email=None):
    user = User.objects.create_user(
        username, email=email or f"{username}@example.org", is_staff=True
    )
    Preference.objects.create(user=user, language=language)
    return user


def record_submitted(user, key="test:1", title="Ny rapport"):
    return services.notify(
        user,
        key=key,
        kind="submitted",
        template="notifications/mail/submitted",
        context={
            "item": {"title": title},
            "by_name": "Eva Editor",
            "change_url": "https://www.example.org/admin/x/",
            "preferences_url": "https://www.example.org/admin/p/",
        },
    )


def test_a_recorded_mail_arrives_once_with_both_parts_in_the_recipients_language(smtp_server):
    nb = staff_user("kari", language="nb")
    en = staff_user("emma", language="en")
    record_submitted(nb, key="k:nb")
    record_submitted(en, key="k:en")
    call_command("send_notifications")
    call_command("send_notifications")

    [to_kari] = smtp_server.to("kari@example.org")
    [to_emma] = smtp_server.to("emma@example.org")
    assert len(smtp_server.received) == 2
    assert to_kari.recipients == ["kari@example.org"]
    assert to_kari.message["Subject"] == "Klar for gjennomgang: Ny rapport"
    assert to_kari.message["Content-Language"] == "nb"
    assert "har sendt «Ny rapport» til gjennomgang" in to_kari.text
    assert 'lang="nb"' in to_kari.html
    assert to_emma.message["Subject"] == "Ready for review: Ny rapport"
    assert "Eva Editor has submitted “Ny rapport” for review." in to_emma.text
    assert '<a href="https://www.example.org/admin/x/">' in to_emma.html
    for mail in (to_kari, to_emma):
        assert mail.message["Auto-Submitted"] == "auto-generated"
        assert mail.message["From"] == "Newsroom <news@example.org>"
        assert mail.message["Message-ID"].endswith("@www.example.org>")
        assert "<img" not in mail.html  # no tracking pixel
    assert Notification.objects.filter(sent_at=None).count() == 0


def test_recording_the_same_notice_twice_records_it_once(smtp_server):
    user = staff_user("kari")
    assert record_submitted(user) is not None
    assert record_submitted(user) is None
    call_command("send_notifications")
    assert len(smtp_server.received) == 1


def test_a_crash_between_recording_and_sending_sends_it_once_on_the_next_run(smtp_server):
    user = staff_user("kari")
    notification = record_submitted(user)
    # The run that recorded it died after claiming it, before the server had it.
    Notification.objects.filter(pk=notification.pk).update(claimed_at=timezone.now())
    call_command("send_notifications")
    assert smtp_server.received == []  # another run may still be sending it
    stale = timezone.now() - datetime.timedelta(seconds=sending.settings.NOTIFICATION_CLAIM_SECONDS)
    Notification.objects.filter(pk=notification.pk).update(claimed_at=stale)
    call_command("send_notifications")
    call_command("send_notifications")
    assert len(smtp_server.to("kari@example.org")) == 1


def test_a_refused_mail_is_tried_again_and_the_others_are_sent(smtp_server, settings):
    settings.NOTIFICATION_MAX_ATTEMPTS = 2
    kari, ola = staff_user("kari"), staff_user("ola")
    refused = record_submitted(kari, key="k:1")
    record_submitted(ola, key="k:2")
    smtp_server.refuse.add("kari@example.org")
    call_command("send_notifications")
    assert [mail.recipients for mail in smtp_server.received] == [["ola@example.org"]]
    refused.refresh_from_db()
    assert refused.sent_at is None
    assert refused.attempts == 1
    assert "No such mailbox" in refused.last_error

    smtp_server.refuse.clear()
    call_command("send_notifications")
    call_command("send_notifications")
    assert len(smtp_server.to("kari@example.org")) == 1
    assert len(smtp_server.received) == 2


def test_a_mail_refused_too_often_is_given_up(smtp_server, settings):
    settings.NOTIFICATION_MAX_ATTEMPTS = 2
    notification = record_submitted(staff_user("kari"))
    smtp_server.refuse.add("kari@example.org")
    for _run in range(4):
        call_command("send_notifications")
    notification.refresh_from_db()
    assert notification.attempts == 2
    assert notification.sent_at is None


def test_an_unreachable_server_fails_the_run_and_costs_no_attempt(smtp_server):
    notification = record_submitted(staff_user("kari"))
    smtp_server.stop()
    with pytest.raises(CommandError, match="next run sends what is left"):
        call_command("send_notifications")
    notification.refresh_from_db()
    assert notification.attempts == 0
    assert notification.claimed_at is None
    smtp_server.start()
    call_command("send_notifications")
    assert len(smtp_server.received) == 1


@pytest.mark.parametrize(
    "address",
    [
        "kari@example.org\r\nBcc: victim@example.com",
        "kari@example.org\nBcc: victim@example.com",
        "kari@example.org\x00",
        "not an address",
        "x" * 250 + "@example.org",
        "",
    ],
)
def test_a_hostile_address_is_not_recorded(smtp_server, address):
    user = User.objects.create_user("kari", is_staff=True)
    user.email = address  # as if stored by some other path; PostgreSQL would refuse a NUL
    assert record_submitted(user) is None
    call_command("send_notifications")
    assert smtp_server.received == []


def test_a_title_cannot_add_headers_or_lines_to_the_subject(smtp_server):
    user = staff_user("emma", language="en")
    record_submitted(user, title="Rapport\r\nBcc: victim@example.com\x00" + "x" * 300)
    call_command("send_notifications")
    [mail] = smtp_server.received
    assert mail.recipients == ["emma@example.org"]
    assert mail.message["Bcc"] is None
    subject = str(mail.message["Subject"]).strip()
    assert subject.startswith("Ready for review: Rapport Bcc: victim@example.com")
    assert "\n" not in subject
    assert len(subject) < 230


def test_sent_mails_are_forgotten_after_the_retention_period(smtp_server, settings):
    settings.NOTIFICATION_RETENTION_DAYS = 30
    old, new = (
        record_submitted(staff_user("kari"), key="old"),
        record_submitted(staff_user("ola"), key="new"),
    )
    call_command("send_notifications")
    Notification.objects.filter(pk=old.pk).update(
        sent_at=timezone.now() - datetime.timedelta(days=31)
    )
    call_command("send_notifications")
    assert list(Notification.objects.values_list("pk", flat=True)) == [new.pk]
