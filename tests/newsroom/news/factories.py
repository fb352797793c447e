import datetime

import factory
from django.utils import timezone

from newsroom.core.publishing import Status
from newsroom.news.models import Article, ArticleContact, Topic
from tests.organisations.factories import ContactPersonFactory, OrganisationFactory


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    name_sv = factory.Sequence(lambda n: f"Ämne {n}")
    name_en = factory.Sequence(lambda n: f"Topic {n}")


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article
        skip_postgeneration_save = True

    kind = Article.Kind.NEWS
    title_sv = factory.Sequence(lambda n: f"Nyhet nummer {n}")
    title_en = factory.Sequence(lambda n: f"News item {n}")
    lead_sv = "En kort ingress om nyheten."
    lead_en = "A short lead about the news."
    body_sv = "<p>Brödtext.</p>"
    body_en = "<p>Body text.</p>"
    organisation = factory.SubFactory(OrganisationFactory)
    status = Status.PUBLISHED
    publish_at = factory.Sequence(lambda n: timezone.now() - datetime.timedelta(days=1, minutes=n))

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(extracted)

    @factory.post_generation
    def contacts(self, create, extracted, **kwargs):
        if create and extracted:
            for position, contact in enumerate(extracted):
                ArticleContact.objects.create(article=self, contact=contact, position=position)


def draft(**kwargs):
    return ArticleFactory(status=Status.DRAFT, publish_at=None, **kwargs)


def scheduled(**kwargs):
    return ArticleFactory(publish_at=timezone.now() + datetime.timedelta(days=2), **kwargs)


def expired(**kwargs):
    return ArticleFactory(unpublish_at=timezone.now() - datetime.timedelta(hours=1), **kwargs)


__all__ = ["ArticleFactory", "ContactPersonFactory", "OrganisationFactory", "TopicFactory"]
