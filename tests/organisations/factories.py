import factory

from organisations.models import ContactPerson, Organisation, SocialLink


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name_sv = factory.Sequence(lambda n: f"Myndighet {n}")
    name_en = factory.Sequence(lambda n: f"Agency {n}")
    slug_sv = factory.Sequence(lambda n: f"myndighet-{n}")
    slug_en = factory.Sequence(lambda n: f"agency-{n}")
    kind = Organisation.Kind.AGENCY
    country = Organisation.Country.SWEDEN


class SocialLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SocialLink

    organisation = factory.SubFactory(OrganisationFactory)
    service = SocialLink.Service.MASTODON
    url = factory.Sequence(lambda n: f"https://social.example/@org{n}")


class ContactPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactPerson

    name = factory.Sequence(lambda n: f"Kontakt Person {n}")
    title_sv = "Pressekreterare"
    title_en = "Press officer"
    organisation = factory.SubFactory(OrganisationFactory)
    phone = "+46101234567"
    email = factory.Sequence(lambda n: f"kontakt{n}@example.org")
    is_public = True
