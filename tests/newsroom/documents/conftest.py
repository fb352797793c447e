import pytest
from django.contrib.auth.models import Group, User

from newsroom.documents.models import Document
from newsroom.editorial.roles import EDITOR
from tests.organisations.factories import OrganisationFactory

from . import files


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name_sv="Regionen")


@pytest.fixture
def make_document(organisation):
    from django.core.files.uploadedfile import SimpleUploadedFile

    def make(content=None, name="rapport.pdf", **fields):
        document = Document(
            title_sv=fields.pop("title_sv", "Rapport 2026"),
            organisation=fields.pop("organisation", organisation),
            file=SimpleUploadedFile(name, files.pdf() if content is None else content),
            **fields,
        )
        document.full_clean()
        document.save()
        return document

    return make


@pytest.fixture
def editor_client(client, organisation):
    user = User.objects.create_user("editor", password="x" * 20, is_staff=True)
    user.groups.add(Group.objects.get(name=EDITOR))
    organisation.members.add(user)
    client.force_login(user)
    return client
