import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_demo_prints_the_log_in_on_the_port_the_site_is_served_on():
    out = io.StringIO()
    call_command("demo", site_url="http://127.0.0.1:8123", stdout=out)
    line = out.getvalue()
    assert "http://127.0.0.1:8123/admin/" in line
    password = line.rsplit("password '", 1)[1].split("'")[0]
    assert get_user_model().objects.get(username="admin").check_password(password)

    again = io.StringIO()
    call_command("demo", site_url="http://127.0.0.1:8123", stdout=again)
    assert "An admin account exists. Log in at http://127.0.0.1:8123/admin/" in again.getvalue()
    assert get_user_model().objects.filter(is_superuser=True).count() == 1


def test_demo_reports_programme_is_a_pdf_readers_can_download(client):
    from newsroom.documents.models import Document
    from newsroom.management.commands.demo import create_documents
    from newsroom.news.models import Article

    call_command("demo", stdout=io.StringIO())
    create_documents()  # again: still one document, one link
    programme = Document.objects.get()
    assert programme.format == "PDF"
    report = Article.objects.get(slug_sv="intryck-fran-datadagarna")
    assert report.body_sv.count(programme.get_absolute_url()) == 1

    page = client.get(report.get_absolute_url()).content.decode()
    assert '<ul class="document-list"><li><a href="' in page
    assert 'Programmet för Datadagarna<span class="link-note"> (PDF,' in page
    download = client.get(programme.get_absolute_url())
    assert download["Content-Type"] == "application/pdf"
    assert b"Datadagarna" in b"".join(download.streaming_content)


def test_demo_region_news_has_two_captioned_portraits_and_the_agency_news_a_pull_quote(client):
    from newsroom.news.models import Article

    call_command("demo", stdout=io.StringIO())
    region = client.get(
        Article.objects.get(slug_sv="exempelregionen-starker-digital-kompetens").get_absolute_url()
    ).content.decode()
    assert region.count('<figure class="image image--inset">') == 2
    assert "Eva Exempeldotter, regiondirektör." in region
    assert "Tomas Testsson, digital strateg." in region
    agency = client.get(
        Article.objects.get(slug_sv="nordiska-digitaliseringschefer-mots").get_absolute_url()
    ).content.decode()
    assert '<cite class="pull-quote__speaker">Helena Fiktivdotter</cite>' in agency
