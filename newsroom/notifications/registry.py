"""The jobs ``send_notifications`` runs before sending: each records the mails that are due.

Apps above this one register theirs in ``newsroom/registrations.py`` (review reminders are
editorial's); a job is a callable taking ``today`` (a date) and returning how many mails it
recorded (or, for housekeeping, records it deleted).
"""

JOBS = {}


def register_job(name, job):
    JOBS[name] = job
