"""Directory benchmark: the organisation directory sorts names in Python (language-aware
collation), then loads one page. How does a request grow with the number of organisations?

    DEBUG=1 .venv/bin/python bench/organisations_directory.py

Uses an in-memory SQLite database. Prints times relative to the smallest size, not pass/fail
timings. Not part of the test suite.
"""

import os
import statistics
import sys
import time
from pathlib import Path

SIZES = (100, 1_000, 10_000)
RUNS = 5

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DATABASE_URL"] = "sqlite:///:memory:"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")


def main():
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse
    from django.utils import translation

    from organisations.models import Organisation

    setup_test_environment()
    call_command("migrate", verbosity=0)
    client = Client()
    letters = "abcdefghijklmnopqrstuvwxyzåäöæø"
    baseline = None
    for size in SIZES:
        existing = Organisation.objects.count()
        Organisation.objects.bulk_create(
            Organisation(
                name_sv=f"{letters[n % len(letters)]}organisation {n}",
                slug_sv=f"bench-{n}",
                name_nb=f"{letters[(n * 7) % len(letters)]}organisasjon {n}",
            )
            for n in range(existing, size)
        )
        timings = []
        for language in ["sv", "nb"]:
            with translation.override(language):
                address = reverse("organisations:list")
            for _ in range(RUNS):
                start = time.perf_counter()
                response = client.get(address, {"page": "2"})
                timings.append(time.perf_counter() - start)
                assert response.status_code == 200, response.status_code
        median = statistics.median(timings)
        baseline = baseline or median
        print(f"{size:>6} organisations: {median * 1000:7.1f} ms  ({median / baseline:4.1f}x)")


if __name__ == "__main__":
    main()
