import factory

from newsroom.core.publishing import Status
from newsroom.pages.models import Page


class PageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Page

    kind = Page.Kind.OTHER
    title_sv = factory.Sequence(lambda n: f"Sida {n}")
    title_en = factory.Sequence(lambda n: f"Page {n}")
    slug_sv = factory.Sequence(lambda n: f"sida-{n}")
    slug_en = factory.Sequence(lambda n: f"page-{n}")
    lead_sv = "En kort ingress."
    lead_en = "A short lead."
    body_sv = "<p>Brödtext.</p>"
    body_en = "<p>Body text.</p>"
    status = Status.PUBLISHED
