from .models import SiteSettings


def create():
    SiteSettings.objects.get_or_create(
        pk=1,
        defaults={
            "site_name_sv": "Nyhetsrummet",
            "site_name_nb": "Nyhetsrommet",
            "site_name_nn": "Nyheitsrommet",
            "site_name_en": "The Newsroom",
            "tagline_sv": "Nyheter, evenemang och kontakter från Exempelregionens samverkan",
            "tagline_en": "News, events and contacts from the Example Region partnership",
            "publisher_name": "Exempelregionen",
            "postal_address": "Box 100\n123 45 Exempelstad",
            "visiting_address": "Storgatan 1, Exempelstad",
            "phone": "010-123 45 00",
            "email": "info@example.org",
            "organisation_number": "232100-0016",
        },
    )
