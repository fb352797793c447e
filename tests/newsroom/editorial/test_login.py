"""Admin login: lockout by user name and client address, cool-off, passwords, sessions."""

import datetime

import pytest
from axes.models import AccessAttempt, AccessLog
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/?next=/admin/"


def attempt(client, username, password, address="192.0.2.10"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def logged_in(client):
    return client.get("/admin/").status_code == 200


def fail(client, username, times, address="192.0.2.10"):
    """Fail ``times`` times; the last failure that reaches the limit is answered 429."""
    for number in range(1, times + 1):
        expected = 429 if number >= settings.AXES_FAILURE_LIMIT else 200
        assert attempt(client, username, "wrong password", address).status_code == expected


def test_correct_password_logs_in(client, editor):
    assert attempt(client, "editor", PASSWORD).status_code == 302
    assert logged_in(client)
    assert not AccessLog.objects.exists()  # successful logins are not recorded


def test_lockout_after_the_failure_limit(client, editor):
    fail(client, "editor", settings.AXES_FAILURE_LIMIT - 1)
    assert attempt(client, "editor", PASSWORD).status_code == 302  # still allowed, and resets
    client.logout()
    fail(client, "editor", settings.AXES_FAILURE_LIMIT)
    response = attempt(client, "editor", PASSWORD)
    assert response.status_code == 429
    assert "minutes" in response.content.decode() or "minuter" in response.content.decode()
    assert not logged_in(client)


def test_lockout_is_per_user_name_and_address(client, editor, publisher):
    fail(client, "editor", settings.AXES_FAILURE_LIMIT)
    assert attempt(client, "editor", PASSWORD).status_code == 429
    # The same user from another address, and another user from the same address, may log in.
    assert attempt(client, "editor", PASSWORD, address="198.51.100.7").status_code == 302
    client.logout()
    assert attempt(client, "publisher", PASSWORD).status_code == 302


def test_cool_off_ends_the_lockout(client, editor):
    fail(client, "editor", settings.AXES_FAILURE_LIMIT)
    assert attempt(client, "editor", PASSWORD).status_code == 429
    # Move the failures back in time past the cool-off.
    past = settings.AXES_COOLOFF_TIME + datetime.timedelta(minutes=1)
    for access in AccessAttempt.objects.all():
        AccessAttempt.objects.filter(pk=access.pk).update(attempt_time=access.attempt_time - past)
    assert attempt(client, "editor", PASSWORD).status_code == 302
    assert logged_in(client)


def test_unknown_user_names_are_locked_out_too(client):
    fail(client, "nobody", settings.AXES_FAILURE_LIMIT)
    assert attempt(client, "nobody", "anything").status_code == 429


@pytest.mark.parametrize("password", ["short", "password1234", "12345678901234", "editor"])
def test_weak_passwords_are_refused(editor, password):
    with pytest.raises(ValidationError):
        validate_password(password, user=editor)


def test_a_strong_password_is_accepted(editor):
    validate_password("Blue-kettle 7 orchard Spruce", user=editor)


def test_sessions_expire():
    assert settings.SESSION_COOKIE_AGE <= 8 * 60 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE


@pytest.mark.parametrize(
    ("accept", "words"),
    [("sv", "Inloggning med det här användarnamnet är spärrad"), ("nb", "Innlogging er sperret")],
)
def test_the_lockout_page_speaks_the_editors_language_in_the_admins_look(
    client, editor, accept, words
):
    fail(client, "editor", settings.AXES_FAILURE_LIMIT)
    response = client.post(
        LOGIN,
        {"username": "editor", "password": PASSWORD},
        REMOTE_ADDR="192.0.2.10",
        headers={"accept-language": accept},
    )
    page = response.content.decode()
    assert response.status_code == 429
    assert f'<html lang="{accept}"' in page
    assert words in page
    assert 'id="header"' in page  # the admin's own page, not a bare message


def test_site_administrators_see_lockouts_in_swedish_and_no_empty_logs(client, site_admin):
    fail(Client(), "editor", settings.AXES_FAILURE_LIMIT)
    client.force_login(site_admin)
    sv = {"accept-language": "sv"}
    index = client.get("/admin/", headers=sv).content.decode()
    assert "Inloggningsskydd" in index
    assert "Misslyckade inloggningar" in index
    lockouts = client.get("/admin/axes/accessattempt/", headers=sv).content.decode()
    for words in ("Användarnamn", "IP-adress", "Webbläsare", "Ta bort utgångna försök"):
        assert words in lockouts, words
    assert client.get("/admin/axes/accesslog/").status_code == 404
    assert client.get("/admin/axes/accessfailurelog/").status_code == 404
