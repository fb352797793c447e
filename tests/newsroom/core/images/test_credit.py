import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from newsroom.core.images.models import Image, clean_credit

from .factories import ImageFactory, image_bytes


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Foto: Anna Berg", "Anna Berg"),
        ("foto:Anna Berg", "Anna Berg"),
        ("Photo: Foto: Region Exempel", "Region Exempel"),
        ("  Bild : Kari Nordmann ", "Kari Nordmann"),
        ("Fotografiska museet", "Fotografiska museet"),  # a name, not a prefix
        ("", ""),
    ],
)
def test_a_typed_photo_prefix_is_not_stored(typed, stored):
    assert clean_credit(typed) == stored


@pytest.mark.django_db
def test_saved_credit_reads_once_on_the_page():
    image = ImageFactory(credit="Foto: Anna Berg")
    image.refresh_from_db()
    assert image.credit == "Anna Berg"


@pytest.mark.django_db
def test_the_new_image_form_shows_no_none(admin_client):
    page = admin_client.get(reverse("admin:images_image_add")).content.decode()
    assert "None" not in page


@pytest.mark.django_db(transaction=True)
def test_migration_strips_the_prefix_from_existing_credits():
    executor = MigrationExecutor(connection)
    executor.migrate([("images", "0003_pending_deletion")])
    old_apps = executor.loader.project_state([("images", "0003_pending_deletion")]).apps
    OldImage = old_apps.get_model("images", "Image")
    stored = default_storage.save("images/a.jpg", ContentFile(image_bytes()))
    typed = OldImage.objects.create(file=stored, credit="Foto: Anna Berg")
    plain = OldImage.objects.create(file=stored, credit="Fotografiska museet")

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    assert Image.objects.get(pk=typed.pk).credit == "Anna Berg"
    assert Image.objects.get(pk=plain.pk).credit == "Fotografiska museet"
