"""The same comment on the same page within 5 minutes is kept once; repeats are duplicates."""

import csv
import io
from datetime import timedelta

import pytest
from django.core.management import call_command

from newsroom.feedback import dashboard, duplicates, services
from newsroom.feedback.models import Feedback

from .conftest import REF, endpoint, form_token, post_answer, post_comment


def commented(client, text, url="/", helpful="no"):
    """A new answer on the page at ``url`` with ``text`` as its comment; the stored answer."""
    language = "en" if url.startswith("/en/") else "sv"
    response = post_answer(
        client, form_token(client, url), helpful, json=True, url=endpoint("answer", language)
    )
    ref = REF.search(response.json()["html"]).group(1)
    assert post_comment(client, ref, text).status_code == 303
    return Feedback.objects.order_by("-pk").first()


def minutes_earlier(answer, minutes):
    Feedback.objects.filter(pk=answer.pk).update(
        commented_at=answer.commented_at - timedelta(minutes=minutes),
        created=answer.created - timedelta(minutes=minutes),
    )


def export_rows(admin_client, **query):
    response = admin_client.get("/admin/feedback/feedback/export/", query)
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))[1:]


@pytest.mark.django_db
def test_same_text_twice_within_five_minutes_is_counted_once(client):
    first = commented(client, "Texten är svår att förstå.")
    repeat = commented(client, "  texten ÄR   svår att\nförstå. ")
    repeat.refresh_from_db()
    assert first.duplicate_of is None
    assert repeat.duplicate_of == first
    assert repeat.comment == "texten ÄR   svår att\nförstå."  # kept for editors as written
    assert list(Feedback.objects.counted()) == [first]


@pytest.mark.django_db
def test_every_repeat_points_to_the_kept_answer(client):
    first = commented(client, "Samma text")
    for _ in range(3):
        commented(client, "Samma text")
    assert Feedback.objects.counted().count() == 1
    assert set(Feedback.objects.duplicates().values_list("duplicate_of", flat=True)) == {first.pk}


@pytest.mark.django_db
def test_same_text_after_five_minutes_is_counted_again(client):
    first = commented(client, "Texten är svår att förstå.")
    minutes_earlier(first, 6)
    repeat = commented(client, "Texten är svår att förstå.")
    assert repeat.duplicate_of is None
    assert Feedback.objects.counted().count() == 2


@pytest.mark.django_db
def test_five_minutes_after_the_kept_answer_not_after_the_last_repeat(client):
    first = commented(client, "Om och om igen")
    minutes_earlier(first, 8)
    middle = commented(client, "Om och om igen")  # 8 minutes later: kept
    minutes_earlier(middle, 4)
    last = commented(client, "Om och om igen")  # 4 minutes after the middle one
    assert middle.duplicate_of is None
    assert last.duplicate_of == middle
    assert Feedback.objects.counted().count() == 2


@pytest.mark.django_db
def test_same_text_on_another_page_is_counted(client):
    commented(client, "Bra information", url="/")
    other = commented(client, "Bra information", url="/en/")
    assert other.duplicate_of is None
    assert Feedback.objects.counted().count() == 2


@pytest.mark.django_db
def test_different_text_is_counted(client):
    commented(client, "Texten är svår.")
    other = commented(client, "Texten är svår!")
    assert other.duplicate_of is None


@pytest.mark.django_db
def test_texts_are_compared_after_redaction(client):
    first = commented(client, "Ring mig på 070-123 45 67, tack")
    repeat = commented(client, "ring mig på 070-765 43 21, tack")
    assert "070" not in repeat.comment
    assert repeat.duplicate_of == first


@pytest.mark.django_db
@pytest.mark.parametrize(
    "variant",
    [
        "Köp\u200b nu",  # zero-width space
        "Kö\u00adp nu",  # soft hyphen
        "Köp\u00a0nu",  # no-break space
        "\tKÖP\r\n\r\nNU\t",
        "\uff2b\u00f6\uff50 \uff4e\uff55",  # full-width letters
        "Ko\u0308p nu",  # ö as o and a combining diaeresis
    ],
)
def test_hostile_variants_of_one_text_are_duplicates(client, variant):
    first = commented(client, "köp nu")
    assert commented(client, variant).duplicate_of == first


@pytest.mark.parametrize("text", ["", "   ", "\u200b\u200b", "\n\t"])
def test_text_that_folds_to_nothing_has_no_fingerprint(text):
    assert duplicates.digest(text) == ""


@pytest.mark.django_db
def test_answers_without_comments_are_never_duplicates(client):
    for _ in range(3):
        post_answer(client, form_token(client), "yes")
    assert Feedback.objects.counted().count() == 3


@pytest.mark.django_db
def test_service_marks_a_repeated_comment_given_with_the_answer():
    first, _created = services.feedback_create(
        path="/", language="sv", helpful=False, comment="Samma"
    )
    repeat, _created = services.feedback_create(
        path="/", language="sv", helpful=False, comment="SAMMA"
    )
    assert repeat.duplicate_of == first


@pytest.mark.django_db
def test_fingerprint_is_not_the_text_and_goes_with_the_text(client, settings):
    answer = commented(client, "Hemlig synpunkt")
    assert answer.comment_digest
    assert "Hemlig" not in answer.comment_digest
    settings.FEEDBACK_RETENTION_DAYS = 90
    Feedback.objects.filter(pk=answer.pk).update(created=answer.created - timedelta(days=91))
    call_command("purge_feedback")
    answer.refresh_from_db()
    assert (answer.comment, answer.comment_digest) == ("", "")


@pytest.mark.django_db
def test_dashboard_leaves_duplicates_out(client):
    commented(client, "Oklart", helpful="no")
    commented(client, "oklart", helpful="no")
    post_answer(client, form_token(client), "yes")
    summary = dashboard.summarise(Feedback.objects.all(), 7)
    assert (summary["total"], summary["yes"]) == (2, 1)
    assert [(page.label, page.total) for page in summary["pages"]] == [("/", 2)]


@pytest.mark.django_db
def test_export_leaves_duplicates_out_whatever_the_filter(admin_client, client):
    commented(client, "Oklart")
    commented(client, "Oklart")
    commented(client, "Något annat")
    for query in [{}, {"duplicates": "show"}]:
        comments = [row[6] for row in export_rows(admin_client, **query)]
        assert sorted(comments) == ["Något annat", "Oklart"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "count"),
    [({}, 2), ({"duplicates": "show"}, 3), ({"duplicates": "only"}, 1)],
)
def test_changelist_hides_duplicates_unless_asked(admin_client, client, query, count):
    commented(client, "Oklart")
    commented(client, "Oklart")
    commented(client, "Något annat")
    response = admin_client.get("/admin/feedback/feedback/", query)
    assert response.status_code == 200
    assert response.context["cl"].result_count == count


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["yes", "1", "<script>", "show\x00"])
def test_changelist_refuses_unknown_duplicate_filter_values(admin_client, value):
    response = admin_client.get("/admin/feedback/feedback/", {"duplicates": value})
    assert response.status_code == 302  # Django's answer to unknown filter values


@pytest.mark.django_db
def test_editors_find_the_filter_and_the_kept_answer(admin_client, client):
    first = commented(client, "Oklart")
    repeat = commented(client, "Oklart")
    html = admin_client.get("/admin/feedback/feedback/").content.decode()
    assert "Visa dubbletter" in html  # the admin speaks the editor's language: Swedish here
    assert "?duplicates=show" in html
    change = admin_client.get(f"/admin/feedback/feedback/{repeat.pk}/change/")
    assert change.status_code == 200
    assert f"/admin/feedback/feedback/{first.pk}/change/" in change.content.decode()
