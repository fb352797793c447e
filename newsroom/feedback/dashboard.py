"""Numbers for the editors' dashboard, aggregated in the database.

The number of queries is constant in the number of answers: one per table and one per trend,
plus one per kind of organisation model for the organisations' names.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, FloatField, Q
from django.db.models.functions import Cast, TruncDate
from django.utils import timezone

PERIODS = (7, 30, 90)
DEFAULT_PERIOD = 30
PAGE_LIMIT = 100
CHART_HEIGHT = 40
BAR_WIDTH = 3
BAR_STEP = 4

COUNTS = {"total": Count("pk"), "yes": Count("pk", filter=Q(helpful=True))}


@dataclass
class Bar:
    x: int
    yes_y: float
    yes_height: float
    no_y: float
    no_height: float
    day: object
    total: int
    yes: int

    @property
    def no(self):
        return self.total - self.yes


@dataclass
class Chart:
    width: int
    height: int
    peak: int = 0  # answers on the busiest day: the top of the scale
    bars: list = field(default_factory=list)

    @property
    def half_y(self):
        return self.height / 2

    @property
    def half(self):
        """The scale's middle mark, in answers (a whole number when the peak is even)."""
        return self.peak / 2 if self.peak % 2 else self.peak // 2

    @property
    def dates(self):
        """First, middle and last day: the labels of the time axis."""
        if not self.bars:
            return []
        return [self.bars[0].day, self.bars[len(self.bars) // 2].day, self.bars[-1].day]


@dataclass
class Row:
    key: object
    label: str
    total: int
    yes: int
    chart: Chart
    link: str = ""

    @property
    def share(self):
        """Share answering yes, in whole per cent."""
        return round(100 * self.yes / self.total) if self.total else 0


def period_start(days, today=None):
    """Midnight, local time, at the start of the first of the last ``days`` days."""
    today = today or timezone.localdate()
    first = today - timedelta(days=days - 1)
    return timezone.make_aware(datetime.combine(first, time.min))


def build_chart(per_day, first_day, days):
    """Stacked daily bars (yes below, no above), scaled to the busiest day."""
    busiest = max((counts["total"] for counts in per_day.values()), default=0)
    peak = busiest or 1
    chart = Chart(width=days * BAR_STEP, height=CHART_HEIGHT, peak=busiest)
    for index in range(days):
        day = first_day + timedelta(days=index)
        counts = per_day.get(day, {"total": 0, "yes": 0})
        yes_height = CHART_HEIGHT * counts["yes"] / peak
        no_height = CHART_HEIGHT * (counts["total"] - counts["yes"]) / peak
        chart.bars.append(
            Bar(
                x=index * BAR_STEP,
                yes_y=round(CHART_HEIGHT - yes_height, 2),
                yes_height=round(yes_height, 2),
                no_y=round(CHART_HEIGHT - yes_height - no_height, 2),
                no_height=round(no_height, 2),
                day=day,
                total=counts["total"],
                yes=counts["yes"],
            )
        )
    return chart


def _by_share(queryset, *keys):
    return (
        queryset.values(*keys)
        .annotate(**COUNTS)
        .annotate(share=Cast(F("yes"), FloatField()) / Cast(F("total"), FloatField()))
        .order_by("share", "-total", *keys)
    )


def _trends(queryset, *keys):
    """``{key: {day: {"total", "yes"}}}`` in one query."""
    trends = defaultdict(dict)
    rows = queryset.annotate(day=TruncDate("created")).values(*keys, "day").annotate(**COUNTS)
    for row in rows.order_by():
        key = tuple(row[k] for k in keys) if len(keys) > 1 else row[keys[0]] if keys else None
        trends[key][row["day"]] = {"total": row["total"], "yes": row["yes"]}
    return trends


def owner_names(pairs):
    """``{(content_type_id, object_id): name}``, one query per kind of owner."""
    ids_by_type = defaultdict(set)
    for content_type_id, object_id in pairs:
        ids_by_type[content_type_id].add(object_id)
    names = {}
    for content_type_id, ids in ids_by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        for obj in model._base_manager.filter(pk__in=ids):
            names[(content_type_id, obj.pk)] = str(obj)
    return names


def _owner_key(row):
    return row["owner_content_type_id"], row["owner_object_id"]


def summarise(queryset, days=DEFAULT_PERIOD, today=None):
    """Totals, a daily trend, and the pages and organisations least helpful first."""
    first_moment = period_start(days, today)
    first_day = timezone.localdate(first_moment)
    answers = queryset.counted().filter(created__gte=first_moment).order_by()
    totals = answers.aggregate(**COUNTS)

    pages = list(_by_share(answers, "path")[:PAGE_LIMIT])
    page_trends = _trends(answers.filter(path__in=[page["path"] for page in pages]), "path")

    owned = answers.exclude(owner_object_id=None)
    owner_keys = ("owner_content_type_id", "owner_object_id")
    owners = list(_by_share(owned, *owner_keys))
    owner_trends = _trends(owned, *owner_keys)
    names = owner_names(_owner_key(owner) for owner in owners)

    return {
        "days": days,
        "first_day": first_day,
        "total": totals["total"],
        "yes": totals["yes"],
        "share": round(100 * totals["yes"] / totals["total"]) if totals["total"] else 0,
        "chart": build_chart(_trends(answers)[None], first_day, days),
        "pages": [
            Row(
                key=page["path"],
                label=page["path"],
                total=page["total"],
                yes=page["yes"],
                chart=build_chart(page_trends[page["path"]], first_day, days),
            )
            for page in pages
        ],
        "owners": [
            Row(
                key=f"{owner['owner_content_type_id']}-{owner['owner_object_id']}",
                label=names.get(_owner_key(owner), f"#{owner['owner_object_id']}"),
                total=owner["total"],
                yes=owner["yes"],
                chart=build_chart(owner_trends[_owner_key(owner)], first_day, days),
            )
            for owner in owners
        ],
    }
