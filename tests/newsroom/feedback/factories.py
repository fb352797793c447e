import uuid

import factory
from django.utils import timezone

from newsroom.feedback.models import Feedback


class FeedbackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Feedback

    submission_id = factory.LazyFunction(uuid.uuid4)
    path = "/"
    language = "sv"
    page_type = "home"
    helpful = True
    created = factory.LazyFunction(timezone.now)
