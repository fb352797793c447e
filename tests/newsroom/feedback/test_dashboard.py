"""Dashboard numbers against hand-counted fixtures, and a constant number of queries."""

import csv
import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from newsroom.feedback import dashboard
from newsroom.feedback.admin import spreadsheet_safe
from newsroom.feedback.models import Feedback

from .factories import FeedbackFactory


def _ago(days):
    return timezone.now() - timedelta(days=days, minutes=1)


@pytest.fixture
def owners():
    return Group.objects.create(name="Kommunen"), Group.objects.create(name="Regionen")


@pytest.fixture
def answers(owners):
    group_type = ContentType.objects.get_for_model(Group)
    first, second = owners
    owned_by = {
        "first": {"owner_content_type": group_type, "owner_object_id": first.pk},
        "second": {"owner_content_type": group_type, "owner_object_id": second.pk},
    }
    # Hand-counted: the last 7 days hold /a 1 yes 2 no (Kommunen), /b 2 yes (Regionen);
    # one spam answer that never counts; /c 1 no 40 days ago, without organisation.
    FeedbackFactory(path="/a", helpful=True, created=_ago(0), **owned_by["first"])
    FeedbackFactory(
        path="/a", helpful=False, created=_ago(1), comment="Oklart", **owned_by["first"]
    )
    FeedbackFactory(path="/a", helpful=False, created=_ago(6), **owned_by["first"])
    FeedbackFactory(path="/b", helpful=True, created=_ago(2), **owned_by["second"])
    FeedbackFactory(path="/b", helpful=True, created=_ago(3), **owned_by["second"])
    FeedbackFactory(path="/a", helpful=False, spam=True, comment="=cmd|' /C calc'!A0")
    FeedbackFactory(path="/c", helpful=False, created=_ago(40), comment="-2+3")


@pytest.mark.django_db
@pytest.mark.usefixtures("answers")
def test_seven_days(owners):
    summary = dashboard.summarise(Feedback.objects.all(), 7)
    assert (summary["total"], summary["yes"], summary["share"]) == (5, 3, 60)
    assert [(p.label, p.total, p.yes, p.share) for p in summary["pages"]] == [
        ("/a", 3, 1, 33),
        ("/b", 2, 2, 100),
    ]
    assert [(o.label, o.total, o.share) for o in summary["owners"]] == [
        ("Kommunen", 3, 33),
        ("Regionen", 2, 100),
    ]
    assert len(summary["chart"].bars) == 7
    assert sum(bar.total for bar in summary["chart"].bars) == 5
    assert sum(bar.yes for bar in summary["pages"][0].chart.bars) == 1


@pytest.mark.django_db
@pytest.mark.usefixtures("answers")
def test_ninety_days_puts_the_least_helpful_page_first():
    summary = dashboard.summarise(Feedback.objects.all(), 90)
    assert (summary["total"], summary["yes"], summary["share"]) == (6, 3, 50)
    assert [p.label for p in summary["pages"]] == ["/c", "/a", "/b"]
    assert len(summary["owners"]) == 2


@pytest.mark.django_db
def test_empty_period():
    summary = dashboard.summarise(Feedback.objects.all(), 30)
    assert (summary["total"], summary["share"], summary["pages"]) == (0, 0, [])
    assert all(bar.total == 0 for bar in summary["chart"].bars)


def _make(count, owner_pks, prefix):
    group_type = ContentType.objects.get_for_model(Group)
    for index in range(count):
        FeedbackFactory(
            path=f"/{prefix}{index}",
            helpful=index % 2 == 0,
            created=_ago(index % 30),
            owner_content_type=group_type,
            owner_object_id=owner_pks[index % len(owner_pks)],
        )


@pytest.mark.django_db
def test_dashboard_queries_are_constant_in_the_number_of_answers(admin_client):
    owners = [Group.objects.create(name=f"Org {n}").pk for n in range(6)]
    _make(5, owners[:2], "few")
    admin_client.get("/admin/feedback/feedbackdashboard/")  # warm caches (content types)
    with CaptureQueriesContext(connection) as few:
        assert admin_client.get("/admin/feedback/feedbackdashboard/").status_code == 200
    _make(15, owners, "many")
    with CaptureQueriesContext(connection) as many:
        response = admin_client.get("/admin/feedback/feedbackdashboard/")
    assert len(response.context["pages"]) == 20
    assert len(many.captured_queries) == len(few.captured_queries)


@pytest.mark.django_db
@pytest.mark.usefixtures("answers")
@pytest.mark.parametrize("days", ["7", "30", "90", "", "x", "-5", "100000"])
def test_dashboard_page(admin_client, days):
    response = admin_client.get("/admin/feedback/feedbackdashboard/", {"days": days})
    assert response.status_code == 200
    html = response.content.decode()
    main = html[html.index('id="content-main"') :]
    assert "<svg" in main
    assert "style=" not in main
    assert "<script" not in main
    assert "/admin/feedback/feedback/?path__exact=%2Fa" in main


@pytest.mark.django_db
def test_dashboard_and_changelist_link_each_other(admin_client):
    index = admin_client.get("/admin/").content.decode()
    assert "/admin/feedback/feedbackdashboard/" in index
    changelist = admin_client.get("/admin/feedback/feedback/").content.decode()
    assert "/admin/feedback/feedbackdashboard/" in changelist
    assert "/admin/feedback/feedback/export/" in changelist


@pytest.mark.django_db
def test_dashboard_needs_permission(client, django_user_model):
    user = django_user_model.objects.create_user(
        "editor", password="pw-long-enough-1", is_staff=True
    )
    client.force_login(user)
    assert client.get("/admin/feedback/feedbackdashboard/").status_code == 403


@pytest.mark.django_db
@pytest.mark.usefixtures("answers")
@pytest.mark.parametrize(
    ("query", "count"),
    [
        ({}, 7),
        ({"helpful__exact": "0"}, 4),
        ({"spam__exact": "1"}, 1),
        ({"path__exact": "/b"}, 2),
        ({"q": "Oklart"}, 1),
        ({"language__exact": "sv"}, 7),
        ({"page_type": "home"}, 7),
        ({"owner": "bogus"}, None),
        ({"owner": "1-x"}, None),
    ],
)
def test_changelist_filters(admin_client, query, count):
    response = admin_client.get("/admin/feedback/feedback/", query)
    if count is None:
        assert response.status_code == 302  # Django's answer to unknown filter values
    else:
        assert response.status_code == 200
        assert response.context["cl"].result_count == count


@pytest.mark.django_db
@pytest.mark.usefixtures("answers")
def test_changelist_filter_by_organisation(admin_client, owners):
    group_type = ContentType.objects.get_for_model(Group)
    response = admin_client.get(
        "/admin/feedback/feedback/", {"owner": f"{group_type.pk}-{owners[0].pk}"}
    )
    assert response.context["cl"].result_count == 3
    assert "Kommunen" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.usefixtures("answers")
def test_bulk_actions(admin_client):
    ids = list(Feedback.objects.filter(path="/b").values_list("pk", flat=True))
    for action, field, value in [
        ("mark_handled", "handled", True),
        ("mark_spam", "spam", True),
        ("mark_not_spam", "spam", False),
    ]:
        admin_client.post(
            "/admin/feedback/feedback/",
            {"action": action, "_selected_action": ids},
        )
        assert set(Feedback.objects.filter(pk__in=ids).values_list(field, flat=True)) == {value}


@pytest.mark.django_db
@pytest.mark.usefixtures("answers")
def test_csv_export_is_filtered_without_spam_and_formula_safe(admin_client):
    response = admin_client.get("/admin/feedback/feedback/export/")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 1 + 6  # header and every answer but the spam
    assert not any("calc" in cell for row in rows for cell in row)
    comments = [row[6] for row in rows[1:]]
    assert "'-2+3" in comments
    filtered = admin_client.get("/admin/feedback/feedback/export/", {"path__exact": "/a"})
    assert len(list(csv.reader(io.StringIO(filtered.content.decode("utf-8-sig"))))) == 1 + 3


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+46", "'+46"),
        ("-x", "'-x"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("ok", "ok"),
        (None, ""),
    ],
)
def test_spreadsheet_safe(value, expected):
    assert spreadsheet_safe(value) == expected


@pytest.mark.django_db
@pytest.mark.usefixtures("answers")
def test_answer_change_page(admin_client):
    answer = Feedback.objects.filter(path="/a").first()
    response = admin_client.get(f"/admin/feedback/feedback/{answer.pk}/change/")
    assert response.status_code == 200
    admin_client.post(
        f"/admin/feedback/feedback/{answer.pk}/change/",
        {"handled": "on", "note": "Texten är omskriven."},
    )
    answer.refresh_from_db()
    assert answer.handled
    assert answer.note == "Texten är omskriven."
    assert admin_client.get("/admin/feedback/feedback/add/").status_code == 403


@pytest.mark.django_db
@pytest.mark.usefixtures("answers")
def test_trend_has_a_dated_axis_a_scale_and_the_numbers_as_a_table(admin_client):
    html = admin_client.get(
        "/admin/feedback/feedbackdashboard/", {"days": "7"}, headers={"accept-language": "en"}
    ).content.decode()
    trend = html[html.index('class="feedback-trend"') : html.index("</figure>")]
    today = timezone.localdate()
    first = today - timedelta(days=6)

    # Scale: no day had more than one counted answer in the fixtures.
    assert '<div class="feedback-trend__scale" aria-hidden="true"><span>1</span>' in trend
    assert f"<span>{first:%-d %b}</span>" in trend
    assert f"<span>{today:%-d %b}</span>" in trend
    assert "the scale runs from 0 to 1 answers a day" in trend
    rows = trend.split("<tbody>")[1].count("<tr>")
    assert rows == 7
    assert f'<time datetime="{today:%Y-%m-%d}">' in trend
    # The fixtures' 5 counted answers in the last 7 days, 3 of them yes, add up in the table.
    cells = trend.split("<tr>")[2:]
    totals = [int(c.split("<td>")[1].split("</td>")[0]) for c in cells]
    yes = [int(c.split("<td>")[2].split("</td>")[0]) for c in cells]
    assert (sum(totals), sum(yes)) == (5, 3)
