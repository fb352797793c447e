"""What the editor's block dialogs choose from: the image library and the documents the editor
may see, searchable, and never a 500 whatever the address says."""

import pytest
from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile
from django.urls import reverse

from newsroom.documents.models import Document
from newsroom.editorial.roles import EDITOR
from tests.newsroom.documents import files
from tests.organisations.factories import OrganisationFactory

from .images.factories import ImageFactory

pytestmark = pytest.mark.django_db


def editor_of(organisation):
    user = User.objects.create_user("redaktor", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITOR))
    organisation.members.add(user)
    return user


def document(organisation, title):
    return Document.objects.create(
        file=ContentFile(files.pdf(), name="d.pdf"),
        title_sv=title,
        language="sv",
        organisation=organisation,
    )


def results(client, name, **query):
    response = client.get(reverse(f"admin:{name}_choices"), query)
    assert response.status_code == 200
    return response.json()["results"]


def test_images_are_offered_newest_first_and_found_by_their_words(client, admin_user):
    client.force_login(admin_user)
    old = ImageFactory(alt_text_sv="Hamnen i dimma")
    new = ImageFactory(alt_text_sv="Torget en vårdag")
    offered = results(client, "images_image")
    assert [choice["id"] for choice in offered] == [new.pk, old.pk]
    assert offered[0]["label"] == f"Torget en vårdag (#{new.pk})"
    assert offered[0]["thumbnail"] == new.thumbnail_url
    assert [c["id"] for c in results(client, "images_image", q="hamnen")] == [old.pk]
    assert [c["id"] for c in results(client, "images_image", id=str(old.pk))] == [old.pk]


def test_an_editor_is_offered_only_their_organisations_documents(client):
    own, other = OrganisationFactory(), OrganisationFactory()
    ours = document(own, "Vår rapport")
    document(other, "Deras rapport")
    client.force_login(editor_of(own))
    offered = results(client, "documents_document")
    assert [(c["id"], c["title"], c["href"]) for c in offered] == [
        (ours.pk, "Vår rapport", ours.get_absolute_url())
    ]
    theirs = Document.objects.get(title_sv="Deras rapport")
    assert results(client, "documents_document", id=str(theirs.pk)) == []


@pytest.mark.parametrize(
    "query",
    [
        {"id": "abc"},
        {"id": "9" * 40},
        {"id": "-1"},
        {"id": "1\x00"},
        {"id": "²"},
        {"q": "x" * 10_000},
        {"q": "hamn\x00en"},
        {"q": "<script>alert(1)</script>"},
    ],
)
def test_hostile_addresses_get_an_answer_not_an_error(client, admin_user, query):
    client.force_login(admin_user)
    ImageFactory(alt_text_sv="Hamnen")
    for name in ("images_image", "documents_document"):
        assert isinstance(results(client, name, **query), list)


def test_readers_are_sent_to_log_in(client):
    response = client.get(reverse("admin:images_image_choices"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
