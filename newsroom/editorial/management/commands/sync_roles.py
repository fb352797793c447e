from django.core.management.base import BaseCommand

from newsroom.editorial.roles import sync_roles


class Command(BaseCommand):
    help = "Create the Editor, Publisher and Site administrator groups and set their permissions."

    def handle(self, *args, **options):
        missing = sync_roles()
        for line in missing:
            self.stdout.write(f"not yet available (model missing): {line}")
        self.stdout.write(self.style.SUCCESS("Roles synchronised."))
