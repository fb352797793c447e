"""Delete the stored files no image points at any more that could not be deleted at once.

Replacing an image's file or deleting an image lets go of its files; they are deleted as the
change is committed. One the storage could not delete then (unreachable, an I/O error) stays
listed, and this tries again. Run it daily, e.g. from cron: ``30 3 * * * cd /srv/newsroom &&
.venv/bin/python manage.py delete_image_files``.
"""

from django.core.management.base import BaseCommand

from newsroom.core.images.models import PendingDeletion, delete_pending


class Command(BaseCommand):
    help = "Delete the image files still waiting to be deleted from the storage."

    def handle(self, *args, **options):
        deleted = delete_pending()
        left = PendingDeletion.objects.count()
        self.stdout.write(f"Deleted {deleted} image files; {left} could not be deleted yet.")
        if left:
            self.stderr.write("Some files could not be deleted: see the log, and run this again.")
