"""A report published as a PDF: uploaded by an editor, linked from an article, downloaded by
a reader with or without JavaScript."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from newsroom.documents.models import Document
from tests.newsroom.documents import files
from tests.newsroom.news.factories import ArticleFactory
from tests.organisations.factories import OrganisationFactory

from .helpers import address

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def organisation():
    return OrganisationFactory(name_sv="Region Exempel")


def test_editor_uploads_a_report_and_the_form_is_accessible(
    admin_page, live_server, organisation, tmp_path, assert_accessible
):
    page = admin_page
    page.goto(live_server.url + reverse("admin:documents_document_add"))
    assert_accessible(page)
    report = tmp_path / "Rapport 2026.pdf"
    report.write_bytes(files.pdf(author="Anna Andersson"))
    page.set_input_files("#id_file", report)
    page.fill("#id_title_sv", "Rapport 2026")
    page.select_option("#id_language", "en")
    page.select_option("#id_organisation", str(organisation.pk))
    page.get_by_role("button", name="Spara", exact=True).click()
    page.wait_for_url(live_server.url + reverse("admin:documents_document_changelist"))

    document = Document.objects.get()
    page.goto(live_server.url + reverse("admin:documents_document_change", args=[document.pk]))
    assert page.get_by_text("Borttaget ur filen").is_visible()
    assert page.get_by_text(f"/documents/{document.pk}/").first.is_visible()
    assert_accessible(page)


def test_hostile_upload_is_told_in_swedish(admin_page, live_server, organisation, tmp_path):
    page = admin_page
    page.goto(live_server.url + reverse("admin:documents_document_add"))
    program = tmp_path / "rapport.pdf"
    program.write_bytes(files.EXE)
    page.set_input_files("#id_file", program)
    page.fill("#id_title_sv", "Rapport")
    page.select_option("#id_organisation", str(organisation.pk))
    page.get_by_role("button", name="Spara", exact=True).click()
    # Waits for the answer to the upload: is_visible() would look before it came.
    expect(page.get_by_text("Filen är ett program, inte ett dokument.")).to_be_visible()
    assert not Document.objects.exists()


@pytest.mark.parametrize("javascript", [True, False])
def test_reader_sees_and_downloads_the_report(
    browser, live_server, organisation, javascript, assert_accessible
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    document = Document(
        title_sv="Rapport 2026",
        language="en",
        organisation=organisation,
        file=SimpleUploadedFile("rapport.pdf", files.pdf()),
    )
    document.full_clean()
    document.save()
    article = ArticleFactory(
        organisation=organisation,
        body_sv=f'<p>Läs <a href="/documents/{document.pk}/">Rapport 2026</a>.</p>'
        '<p>Mer hos <a href="https://www.example.org/">Exempelverket</a>.</p>',
    )
    context = browser.new_context(java_script_enabled=javascript, accept_downloads=True)
    page = context.new_page()
    page.goto(address(live_server, article, "sv"))

    link = page.get_by_role("link", name="Rapport 2026 (PDF")
    assert "på engelska" in link.inner_text()
    external = page.get_by_role("link", name="Exempelverket (annan webbplats)")
    assert external.locator("svg").is_visible()  # seen, not only heard
    if javascript:
        assert_accessible(page)
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == "rapport-2026.pdf"
    context.close()
