"""Delete feedback comment text past its retention period; the yes/no answers stay.

Also deletes the rate limit's counts of ended windows (each process deletes them as it goes too).

Run it daily, e.g. from cron: ``15 3 * * * cd /srv/newsroom && .venv/bin/python manage.py
purge_feedback``.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from newsroom.feedback.services import feedback_purge_comments, feedback_purge_rate_counts


class Command(BaseCommand):
    help = "Delete feedback comments older than FEEDBACK_RETENTION_DAYS (default 90) days."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.FEEDBACK_RETENTION_DAYS,
            help="Delete comment text older than this many days "
            f"(default: FEEDBACK_RETENTION_DAYS, {settings.FEEDBACK_RETENTION_DAYS}).",
        )

    def handle(self, *args, days, **options):
        if days < 0:
            raise CommandError("--days must be 0 or more.")
        count = feedback_purge_comments(days=days)
        self.stdout.write(f"Deleted the comment text of {count} answers older than {days} days.")
        counts = feedback_purge_rate_counts()
        self.stdout.write(f"Deleted {counts} rate limit counts of ended windows.")
