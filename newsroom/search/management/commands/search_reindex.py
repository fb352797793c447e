from django.core.management.base import BaseCommand

from newsroom.search.services import reindex


class Command(BaseCommand):
    help = "Rewrite the stored full-text search documents (PostgreSQL; nothing to do elsewhere)."

    def handle(self, *args, **options):
        self.stdout.write(f"{reindex()} search documents written.")
