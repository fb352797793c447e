"""EMAIL_URL, DEFAULT_FROM_EMAIL and SITE_URL are read strictly (newsroom/env.py)."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from newsroom import env
from tests.newsroom.test_settings import run_python


def refusal(function, *args, **kwargs):
    with pytest.raises(ImproperlyConfigured) as error:
        function(*args, **kwargs)
    return str(error.value)


def test_email_urls_become_djangos_settings():
    assert env.parse_email_url("smtp+tls://u%40x:p%2Fw%3A@mail.example.org:2525?timeout=5") == {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "mail.example.org",
        "EMAIL_PORT": 2525,
        "EMAIL_HOST_USER": "u@x",
        "EMAIL_HOST_PASSWORD": "p/w:",
        "EMAIL_TIMEOUT": 5,
        "EMAIL_USE_TLS": True,
        "EMAIL_USE_SSL": False,
    }
    smtps = env.parse_email_url("smtps://relay.example.org")
    assert smtps["EMAIL_PORT"] == 465
    assert (smtps["EMAIL_USE_SSL"], smtps["EMAIL_USE_TLS"]) == (True, False)
    assert env.parse_email_url("smtp://localhost")["EMAIL_PORT"] == 25
    console = env.parse_email_url("console://")
    assert console == {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("mail.example.org", "is not an e-mail URL"),
        ("sendgrid://key@x", "unknown scheme 'sendgrid://'"),
        ("smtp://", "names no host"),
        ("smtp://host:port", "is the port a number?"),
        ("smtp://host/inbox", "has a path"),
        ("smtp://host?tls=1", "unknown or repeated option 'tls'"),
        ("smtp://host?timeout=0", "timeout='0'"),
        ("smtp://host?timeout=5&timeout=6", "unknown or repeated option 'timeout'"),
    ],
)
def test_a_malformed_email_url_is_refused_by_name(url, problem):
    message = refusal(env.parse_email_url, url)
    assert message.startswith("EMAIL_URL ")
    assert problem in message


def test_the_password_is_never_repeated_and_unset_means_console():
    result = run_python(
        "import django; django.setup()", DEBUG="1", EMAIL_URL="smtp+tls://u:s3cret@host/x"
    )
    assert result.returncode != 0
    assert "EMAIL_URL has a path" in result.stderr
    assert "s3cret" not in result.stderr
    code = "from django.conf import settings as s; print(s.EMAIL_BACKEND, s.DEFAULT_FROM_EMAIL)"
    result = run_python(code, DEBUG="1")
    assert result.stdout.split() == [
        "django.core.mail.backends.console.EmailBackend",
        "webmaster@localhost",
    ]


@pytest.mark.parametrize(
    "value", ["news@example.org", "Newsroom <news@example.org>", "Nyhetsrummet <n@region.se>"]
)
def test_a_sender_is_an_address_or_a_named_address(monkeypatch, value):
    monkeypatch.setenv("NEWSROOM_TEST_VALUE", value)
    assert env.env_email_address("NEWSROOM_TEST_VALUE", "x@example.org") == value


@pytest.mark.parametrize(
    "value",
    ["news", "news@", "a@b", "a@example.org, b@example.org", "News <news@example.org>\nBcc: x@y.z"],
)
def test_a_sender_that_is_no_address_is_refused(monkeypatch, value):
    monkeypatch.setenv("NEWSROOM_TEST_VALUE", value)
    assert "must be an e-mail address" in refusal(
        env.env_email_address, "NEWSROOM_TEST_VALUE", "x@example.org"
    )


@pytest.mark.parametrize(
    "value", ["www.example.org", "ftp://example.org", "https://example.org/news", "https://"]
)
def test_site_url_is_an_address_without_a_path(monkeypatch, value):
    monkeypatch.setenv("NEWSROOM_TEST_VALUE", value)
    assert "must be the site's address" in refusal(
        env.env_site_url, "NEWSROOM_TEST_VALUE", "https://x.example"
    )
    monkeypatch.setenv("NEWSROOM_TEST_VALUE", "https://www.example.org/")
    assert env.env_site_url("NEWSROOM_TEST_VALUE", "") == "https://www.example.org"
