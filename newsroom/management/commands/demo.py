"""Load fictional demo content. Idempotent: running it twice changes nothing."""

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation

from events.demo import create as create_events
from events.models import Event
from newsroom.documents.demo import create as create_programme
from newsroom.feedback.demo import create as create_feedback
from newsroom.news.demo import create as create_articles
from newsroom.news.models import Article
from newsroom.pages.demo import create as create_site
from newsroom.search.demo import create as create_search_index
from organisations.demo import create as create_organisations


def create_feedback_on_content():
    """Feedback on a few published articles and events, besides the home page and lists."""
    content = [
        *Article.objects.published().order_by("pk")[:3],
        *Event.objects.published().order_by("pk")[:3],
    ]
    create_feedback(content)


def create_documents():
    """The association's report offers its conference programme as a PDF to download, in
    the editor's documents block."""
    programme = create_programme()
    report = Article.objects.get(slug_sv="intryck-fran-datadagarna")
    address = programme.get_absolute_url()
    if address not in report.body_sv:
        report.body_sv += (
            f'<ul data-block="documents"><li><a href="{address}">Programmet för Datadagarna'
            "</a></li></ul>"
        )
        report.save(update_fields=["body_sv"])


# Each step creates its app's content by stable keys (get_or_create), in dependency order.
STEPS = [
    create_site,
    create_organisations,
    create_articles,
    create_documents,
    create_events,
    create_feedback_on_content,
    create_search_index,
]


class Command(BaseCommand):
    help = "Load fictional demo content and create a demo admin account if there is none."

    def add_arguments(self, parser):
        parser.add_argument(
            "--site-url",
            default="http://127.0.0.1:8000",
            help="Where the site is served, for the log-in line (make run passes its port).",
        )

    def handle(self, *args, site_url, **options):
        # Translated fields are written per language; outside a request the active one is unset.
        with translation.override("sv"), transaction.atomic():
            for step in STEPS:
                step()
        self.ensure_admin(f"{site_url.rstrip('/')}/admin/")

    def ensure_admin(self, admin_url):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write(
                f"An admin account exists. Log in at {admin_url} "
                "(forgotten the password? python manage.py changepassword admin)."
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser("admin", "admin@example.org", password)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo admin created. Log in at {admin_url} "
                f"as user 'admin' with password '{password}'"
            )
        )
