"""After logging in to the admin, an editor lands on the admin's home page unless a safe
``next`` says where to go."""

import pytest
from django.contrib.auth import get_user_model

PASSWORD = "a long enough pass phrase"


@pytest.fixture
def editor(db, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast
    return get_user_model().objects.create_superuser("redaktor", password=PASSWORD)


def log_in(client, **next_field):
    return client.post(
        "/admin/login/", {"username": "redaktor", "password": PASSWORD, **next_field}
    )


@pytest.mark.parametrize(
    "next_field",
    [
        {},
        {"next": ""},
        {"next": "https://evil.example/"},
        {"next": "//evil.example"},
        {"next": "/\\evil.example"},
        {"next": "javascript:alert(1)"},
    ],
    ids=["missing", "empty", "other site", "scheme-relative", "backslash", "javascript"],
)
def test_without_a_safe_next_the_editor_lands_on_the_admins_home_page(client, editor, next_field):
    response = log_in(client, **next_field)

    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get(response["Location"]).status_code == 200


def test_a_safe_next_is_kept(client, editor):
    response = log_in(client, next="/admin/newsroom/article/")

    assert response.status_code == 302
    assert response["Location"] == "/admin/newsroom/article/"
    assert client.get(response["Location"]).status_code == 200
