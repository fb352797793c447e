"""The three roles are groups created by migration, with permissions kept in line."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from newsroom.editorial.roles import EDITOR, PUBLISHER, SITE_ADMINISTRATOR, sync_roles

pytestmark = pytest.mark.django_db


def codenames(name):
    group = Group.objects.get(name=name)
    return {
        f"{app}.{code}"
        for app, code in group.permissions.values_list("content_type__app_label", "codename")
    }


def test_editor_writes_drafts_uploads_images_and_reads_feedback():
    perms = codenames(EDITOR)
    assert {
        "newsroom.add_article",
        "newsroom.change_article",
        "events.add_event",
        "events.change_event",
        "organisations.change_organisation",
        "organisations.add_contactperson",
        "images.add_image",
        "feedback.view_feedback",
    } <= perms
    assert "editorial.publish" not in perms
    assert "newsroom.delete_article" not in perms
    assert "feedback.change_feedback" not in perms
    assert "organisations.add_organisation" not in perms
    assert not any(perm.startswith("auth.") for perm in perms)


def test_publisher_also_publishes():
    perms = codenames(PUBLISHER)
    assert codenames(EDITOR) <= perms
    assert {"editorial.publish", "newsroom.delete_article", "events.delete_event"} <= perms
    assert "editorial.all_organisations" not in perms
    assert "editorial.view_auditentry" not in perms


def test_site_administrator_has_everything():
    perms = codenames(SITE_ADMINISTRATOR)
    assert len(perms) == Permission.objects.count()
    assert {"auth.change_user", "editorial.all_organisations", "editorial.view_auditentry"} <= perms


def test_sync_is_idempotent_and_repairs_hand_made_changes():
    editor = Group.objects.get(name=EDITOR)
    before = codenames(EDITOR)
    editor.permissions.add(Permission.objects.get(codename="publish"))
    editor.permissions.remove(Permission.objects.get(codename="add_article"))
    assert sync_roles() == []
    assert sync_roles() == []
    assert codenames(EDITOR) == before


def test_management_command(capsys):
    Group.objects.filter(name=PUBLISHER).delete()
    call_command("sync_roles")
    assert "editorial.publish" in codenames(PUBLISHER)
    assert "Roles synchronised" in capsys.readouterr().out
