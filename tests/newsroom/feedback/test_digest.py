"""Feedback digests by e-mail, daily or weekly, read from a real SMTP server."""

import datetime
import uuid

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.utils import timezone

from newsroom.editorial.roles import EDITOR
from newsroom.feedback.digest import feedback_digests
from newsroom.feedback.models import Feedback
from newsroom.notifications.models import Preference
from tests.organisations.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
MONDAY = TODAY - datetime.timedelta(days=TODAY.weekday())


def at(day, hour=12):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def answer(organisation, path, helpful, day, comment="", **extra):
    return Feedback.objects.create(
        submission_id=uuid.uuid4(),
        path=path,
        language="sv",
        helpful=helpful,
        comment=comment,
        owner=organisation,
        created=at(day),
        **extra,
    )


def member(name, organisation, digest, language="en"):
    user = User.objects.create_user(name, email=f"{name}@example.org", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITOR))
    organisation.members.add(user)
    Preference.objects.create(user=user, language=language, feedback_digest=digest)
    return user


def run(day):
    feedback_digests(day)
    call_command("send_notifications")


def test_a_daily_digest_lists_yesterdays_answers_least_helpful_first(smtp_server):
    own, other = OrganisationFactory(), OrganisationFactory()
    member("daily", own, "daily")
    member("never", own, "off")
    yesterday = MONDAY - datetime.timedelta(days=1)
    answer(own, "/nyheter/bra/", True, yesterday)
    answer(own, "/nyheter/bra/", True, yesterday)
    answer(own, "/nyheter/svar/", False, yesterday, comment="Datumet saknas.")
    answer(own, "/nyheter/svar/", True, yesterday)
    answer(own, "/nyheter/svar/", False, yesterday, comment="Köp billigt!", spam=True)
    answer(own, "/nyheter/gammal/", False, yesterday - datetime.timedelta(days=1))
    answer(other, "/nyheter/annan/", False, yesterday, comment="Annan organisation")
    run(MONDAY)
    run(MONDAY)

    [mail] = smtp_server.received
    assert mail.recipients == ["daily@example.org"]
    assert mail.message["Subject"] == "Feedback on 2 pages"
    assert mail.message["Auto-Submitted"] == "auto-generated"
    text = mail.text
    assert text.index("/nyheter/svar/") < text.index("/nyheter/bra/")  # least helpful first
    assert "2 answers, 50 % helpful" in text
    assert "2 answers, 100 % helpful" in text
    assert "Datumet saknas." in text
    assert "Datumet saknas." in mail.html
    for absent in ("Köp billigt!", "gammal", "Annan organisation"):
        assert absent not in text


def test_a_weekly_digest_comes_on_mondays_for_the_week_before(smtp_server):
    own = OrganisationFactory()
    member("weekly", own, "weekly", language="nb")
    for days_before in (1, 3, 7, 8):
        day = MONDAY - datetime.timedelta(days=days_before)
        answer(own, f"/nyheter/{days_before}/", False, day)
    run(MONDAY + datetime.timedelta(days=1))  # a Tuesday: nothing
    assert smtp_server.received == []
    run(MONDAY)
    [mail] = smtp_server.received
    assert mail.message["Subject"] == "Tilbakemeldinger på 3 sider"
    assert "/nyheter/8/" not in mail.text


def test_no_answers_no_mail(smtp_server):
    member("daily", OrganisationFactory(), "daily")
    run(TODAY)
    assert smtp_server.received == []
