from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from newsroom.feedback.models import Feedback

from .factories import FeedbackFactory


def _ago(days):
    return timezone.now() - timedelta(days=days)


@pytest.mark.django_db
def test_purge_deletes_old_comment_text_and_keeps_the_answers(settings):
    settings.FEEDBACK_RETENTION_DAYS = 90
    old = FeedbackFactory(comment="Gammal", helpful=False, created=_ago(91))
    recent = FeedbackFactory(comment="Ny", created=_ago(89))
    no_comment = FeedbackFactory(created=_ago(200))
    call_command("purge_feedback")
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.comment == ""
    assert old.helpful is False
    assert recent.comment == "Ny"
    assert Feedback.objects.count() == 3
    assert Feedback.objects.filter(pk=no_comment.pk).exists()


@pytest.mark.django_db
def test_purge_takes_the_number_of_days():
    answer = FeedbackFactory(comment="Tio dagar", created=_ago(10))
    call_command("purge_feedback", "--days", "30")
    answer.refresh_from_db()
    assert answer.comment == "Tio dagar"
    call_command("purge_feedback", "--days", "7")
    answer.refresh_from_db()
    assert answer.comment == ""


@pytest.mark.django_db
def test_purge_refuses_negative_days():
    with pytest.raises(CommandError):
        call_command("purge_feedback", "--days", "-1")
