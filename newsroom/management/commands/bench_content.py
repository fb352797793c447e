"""Fill the database with a reproducible benchmark data set (newsroom/management/bench_content.py).

    manage.py migrate && manage.py bench_content --articles 20000
    manage.py bench_content --articles 2000 --flush     # replace what an earlier run made

Meant for a database of its own: it refuses one that holds articles, events, topics,
organisations or contact persons unless given ``--flush``, which deletes all of them first.
"""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from newsroom.management import bench_content


class Command(BaseCommand):
    help = (
        "Create N published articles with topics, organisations, contact persons and events "
        "(deterministic for a seed), rebuild the search index and analyse the tables."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=2000, help="How many (default 2000).")
        parser.add_argument(
            "--seed",
            type=int,
            default=bench_content.DEFAULT_SEED,
            help="The same seed gives the same titles, texts and addresses.",
        )
        parser.add_argument(
            "--flush",
            action="store_true",
            help="First delete every article, event, topic, organisation and contact person.",
        )

    def handle(self, *args, articles, seed, flush, **options):
        if articles < 1:
            raise CommandError("--articles must be at least 1.")
        start = time.perf_counter()
        if flush:
            with transaction.atomic():
                bench_content.delete_content()
        elif filled := bench_content.check_empty():
            raise CommandError(
                f"The database already holds {', '.join(map(str, filled))}. Use a database of its "
                "own, or --flush to delete all of them first."
            )
        size = bench_content.sizes(articles)
        self.stdout.write(
            f"bench_content on {connection.vendor}: {size['articles']} articles, "
            f"{size['topics']} topics, {size['organisations']} organisations, "
            f"{size['events']} events (seed {seed})"
        )
        builder = bench_content.Builder(
            articles, seed, log=lambda line: self.stdout.write(f"  {line}")
        )
        counts, _timings = builder.run()
        self.stdout.write(", ".join(f"{name} {count}" for name, count in counts.items()))
        vocabulary = builder.writer.vocabulary("sv")
        self.stdout.write(
            f"search words: common {vocabulary.common_word()!r}, rare {vocabulary.rare_word()!r}"
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"bench_content: {articles} articles in {time.perf_counter() - start:.1f} s"
            )
        )
