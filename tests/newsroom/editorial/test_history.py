"""Revisions: kept on every admin save, compared, restored and recovered, within scope."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils.text import capfirst
from reversion import create_revision
from reversion.models import Version

from newsroom.core.publishing import Status
from newsroom.editorial.models import AuditEntry
from organisations.models import ContactPerson
from tests.newsroom.news.factories import ArticleFactory, draft
from tests.organisations.factories import ContactPersonFactory

from .conftest import admin_url, exists, form_data, reload

pytestmark = pytest.mark.django_db


def edit(client, model, obj, **changes):
    url = admin_url(model, "change", obj.pk)
    data = form_data(client.get(url))
    data.update(changes)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return response


@pytest.fixture
def contact(orgs):
    return ContactPersonFactory(organisation=orgs.own, name="Eva Första", phone="+46101111111")


def versions(obj):
    return list(Version.objects.get_for_object(obj).order_by("pk"))


def test_every_admin_save_keeps_a_revision_with_user(as_publisher, publisher, contact):
    edit(as_publisher, "contactperson", contact, name="Eva Andra")
    edit(as_publisher, "contactperson", contact, name="Eva Tredje")
    kept = versions(contact)
    assert len(kept) == 2
    assert {version.revision.user for version in kept} == {publisher}
    assert kept[0].field_dict["name"] == "Eva Andra"


def test_compare_two_revisions_field_by_field(as_editor, contact):
    edit(as_editor, "contactperson", contact, name="Eva Andra")
    edit(as_editor, "contactperson", contact, name="Eva Tredje", phone="+46102222222")
    older, newer = versions(contact)
    history = as_editor.get(admin_url("contactperson", "history", contact.pk))
    assert history.status_code == 200
    assert admin_url("contactperson", "compare", contact.pk) in history.content.decode()
    response = as_editor.get(
        admin_url("contactperson", "compare", contact.pk),
        {"older": older.pk, "newer": newer.pk},
    )
    assert response.status_code == 200
    changes = {str(change["label"]) for change in response.context["changes"]}
    fields = [ContactPerson._meta.get_field(name) for name in ("name", "phone")]
    assert changes == {str(capfirst(field.verbose_name)) for field in fields}
    text = response.content.decode()
    assert "<del>Andra</del>" in text
    assert "<ins>Tredje</ins>" in text


@pytest.mark.parametrize(
    "params",
    [{}, {"older": "x", "newer": "1"}, {"older": "1" * 30, "newer": "2"}, {"older": "\x00"}],
)
def test_compare_with_hostile_parameters_is_not_found(as_editor, contact, params):
    edit(as_editor, "contactperson", contact, name="Eva Andra")
    url = admin_url("contactperson", "compare", contact.pk)
    assert as_editor.get(url, params).status_code == 404


def test_restore_an_earlier_revision(as_editor, editor, contact):
    edit(as_editor, "contactperson", contact, name="Eva Andra")
    edit(as_editor, "contactperson", contact, name="Eva Tredje")
    first = versions(contact)[0]
    url = admin_url("contactperson", "revision", contact.pk, first.pk)
    form = as_editor.get(url)
    assert form.status_code == 200
    assert reload(contact).name == "Eva Tredje"  # looking changes nothing
    response = as_editor.post(url, form_data(form))
    assert response.status_code == 302
    assert reload(contact).name == "Eva Andra"
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.user, entry.object_id) == ("restored", editor, str(contact.pk))


def test_editor_cannot_restore_over_published_content(as_editor, orgs):
    article = draft(organisation=orgs.own, title_sv="Första")
    with create_revision():
        article.save()
    article.status = Status.PUBLISHED
    article.title_sv = "Publicerad"
    with create_revision():
        article.save()
    first = versions(article)[0]
    url = admin_url("article", "revision", article.pk, first.pk)
    assert as_editor.get(url).status_code == 200
    assert as_editor.post(url, {"title_sv": "Första", "status": "draft"}).status_code == 403
    assert reload(article).status == Status.PUBLISHED
    assert reload(article).title_sv == "Publicerad"


def test_a_bulk_revision_of_several_objects_is_not_restored_by_an_editor(as_editor, orgs):
    first, second = draft(organisation=orgs.own), draft(organisation=orgs.own)
    with create_revision():
        first.save()
        second.save()
    version = versions(first)[0]
    assert as_editor.get(admin_url("article", "revision", first.pk, version.pk)).status_code == 404


def test_recover_a_deleted_object(as_publisher, publisher, orgs, contact):
    edit(as_publisher, "contactperson", contact, name="Eva Andra")
    other = ContactPersonFactory(organisation=orgs.other, name="Annan Borta")
    with create_revision():
        other.save()
    response = as_publisher.post(admin_url("contactperson", "delete", contact.pk), {"post": "yes"})
    assert response.status_code == 302
    other_pk = other.pk
    other.delete()
    assert not exists(contact)

    recover_list = as_publisher.get(admin_url("contactperson", "recoverlist"))
    assert recover_list.status_code == 200
    deleted = recover_list.context["deleted"]
    assert [version.object_repr for version in deleted] == ["Eva Andra"]

    other_version = Version.objects.get_deleted(type(other)).get(object_id=str(other_pk))
    assert (
        as_publisher.get(admin_url("contactperson", "recover", other_version.pk)).status_code == 404
    )
    # A version of another model, by id, through this admin: not found either.
    article = ArticleFactory(organisation=orgs.own)
    with create_revision():
        article.save()
    article_version = versions(article)[0]
    assert (
        as_publisher.get(admin_url("contactperson", "recover", article_version.pk)).status_code
        == 404
    )

    url = admin_url("contactperson", "recover", deleted[0].pk)
    form = as_publisher.get(url)
    assert form.status_code == 200
    assert as_publisher.post(url, form_data(form)).status_code == 302
    assert reload(contact).name == "Eva Andra"
    assert AuditEntry.objects.get().action == "recovered"


def test_staff_membership_is_not_versioned(as_site_admin, orgs, editor):
    url = admin_url("organisation", "change", orgs.own.pk)
    data = form_data(as_site_admin.get(url))
    data["short_name"] = "EV"
    assert as_site_admin.post(url, data).status_code == 302
    (version,) = versions(orgs.own)
    assert "members" not in version.field_dict
    assert version.field_dict["short_name"] == "EV"


def test_audit_log_is_for_site_administrators_only(as_site_admin, client, editor, publisher, orgs):
    article = ArticleFactory(organisation=orgs.own)
    AuditEntry.objects.create(
        user=publisher,
        username="publisher",
        action="published",
        content_type=ContentType.objects.get_for_model(article),
        object_id=str(article.pk),
        object_repr=str(article),
    )
    url = "/admin/editorial/auditentry/"
    response = as_site_admin.get(url)
    assert response.status_code == 200
    assert str(article) in response.content.decode()
    entry = AuditEntry.objects.get()
    assert as_site_admin.get(f"{url}{entry.pk}/change/").status_code == 200  # read only
    assert as_site_admin.post(f"{url}{entry.pk}/delete/", {"post": "yes"}).status_code == 403
    assert as_site_admin.get(f"{url}add/").status_code == 403
    for user in (editor, publisher):
        client.force_login(user)
        assert client.get(url).status_code == 403
