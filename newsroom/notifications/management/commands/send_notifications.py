"""Record the mails that are due (review reminders…) and send every mail not yet sent.

Idempotent: run it every few minutes from cron or a systemd timer, e.g.
``*/5 * * * * cd /srv/newsroom && .venv/bin/python manage.py send_notifications``.
A run after a crash or an outage sends what is missing and nothing twice.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from newsroom.notifications import registry, sending


class Command(BaseCommand):
    help = "Record the notifications that are due and send every one not yet sent."

    def handle(self, *args, **options):
        today = timezone.localdate()
        for name, job in registry.JOBS.items():
            self.stdout.write(f"{name}: {job(today)}.")
        try:
            sent, refused = sending.send_pending()
        except Exception as error:
            raise CommandError(
                f"Could not reach the mail server ({error}); the next run sends what is left."
            ) from error
        self.stdout.write(f"Sent {sent} mails; the mail server refused {refused}.")
        purged = sending.purge_sent(settings.NOTIFICATION_RETENTION_DAYS)
        self.stdout.write(f"Deleted the record of {purged} mails sent long ago.")
