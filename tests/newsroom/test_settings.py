"""Settings come from the environment, and a value that cannot be read stops the process."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from newsroom import env

ROOT = Path(__file__).resolve().parents[2]

# Every variable the settings read that a test here sets, cleared before each one.
VARIABLES = [
    "DEBUG",
    "SECRET_KEY",
    "DATA_DIR",
    "DATABASE_URL",
    "STATIC_ROOT",
    "MEDIA_ROOT",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "LOG_LEVEL",
    "NEWSROOM_TEST_VALUE",
]


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch):
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)


def refusal(function, *args, **kwargs):
    with pytest.raises(ImproperlyConfigured) as error:
        function(*args, **kwargs)
    return str(error.value)


@pytest.mark.parametrize("value", ["1", "true", "True", "YES", "on", " On "])
def test_env_bool_reads_the_usual_spellings_of_on(monkeypatch, value):
    monkeypatch.setenv("NEWSROOM_TEST_VALUE", value)

    assert env.env_bool("NEWSROOM_TEST_VALUE", False) is True


@pytest.mark.parametrize("value", ["0", "false", "FALSE", "no", "Off"])
def test_env_bool_reads_the_usual_spellings_of_off(monkeypatch, value):
    monkeypatch.setenv("NEWSROOM_TEST_VALUE", value)

    assert env.env_bool("NEWSROOM_TEST_VALUE", True) is False


@pytest.mark.parametrize("value", [None, "", "  "])
def test_env_bool_unset_or_empty_means_the_default(monkeypatch, value):
    if value is not None:
        monkeypatch.setenv("NEWSROOM_TEST_VALUE", value)

    assert env.env_bool("NEWSROOM_TEST_VALUE", True) is True
    assert env.env_bool("NEWSROOM_TEST_VALUE", False) is False


@pytest.mark.parametrize("value", ["ture", "maybe", "2", "y", "enabled"])
def test_env_bool_refuses_anything_else_naming_the_variable_and_the_accepted_values(
    monkeypatch, value
):
    monkeypatch.setenv("NEWSROOM_TEST_VALUE", value)

    message = refusal(env.env_bool, "NEWSROOM_TEST_VALUE", False)

    assert message.startswith("NEWSROOM_TEST_VALUE must be ")
    assert "1/0, true/false, yes/no or on/off" in message
    assert repr(value) in message


def test_env_int_reads_whole_numbers_and_defaults(monkeypatch):
    assert env.env_int("NEWSROOM_TEST_VALUE", 5) == 5
    assert env.env_int("NEWSROOM_TEST_VALUE", None) is None
    monkeypatch.setenv("NEWSROOM_TEST_VALUE", " 300 ")
    assert env.env_int("NEWSROOM_TEST_VALUE", 5) == 300
    monkeypatch.setenv("NEWSROOM_TEST_VALUE", "0")
    assert env.env_int("NEWSROOM_TEST_VALUE", 5, minimum=0) == 0


@pytest.mark.parametrize("value", ["abc", "1.5", "1e3", "12 seconds", "0x10", "١٢"])
def test_env_int_refuses_what_is_not_a_whole_number(monkeypatch, value):
    monkeypatch.setenv("NEWSROOM_TEST_VALUE", value)

    message = refusal(env.env_int, "NEWSROOM_TEST_VALUE", 5)

    assert message.startswith("NEWSROOM_TEST_VALUE must be a whole number")
    assert repr(value) in message


def test_env_int_refuses_a_number_out_of_bounds(monkeypatch):
    monkeypatch.setenv("NEWSROOM_TEST_VALUE", "-1")
    assert "of at least 0" in refusal(env.env_int, "NEWSROOM_TEST_VALUE", 5, minimum=0)
    monkeypatch.setenv("NEWSROOM_TEST_VALUE", "11")
    message = refusal(env.env_int, "NEWSROOM_TEST_VALUE", 5, minimum=1, maximum=10)
    assert "of at least 1 and at most 10" in message


def test_env_float_reads_numbers_and_refuses_the_rest(monkeypatch):
    assert env.env_float("NEWSROOM_TEST_VALUE", 2) == 2
    monkeypatch.setenv("NEWSROOM_TEST_VALUE", "1.5")
    assert env.env_float("NEWSROOM_TEST_VALUE", 2) == 1.5
    for value in ("fast", "nan", "inf"):
        monkeypatch.setenv("NEWSROOM_TEST_VALUE", value)
        assert "must be a number" in refusal(env.env_float, "NEWSROOM_TEST_VALUE", 2)


def test_env_list_splits_on_commas_and_drops_blanks(monkeypatch):
    assert env.env_list("NEWSROOM_TEST_VALUE", "a.example,b.example") == ["a.example", "b.example"]
    assert env.env_list("NEWSROOM_TEST_VALUE") == []
    monkeypatch.setenv("NEWSROOM_TEST_VALUE", " news.example.org, ,www.example.org ,")
    assert env.env_list("NEWSROOM_TEST_VALUE") == ["news.example.org", "www.example.org"]


def test_env_choice_reads_any_case_and_refuses_others(monkeypatch):
    assert env.env_choice("NEWSROOM_TEST_VALUE", "INFO", env.LOG_LEVELS) == "INFO"
    monkeypatch.setenv("NEWSROOM_TEST_VALUE", "warning")
    assert env.env_choice("NEWSROOM_TEST_VALUE", "INFO", env.LOG_LEVELS) == "WARNING"
    monkeypatch.setenv("NEWSROOM_TEST_VALUE", "loud")
    message = refusal(env.env_choice, "NEWSROOM_TEST_VALUE", "INFO", env.LOG_LEVELS)
    assert "DEBUG, INFO, WARNING, ERROR, CRITICAL" in message


def test_env_directory_must_exist_when_set(monkeypatch, tmp_path):
    assert env.env_directory("NEWSROOM_TEST_VALUE", "relative") == Path.cwd() / "relative"
    monkeypatch.setenv("NEWSROOM_TEST_VALUE", str(tmp_path))
    assert env.env_directory("NEWSROOM_TEST_VALUE", "/unused") == tmp_path.resolve()
    monkeypatch.setenv("NEWSROOM_TEST_VALUE", str(tmp_path / "missing"))
    assert "must be an existing directory" in refusal(
        env.env_directory, "NEWSROOM_TEST_VALUE", "/unused"
    )


@pytest.mark.parametrize(
    ("url", "engine", "name"),
    [
        (
            "sqlite:////srv/newsroom/db.sqlite3",
            "django.db.backends.sqlite3",
            "/srv/newsroom/db.sqlite3",
        ),
        ("sqlite:///db.sqlite3", "django.db.backends.sqlite3", "db.sqlite3"),
        (
            "postgres://news:s3cret@db.internal:5432/newsroom",
            "django.db.backends.postgresql",
            "newsroom",
        ),
        ("postgresql://db.internal/newsroom", "django.db.backends.postgresql", "newsroom"),
        ("pgsql:///newsroom", "django.db.backends.postgresql", "newsroom"),
        ("postgres://%2Frun%2Fpostgresql/newsroom", "django.db.backends.postgresql", "newsroom"),
    ],
)
def test_database_urls_of_sqlite_and_postgresql_are_read(url, engine, name):
    config = env.parse_database_url(url, conn_max_age=60)

    assert config["ENGINE"] == engine
    assert config["NAME"] == name
    assert config["CONN_MAX_AGE"] == 60


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("garbage", "is not a database URL"),
        ("localhost:5432/newsroom", "is not a database URL"),
        ("mysql://news:s3cret@db/newsroom", "has the unknown scheme 'mysql://'"),
        ("postgress://news:s3cret@db/newsroom", "has the unknown scheme 'postgress://'"),
        ("postgres://news:s3cret@db.internal:54a2/newsroom", "is not a valid URL"),
        ("postgres://news:s3cret@db.internal:5432", "names no database"),
        ("postgres://news:s3cret@db.internal:5432/", "names no database"),
    ],
)
def test_a_malformed_database_url_is_refused_without_repeating_its_password(url, problem):
    message = refusal(env.parse_database_url, url)

    assert message.startswith(f"DATABASE_URL {problem}")
    assert "; accepted: sqlite:///" in message
    assert "postgres://user:password@host:5432/name" in message
    assert "s3cret" not in message


def test_env_database_falls_back_to_the_default_url(monkeypatch):
    default = "sqlite:////srv/newsroom/db.sqlite3"

    assert env.env_database("DATABASE_URL", default)["NAME"] == "/srv/newsroom/db.sqlite3"
    monkeypatch.setenv("DATABASE_URL", "  ")
    assert env.env_database("DATABASE_URL", default)["NAME"] == "/srv/newsroom/db.sqlite3"
    monkeypatch.setenv("DATABASE_URL", "postgres:///newsroom")
    assert env.env_database("DATABASE_URL", default)["NAME"] == "newsroom"
    monkeypatch.setenv("DATABASE_URL", "nonsense")
    assert refusal(env.env_database, "DATABASE_URL", default).startswith("DATABASE_URL is not")


def test_the_default_sqlite_url_keeps_any_path_intact(tmp_path):
    path = tmp_path / "a folder #1 ?x=%20" / "db.sqlite3"

    assert env.parse_database_url(env.sqlite_url(path))["NAME"] == str(path)


def run_python(code, **variables):
    """Run Python code in a fresh process with only the given configuration variables."""
    clean = {key: value for key, value in os.environ.items() if key not in VARIABLES}
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "newsroom.settings", **variables},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    ("variables", "named"),
    [
        ({"DEBUG": "ture"}, "DEBUG must be 1/0, true/false, yes/no or on/off"),
        ({"DEBUG": "1", "SECURE_SSL_REDIRECT": "maybe"}, "SECURE_SSL_REDIRECT must be 1/0"),
        ({"DEBUG": "1", "SECURE_HSTS_SECONDS": "abc"}, "SECURE_HSTS_SECONDS must be a whole"),
        ({"DEBUG": "1", "DATABASE_URL": "mysql://u:s3cret@h/db"}, "DATABASE_URL has the unknown"),
        ({"DEBUG": "1", "DATABASE_URL": "garbage"}, "DATABASE_URL is not a database URL"),
    ],
)
def test_django_refuses_to_start_with_a_value_it_cannot_read(variables, named):
    result = run_python("import django; django.setup()", **variables)

    assert result.returncode != 0
    assert f"django.core.exceptions.ImproperlyConfigured: {named}" in result.stderr
    assert "s3cret" not in result.stderr


def test_data_dir_holds_the_database_uploads_and_collected_static_files(tmp_path):
    code = (
        "from django.conf import settings as s; "
        "print(s.DATABASES['default']['NAME'], s.MEDIA_ROOT, s.STATIC_ROOT, s.DEBUG)"
    )

    result = run_python(code, DEBUG="yes", DATA_DIR=str(tmp_path))

    assert result.returncode == 0, result.stderr
    data = tmp_path.resolve()
    assert result.stdout.split() == [
        str(data / "db.sqlite3"),
        str(data / "media"),
        str(data / "staticfiles"),
        "True",
    ]


def test_a_checkout_serves_templates_static_files_and_translations_from_its_top(settings):
    assert not settings.INSTALLED_FROM_WHEEL
    assert settings.ASSETS_DIR == ROOT
    assert settings.TEMPLATES[0]["DIRS"] == [ROOT / "templates"]
    assert settings.STATICFILES_DIRS == [ROOT / "static"]
    assert settings.LOCALE_PATHS == [ROOT / "locale"]
