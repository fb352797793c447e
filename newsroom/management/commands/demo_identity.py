"""Switch the demo site between two public bodies' identities."""

from django.core.management.base import BaseCommand
from django.utils import translation

from newsroom.pages import demo_identities


class Command(BaseCommand):
    help = (
        "Give the site a demo identity: a Swedish region or a Norwegian municipality "
        "(name, logo, colours, icon, footer). Pages change at once; no restart needed."
    )

    def add_arguments(self, parser):
        parser.add_argument("identity", choices=sorted(demo_identities.IDENTITIES))

    def handle(self, *args, identity, **options):
        with translation.override("sv"):
            site = demo_identities.apply(identity)
        self.stdout.write(self.style.SUCCESS(f"The site is now “{site.site_name}”."))
