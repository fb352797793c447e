"""Copy an existing local MEDIA_ROOT into the storage uploads now go to (MEDIA_STORAGE_URL).

Every file keeps its name, so the rows that point at them need no change. Idempotent: a file
already in the storage with the same size is skipped, so an interrupted run is run again; one
there with another size is reported and left alone, never overwritten. Run it once after
setting MEDIA_STORAGE_URL, before the instances serve from the bucket, and again just after, for
files uploaded meanwhile. Two runs at once each copy what the other has not yet.
"""

from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Copy the files of a local media folder into the configured media storage."

    def add_arguments(self, parser):
        parser.add_argument(
            "--from",
            dest="source",
            default=None,
            help="The local folder to copy (default: MEDIA_ROOT).",
        )

    def handle(self, *args, source=None, **options):
        folder = Path(source or settings.MEDIA_ROOT)
        if not folder.is_dir():
            raise CommandError(f"{folder} is not a folder.")
        if not settings.MEDIA_STORAGE_URL:
            raise CommandError("MEDIA_STORAGE_URL is not set: uploads already go to MEDIA_ROOT.")
        copied = skipped = differing = 0
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            name = path.relative_to(folder).as_posix()
            if default_storage.exists(name):
                if default_storage.size(name) == path.stat().st_size:
                    skipped += 1
                else:
                    differing += 1
                    self.stderr.write(f"{name}: another file of that name is stored; left alone.")
                continue
            with path.open("rb") as content:
                saved = default_storage.save(name, File(content))
            if saved != name:  # another run stored it in the meantime, under this very name
                default_storage.delete(saved)
                skipped += 1
                continue
            copied += 1
        self.stdout.write(
            f"Copied {copied} files; {skipped} were there already; {differing} differ."
        )
        if differing:
            raise CommandError("Some files differ from the stored ones of the same name.")
