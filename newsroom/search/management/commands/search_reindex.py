from django.core.management.base import BaseCommand

from newsroom.search.services import reindex


class Command(BaseCommand):
    help = "Rewrite the stored full-text search index of every searchable object."

    def handle(self, *args, **options):
        self.stdout.write(f"{reindex()} search documents written.")
