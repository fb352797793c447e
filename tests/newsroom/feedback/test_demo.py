import pytest

from newsroom.feedback import demo
from newsroom.feedback.models import Feedback


@pytest.mark.django_db
def test_demo_answers_are_idempotent():
    demo.create()
    count = Feedback.objects.count()
    assert count > 0
    assert Feedback.objects.exclude(comment="").exists()
    demo.create()
    assert Feedback.objects.count() == count
