import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from newsroom.documents.models import Document
from tests.newsroom.news.factories import ArticleFactory
from tests.organisations.factories import OrganisationFactory

from . import files

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:documents_document_add")


def form_data(owner, **fields):
    return {
        "title_sv": "Verksamhetsplan 2026",
        "language": "sv",
        "organisation": owner.pk,
        "date": "2026-03-01",
        **fields,
    }


def upload(client, owner, content, name="plan.pdf", url=ADD_URL, **fields):
    data = form_data(owner, **fields)
    data["file"] = SimpleUploadedFile(name, content)
    return client.post(url, data)


def file_errors(response):
    assert response.status_code == 200, response.status_code
    form = response.context["adminform"].form
    return {error.code for error in form.errors.as_data().get("file", [])}


def test_editor_uploads_a_pdf_stored_without_its_author(editor_client, organisation):
    response = upload(editor_client, organisation, files.pdf(author="Anna Andersson"))
    assert response.status_code == 302, response.context["adminform"].form.errors
    document = Document.objects.get()
    assert document.format == "PDF"
    assert document.file.name.endswith(".pdf")
    with document.file.open("rb") as stored:
        content = stored.read()
    assert b"Anna Andersson" not in content
    assert document.size == len(content)
    page = editor_client.get(reverse("admin:documents_document_change", args=[document.pk]))
    assert "Author" in page.content.decode()  # the editor is told what was removed


@pytest.mark.parametrize(
    ("content", "name", "code"),
    [
        (files.EXE, "rapport.pdf", "program"),
        (files.HTML, "rapport.pdf", "markup"),
        (files.zip_bomb(), "rapport.docx", "zip_bomb"),
        (b"", "rapport.pdf", "empty"),
    ],
)
def test_hostile_uploads_are_form_errors(editor_client, organisation, content, name, code):
    response = upload(editor_client, organisation, content, name)
    assert code in file_errors(response)
    assert not Document.objects.exists()
    assert not default_storage.exists("documents")  # nothing written


def test_oversize_upload_is_a_form_error(editor_client, organisation, monkeypatch):
    from newsroom.documents import formats

    monkeypatch.setattr(formats, "MAX_BYTES", 2000)
    response = upload(editor_client, organisation, b"a" * 2001, "notes.txt")
    assert "too_many_bytes" in file_errors(response)


def test_nul_in_the_name_is_no_500(editor_client, organisation):
    response = upload(editor_client, organisation, files.pdf(), "rap\x00port.pdf")
    # Refused as a name with control characters, or the NUL dropped before it reaches us.
    assert response.status_code in (200, 302)
    for document in Document.objects.all():
        assert "\x00" not in document.file.name


def test_hostile_fields_are_form_errors(editor_client, organisation):
    other = OrganisationFactory(name_sv="Andra verket")
    cases = [
        {"organisation": other.pk},  # another organisation's id
        {"organisation": "not-a-number"},
        {"language": "xx"},
        {"date": "2026-13-45"},
        {"title_sv": "x" * 201},
    ]
    for fields in cases:
        response = upload(editor_client, organisation, files.pdf(), **fields)
        assert response.status_code == 200, fields
        assert response.context["adminform"].form.errors, fields
    markup = upload(editor_client, organisation, files.pdf(), title_sv="<script>x()</script>")
    assert markup.status_code == 302
    listing = editor_client.get(reverse("admin:documents_document_changelist")).content.decode()
    assert "<script>x()</script>" not in listing
    assert Document.objects.count() == 1


def test_upload_without_csrf_token_is_refused(organisation, admin_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)
    response = upload(client, organisation, files.pdf())
    assert response.status_code == 403
    assert not Document.objects.exists()


def test_download_is_an_attachment_that_cannot_run(client, make_document):
    document = make_document(title_sv="Rapport 2026")
    response = client.get(f"/documents/{document.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="rapport-2026.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert "default-src 'none'" in response["Content-Security-Policy"]
    assert "Set-Cookie" not in response
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert client.post(f"/documents/{document.pk}/").status_code == 405
    assert client.get("/documents/999999/").status_code == 404
    assert client.get("/documents/99999999999999999999999/").status_code == 404


def test_download_while_the_storage_is_down_is_a_503(client, make_document, monkeypatch):
    document = make_document()

    def unreachable(*args, **kwargs):
        raise ConnectionError("the bucket does not answer")

    monkeypatch.setattr(type(default_storage._wrapped), "open", unreachable)
    response = client.get(f"/documents/{document.pk}/")
    assert response.status_code == 503
    assert response["Retry-After"]
    assert "no-store" in response["Cache-Control"]


def test_replacing_the_file_keeps_the_address(
    admin_client, make_document, organisation, django_capture_on_commit_callbacks
):
    document = make_document()
    address = document.get_absolute_url()
    old_name = document.file.name
    url = reverse("admin:documents_document_change", args=[document.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(admin_client, organisation, b"ny;tabell\n1;2\n", "data.csv", url)
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.get_absolute_url() == address
    assert document.format == "CSV"
    download = admin_client.get(address)
    assert download["Content-Type"] == "text/csv; charset=utf-8"
    assert b"".join(download.streaming_content) == b"ny;tabell\n1;2\n"
    assert not default_storage.exists(old_name)  # the replaced file is gone


def test_changing_only_the_title_keeps_the_file(admin_client, make_document, organisation):
    document = make_document()
    name = document.file.name
    url = reverse("admin:documents_document_change", args=[document.pk])
    response = admin_client.post(url, form_data(organisation, title_sv="Ny rubrik"))
    assert response.status_code == 302
    document.refresh_from_db()
    assert (document.title_sv, document.file.name) == ("Ny rubrik", name)
    assert default_storage.exists(name)


def test_readers_see_type_size_and_language(client, make_document):
    english = make_document(title_sv="Report", language="en")
    swedish = make_document(title_sv="Rapport", language="sv")
    Document.objects.filter(pk=english.pk).update(size=int(2.3 * 1024 * 1024))
    Document.objects.filter(pk=swedish.pk).update(size=int(1.5 * 1024 * 1024))
    article = ArticleFactory(
        body_sv=(
            f'<p>Läs <a href="/documents/{english.pk}/">rapporten</a> och '
            f'<a href="/documents/{swedish.pk}/">sammanfattningen</a>.</p>'
        )
    )
    # The size is not broken across lines: a no-break space before its unit.
    page = client.get(article.get_absolute_url()).content.decode().replace("\xa0", " ")
    assert 'rapporten<span class="link-note"> (PDF, 2,3 MB, på engelska)</span></a>' in page
    # The page's own language goes without saying.
    assert 'sammanfattningen<span class="link-note"> (PDF, 1,5 MB)</span>' in page


def test_only_links_to_this_site_are_documents(settings):
    from newsroom.documents.links import document_id

    settings.ALLOWED_HOSTS = ["www.region.se"]
    assert document_id("/documents/7/") == 7
    assert document_id("https://www.region.se/documents/7/") == 7
    # Another site's document is marked as another website, not given this site's facts.
    assert document_id("https://example.org/documents/7/") is None
    assert document_id("mailto:x@www.region.se") is None
    assert document_id("") is None


def test_page_queries_do_not_grow_with_documents(client, make_document):
    def queries_for(count):
        documents = [make_document(title_sv=f"Bilaga {n}") for n in range(count)]
        links = "".join(f'<p><a href="/documents/{d.pk}/">Bilaga</a></p>' for d in documents)
        url = ArticleFactory(body_sv=links).get_absolute_url()
        client.get(url)  # warm: sessions, site settings
        with CaptureQueriesContext(connection) as queries:
            page = client.get(url)
        assert page.content.decode().count('class="link-note"') == count
        return len(queries)

    assert queries_for(1) == queries_for(6)


def test_usage_is_shown_and_deleting_a_used_document_is_refused(
    admin_client, make_document, django_capture_on_commit_callbacks
):
    used, unused = make_document(title_sv="Använd"), make_document(title_sv="Oanvänd")
    link = f'<p><a href="/documents/{used.pk}/">x</a></p>'
    ArticleFactory(title_sv="Nyheten som länkar", fact_box_en=link)
    change = admin_client.get(reverse("admin:documents_document_change", args=[used.pk]))
    assert "Nyheten som länkar" in change.content.decode()
    delete_url = reverse("admin:documents_document_delete", args=[used.pk])
    confirm = admin_client.get(delete_url).content.decode()
    assert "Nyheten som länkar" in confirm
    assert admin_client.post(delete_url, {"post": "yes"}).status_code == 200
    assert Document.objects.filter(pk=used.pk).exists()
    bulk = admin_client.post(
        reverse("admin:documents_document_changelist"),
        {"action": "delete_selected", "_selected_action": [used.pk, unused.pk], "post": "yes"},
    )
    assert bulk.status_code == 200
    assert Document.objects.count() == 2
    name = unused.file.name
    delete_unused = reverse("admin:documents_document_delete", args=[unused.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_client.post(delete_unused, {"post": "yes"}).status_code == 302
    assert not Document.objects.filter(pk=unused.pk).exists()
    assert not default_storage.exists(name)
