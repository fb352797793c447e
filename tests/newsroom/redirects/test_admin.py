import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from newsroom.redirects.models import Redirect

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(admin_client):
    """The administrator reads the admin in English, so messages are checked as written."""
    admin_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return admin_client


ADD = "/admin/redirects/redirect/add/"
IMPORT = "/admin/redirects/redirect/import/"


def add(admin_client, old_path, target):
    return admin_client.post(ADD, {"old_path": old_path, "target": target})


def csv_upload(text, name="redirects.csv"):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return SimpleUploadedFile(name, data, content_type="text/csv")


def test_an_administrator_adds_a_redirect_from_an_old_site(admin_client, client):
    response = add(admin_client, "https://gammal.example.se/press/arkiv.html", "/nyheter/")
    assert response.status_code == 302
    redirect = Redirect.objects.get()
    assert (redirect.old_path, redirect.target) == ("/press/arkiv.html", "/nyheter/")
    response = client.get("/press/arkiv.html")
    assert (response.status_code, response["Location"]) == (301, "/nyheter/")


def test_an_external_target(admin_client, client):
    add(admin_client, "/gammal/", "https://example.org/ny-plats")
    assert client.get("/gammal/")["Location"] == "https://example.org/ny-plats"


def test_chains_are_resolved_both_ways(admin_client, client):
    add(admin_client, "/b/", "/c/")
    add(admin_client, "/a/", "/b/")  # a → b → c is stored as a → c
    add(admin_client, "/c/", "/d/")  # and a, b now lead straight to d
    assert dict(Redirect.objects.values_list("old_path", "target")) == {
        "/a/": "/d/",
        "/b/": "/d/",
        "/c/": "/d/",
    }
    assert client.get("/a/")["Location"] == "/d/"


@pytest.mark.parametrize(
    ("existing", "old_path", "target"),
    [
        ([], "/a/", "/a/"),
        ([("/b/", "/a/")], "/a/", "/b/"),
        ([("/b/", "/c/"), ("/c/", "/a/")], "/a/", "/b/"),
    ],
)
def test_loops_are_refused(admin_client, existing, old_path, target):
    for row in existing:
        add(admin_client, *row)
    count = Redirect.objects.count()
    response = add(admin_client, old_path, target)
    assert response.status_code == 200
    assert "loop" in response.content.decode()
    assert Redirect.objects.count() == count


@pytest.mark.parametrize(
    ("old_path", "target"),
    [
        ("", "/ny/"),
        ("/gammal/", ""),
        ("gammal", "/ny/"),
        ("//evil.example/", "/ny/"),
        ("/gammal/?id=1", "/ny/"),
        ("/gam\x00mal/", "/ny/"),
        ("/gam%00mal/", "/ny/"),
        ("/" + "x" * 600, "/ny/"),
        ("/gammal/", "/" + "x" * 1200),
        ("/gammal/", "javascript:alert(1)"),
        ("/gammal/", "//evil.example/"),
        ("/gammal/", "ftp://example.org/"),
        ("/gammal/", "<script>alert(1)</script>"),
        ("/", "/ny/"),
        ("/admin/login/", "https://evil.example/"),
    ],
)
def test_hostile_input_is_refused_without_a_server_error(admin_client, old_path, target):
    response = add(admin_client, old_path, target)
    assert response.status_code == 200
    assert "errornote" in response.content.decode()
    assert not Redirect.objects.exists()


def test_a_duplicate_old_address_is_refused(admin_client):
    add(admin_client, "/gammal/", "/ny/")
    response = add(admin_client, "https://example.se/gammal/", "/annan/")
    assert response.status_code == 200
    assert Redirect.objects.get().target == "/ny/"


def test_the_form_needs_a_csrf_token(admin_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)
    assert client.post(ADD, {"old_path": "/a/", "target": "/b/"}).status_code == 403
    assert client.post(IMPORT, {"file": csv_upload("/a/,/b/\n")}).status_code == 403
    assert not Redirect.objects.exists()


def test_editors_cannot_add_or_import_redirects(django_user_model):
    user = django_user_model.objects.create_user("editor", password="x" * 16, is_staff=True)
    client = Client()
    client.force_login(user)
    assert client.get(ADD).status_code == 403
    assert client.post(IMPORT, {"file": csv_upload("/a/,/b/\n")}).status_code == 403
    assert not Redirect.objects.exists()


def test_csv_import(admin_client, client):
    text = "old_path,target\n/gammal/a.html,/nyheter/\n\n/gammal/b.html,https://example.org/\n"
    response = admin_client.post(IMPORT, {"file": csv_upload(text)})
    assert response.status_code == 302
    assert Redirect.objects.count() == 2
    assert client.get("/gammal/b.html")["Location"] == "https://example.org/"


def test_csv_import_resolves_chains_within_the_file(admin_client):
    text = "/a/;/b/\n/b/;/c/\n"
    admin_client.post(IMPORT, {"file": csv_upload(text)})
    assert dict(Redirect.objects.values_list("old_path", "target")) == {"/a/": "/c/", "/b/": "/c/"}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("/a/,/b/\n/b/,/a/\n", "loop"),
        ("/a/,/b/\n/a/,/c/\n", "Line 2"),
        ("/a/,/b/,/c/\n", "two columns"),
        ("/ok/,/b/\nnot-a-path,/b/\n", "Line 2"),
        ("/a/,javascript:alert(1)\n", "Line 1"),
        ("/a\x00/,/b/\n", "CSV"),
        (b"\xff\xfe/a/,/b/", "UTF-8"),
        ("", "empty"),
        ("\n\n", "no redirects"),
        ("/a/,/b/\n" * 6000, "more than"),
        ("x" * 1_100_000, "too large"),
        ('"/a/,/b/\n', "two columns"),
    ],
)
def test_a_bad_csv_imports_nothing(admin_client, content, message):
    response = admin_client.post(IMPORT, {"file": csv_upload(content)})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Redirect.objects.exists()


def test_a_csv_line_for_an_existing_redirect_imports_nothing(admin_client):
    add(admin_client, "/a/", "/b/")
    response = admin_client.post(IMPORT, {"file": csv_upload("/c/,/d/\n/a/,/e/\n")})
    assert "Line 2" in response.content.decode()
    assert Redirect.objects.count() == 1


def test_the_import_form_without_a_file(admin_client):
    assert admin_client.get(IMPORT).status_code == 200
    assert admin_client.post(IMPORT, {}).status_code == 200
    assert admin_client.post(IMPORT, {"file": "not a file"}).status_code == 200
