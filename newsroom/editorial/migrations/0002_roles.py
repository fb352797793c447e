"""Create the Editor, Publisher and Site administrator groups.

Permissions of models from other apps may not exist yet when this runs (Django creates them
after the whole migrate run): ``sync_roles`` creates the permissions of every app migrated so
far, and runs again after every ``migrate`` (post_migrate) to take in models added later.
"""

from django.db import migrations


def create_roles(apps, schema_editor):
    from newsroom.editorial.roles import sync_roles

    sync_roles(apps=apps, using=schema_editor.connection.alias)


def remove_roles(apps, schema_editor):
    from newsroom.editorial.roles import ROLE_NAMES

    Group = apps.get_model("auth", "Group")
    Group.objects.using(schema_editor.connection.alias).filter(name__in=ROLE_NAMES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
