"""The news that can be subscribed to, told by the project package (``registrations.py``):
the article model (``published()``, ``topics``, ``organisation``, ``publish_at``) and the models
of its topics and organisations."""

from django.apps import apps

_labels = {}


def set_news(*, article, topic, organisation):
    _labels.update(article=article, topic=topic, organisation=organisation)


def model(name):
    return apps.get_model(_labels[name])
