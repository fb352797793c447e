"""Strict reading of the environment variables that configure Newsroom (see README).

A value that cannot be read stops the process with ImproperlyConfigured, naming the variable
and what it accepts: a typo such as ``DEBUG=ture`` must not quietly mean "off". An unset or
empty variable means its default. Values that may hold a secret are never repeated in the
message.
"""

import math
import os
import re
from email.utils import parseaddr
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote, urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

TRUE = ("1", "true", "yes", "on")
FALSE = ("0", "false", "no", "off")
BOOLEANS = "1/0, true/false, yes/no or on/off (any case), or empty for the default"

# The databases Newsroom is built and tested for, by URL scheme.
DATABASE_SCHEMES = {
    "sqlite": "sqlite",
    "postgres": "postgresql",
    "postgresql": "postgresql",
    "pgsql": "postgresql",
}
DATABASE_FORMS = (
    "sqlite:///relative/path.sqlite3, sqlite:////absolute/path.sqlite3 or "
    "postgres://user:password@host:5432/name (also postgresql:// or pgsql://)"
)

LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")

_INTEGER = re.compile(r"[+-]?[0-9]+")
_EMAIL_ADDRESS = re.compile(r"[^@\s<>,;:\"]+@[^@\s<>,;:\"]+\.[^@\s<>,;:\".]+")


def _value(name):
    """The variable's value without surrounding blanks; "" when unset."""
    return os.environ.get(name, "").strip()


def env_bool(name, default):
    value = _value(name)
    if not value:
        return default
    if value.lower() in TRUE:
        return True
    if value.lower() in FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be {BOOLEANS}; got {value!r}.")


def _number(name, default, parse, kind, minimum, maximum):
    value = _value(name)
    if not value:
        return default
    number = parse(value)
    if (
        number is None
        or (minimum is not None and number < minimum)
        or (maximum is not None and number > maximum)
    ):
        if minimum is not None:
            kind += f" of at least {minimum}"
        if maximum is not None:
            kind += f"{' and' if minimum is not None else ' of'} at most {maximum}"
        raise ImproperlyConfigured(
            f"{name} must be {kind}, or empty for the default; got {value!r}."
        )
    return number


def _int(value):
    return int(value) if _INTEGER.fullmatch(value) else None


def _float(value):
    try:
        number = float(value)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def env_int(name, default, *, minimum=None, maximum=None):
    """A whole number such as ``300``; ``default`` (which may be None) when unset or empty."""
    return _number(name, default, _int, "a whole number", minimum, maximum)


def env_float(name, default, *, minimum=None, maximum=None):
    """A number such as ``2`` or ``1.5``; ``default`` when unset or empty."""
    return _number(name, default, _float, "a number (such as 2 or 1.5)", minimum, maximum)


def env_directory(name, default):
    """An existing directory, made absolute; ``default`` (not checked) when unset or empty."""
    value = _value(name)
    if not value:
        return Path(default).resolve()
    path = Path(value).expanduser().resolve()
    if not path.is_dir():
        raise ImproperlyConfigured(f"{name} must be an existing directory; got {value!r}.")
    return path


def env_list(name, default=""):
    """Comma-separated items, blanks around them dropped: ``a.example, b.example``."""
    value = os.environ.get(name)
    if value is None or not value.strip():
        value = default
    if not isinstance(value, str):
        return list(value)
    return [item.strip() for item in value.split(",") if item.strip()]


def env_choice(name, default, choices):
    """One of ``choices``, in any case; returned as spelled in ``choices``."""
    value = _value(name)
    if not value:
        return default
    for choice in choices:
        if value.lower() == choice.lower():
            return choice
    raise ImproperlyConfigured(
        f"{name} must be one of {', '.join(choices)}, or empty for the default; got {value!r}."
    )


def split_url(url, refuse, problem="is not a valid URL (is the port a number?)"):
    """``urlsplit(url)``, its port checked; ``refuse(problem)`` is raised when it is malformed."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 -- raises ValueError for a port that is not a number
    except ValueError:
        raise refuse(problem) from None
    return parts


def parse_database_url(url, *, name="DATABASE_URL", **options):
    """Django's DATABASES entry for an SQLite or PostgreSQL URL; ``options`` as dj-database-url.

    The URL may hold a password: messages name its scheme at most.
    """

    def refuse(problem):
        return ImproperlyConfigured(f"{name} {problem}; accepted: {DATABASE_FORMS}.")

    parts = split_url(url, refuse)
    scheme = parts.scheme.lower()
    if "://" not in url or not scheme:
        raise refuse("is not a database URL")
    if scheme not in DATABASE_SCHEMES:
        raise refuse(f"has the unknown scheme {scheme + '://'!r}")
    if DATABASE_SCHEMES[scheme] == "postgresql" and not parts.path.strip("/"):
        raise refuse("names no database (the path after the host)")
    try:
        config = dj_database_url.parse(url, **options)
    except ValueError:
        raise refuse("could not be read (are special characters percent-encoded?)") from None
    if not config.get("NAME"):
        raise refuse("names no database")
    return config


def sqlite_url(path):
    """The URL of an SQLite database file, whatever characters its path holds."""
    return "sqlite:///" + quote(str(Path(path).resolve()))


def env_database(name="DATABASE_URL", default="", **options):
    """The database of ``name`` (or of the ``default`` URL when it is unset or empty)."""
    url = _value(name)
    if url:
        return parse_database_url(url, name=name, **options)
    return parse_database_url(default, name=f"The default for {name}", **options)


# Beyond one machine (README "Several machines"): Redis, object storage, HTTP cache purges.

REDIS_FORMS = "redis://[:password@]host:6379/0, rediss://… (TLS) or unix:///path/to/redis.sock?db=0"


def parse_redis_url(url, *, name="REDIS_URL"):
    """Check a Redis URL as redis-py reads it; returns it unchanged. Never repeats a password."""

    def refuse(problem):
        return ImproperlyConfigured(f"{name} {problem}; accepted: {REDIS_FORMS}.")

    parts = split_url(url, refuse)
    scheme = parts.scheme.lower()
    if "://" not in url or scheme not in ("redis", "rediss", "unix"):
        raise refuse(f"has the unknown scheme {scheme + '://'!r}" if scheme else "is not a URL")
    if scheme == "unix":
        if not parts.path:
            raise refuse("names no socket path")
        return url
    if not parts.hostname:
        raise refuse("names no host")
    database = parts.path.strip("/")
    if database and not database.isdigit():
        raise refuse("names a database that is not a number (the path after the host)")
    return url


STORAGE_FORMS = (
    "s3://[access-key:secret-key@]bucket[/prefix][?endpoint=https://s3.example.org"
    "&region=eu-north-1&addressing=path|virtual&serve=proxy|bucket|https://cdn.example.org/media]"
)
STORAGE_OPTIONS = ("endpoint", "region", "addressing", "serve")


def parse_media_storage_url(url, *, name="MEDIA_STORAGE_URL"):
    """django-storages' S3 options for a bucket URL, and how readers get the files.

    ``serve``: ``proxy`` (the default: through Newsroom's /media/ view, for a private bucket),
    ``bucket`` (the bucket's own public address) or a base URL (a CDN in front of the bucket).
    Keys may also come from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, as boto3 reads them.
    Returns ``(options, serve)``; messages never repeat a key.
    """

    def refuse(problem):
        return ImproperlyConfigured(f"{name} {problem}; accepted: {STORAGE_FORMS}.")

    try:
        parts = urlsplit(url)
        query = parse_qs(parts.query, keep_blank_values=True, strict_parsing=bool(parts.query))
    except ValueError:
        raise refuse("is not a valid URL") from None
    if "://" not in url or parts.scheme.lower() != "s3":
        raise refuse(
            f"has the unknown scheme {parts.scheme + '://'!r}" if parts.scheme else "is not a URL"
        )
    bucket = parts.hostname or ""
    if not re.fullmatch(r"[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]", bucket):
        raise refuse("names no valid bucket (3 to 63 lower-case letters, digits, dots, hyphens)")
    unknown = sorted(set(query) - set(STORAGE_OPTIONS))
    if unknown:
        raise refuse(f"has the unknown option {unknown[0]!r}")
    if any(len(values) > 1 for values in query.values()):
        raise refuse("repeats an option")
    option = {key: values[0].strip() for key, values in query.items()}
    if (parts.username is None) != (parts.password is None):
        raise refuse("must give both the access key and the secret key, or neither")
    options = {
        "bucket_name": bucket,
        "location": parts.path.strip("/"),
        # Never overwrite: a name already taken gets another, as on the file system.
        "file_overwrite": False,
        "querystring_auth": False,
    }
    if parts.username is not None:
        options["access_key"] = unquote(parts.username)
        options["secret_key"] = unquote(parts.password)
    if endpoint := option.get("endpoint"):
        _web_url(endpoint, refuse, "endpoint")
        options["endpoint_url"] = endpoint.rstrip("/")
    if region := option.get("region"):
        if not re.fullmatch(r"[a-z0-9-]{2,40}", region):
            raise refuse(f"has the invalid region {region!r}")
        options["region_name"] = region
    if addressing := option.get("addressing"):
        if addressing not in ("path", "virtual"):
            raise refuse("has an addressing that is neither path nor virtual")
        options["addressing_style"] = addressing
    serve = option.get("serve") or "proxy"
    if serve not in ("proxy", "bucket"):
        cdn = _web_url(serve, refuse, "serve")
        options["custom_domain"] = (cdn.netloc + cdn.path).rstrip("/")
        options["url_protocol"] = f"{cdn.scheme}:"
    return options, serve


def _web_url(value, refuse, option):
    parts = split_url(value, refuse, f"has a value of {option} that is not a valid URL")
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query:
        raise refuse(f"has a value of {option} that is not an http:// or https:// address")
    return parts


def env_http_urls(name):
    """Comma-separated http:// or https:// addresses, e.g. of the HTTP caches to purge."""
    urls = env_list(name)

    def refuse(problem):
        return ImproperlyConfigured(
            f"{name} {problem}; accepted: comma-separated addresses such as "
            "http://127.0.0.1:6081/, or empty for none."
        )

    for url in urls:
        _web_url(url, refuse, "address")
    return urls


# E-mail by URL scheme: the backend, and whether the connection is encrypted from the start
# (implicit TLS, port 465) or upgraded with STARTTLS (port 587).
EMAIL_SCHEMES = {
    "smtp": {"EMAIL_USE_TLS": False, "EMAIL_USE_SSL": False},
    "smtp+tls": {"EMAIL_USE_TLS": True, "EMAIL_USE_SSL": False},
    "smtps": {"EMAIL_USE_TLS": False, "EMAIL_USE_SSL": True},
    "smtp+ssl": {"EMAIL_USE_TLS": False, "EMAIL_USE_SSL": True},
}
EMAIL_DEFAULT_PORTS = {"smtp": 25, "smtp+tls": 587, "smtps": 465, "smtp+ssl": 465}
EMAIL_FORMS = (
    "console:// (print mails), smtp://host:25, smtp+tls://user:password@host:587 (STARTTLS) or "
    "smtps://user:password@host:465 (also smtp+ssl://), optionally ?timeout=seconds"
)


def parse_email_url(url, *, name="EMAIL_URL"):
    """Django's EMAIL_* settings for an e-mail URL; the password is never repeated in a message."""

    def refuse(problem):
        return ImproperlyConfigured(f"{name} {problem}; accepted: {EMAIL_FORMS}.")

    parts = split_url(url, refuse)
    port = parts.port
    scheme = parts.scheme.lower()
    if "://" not in url or not scheme:
        raise refuse("is not an e-mail URL")
    if scheme == "console":
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    if scheme not in EMAIL_SCHEMES:
        raise refuse(f"has the unknown scheme {scheme + '://'!r}")
    if not parts.hostname:
        raise refuse("names no host")
    if parts.path not in ("", "/") or parts.fragment:
        raise refuse("has a path; only the host, port, user and password are read")
    config = {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parts.hostname,
        "EMAIL_PORT": port or EMAIL_DEFAULT_PORTS[scheme],
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_TIMEOUT": 30,
        **EMAIL_SCHEMES[scheme],
    }
    for key, values in parse_qs(parts.query, keep_blank_values=True).items():
        if key != "timeout" or len(values) != 1:
            raise refuse(f"has the unknown or repeated option {key!r}")
        timeout = _int(values[0])
        if timeout is None or timeout < 1:
            raise refuse(f"has timeout={values[0]!r}; it must be a whole number of seconds")
        config["EMAIL_TIMEOUT"] = timeout
    return config


def env_email(name="EMAIL_URL"):
    """The e-mail settings of ``name``; unset or empty prints mails (the console backend)."""
    return parse_email_url(_value(name) or "console://", name=name)


def env_email_address(name, default):
    """A sender such as ``news@example.org`` or ``Newsroom <news@example.org>``."""
    value = _value(name)
    if not value:
        return default
    _display_name, address = parseaddr(value)
    if (
        not address
        or any(character in value for character in "\r\n\x00,;")  # one address, one line
        or not _EMAIL_ADDRESS.fullmatch(address)
    ):
        raise ImproperlyConfigured(
            f"{name} must be an e-mail address such as news@example.org or "
            f"Newsroom <news@example.org>, or empty for the default; got {value!r}."
        )
    return value


def env_site_url(name, default):
    """The site's address for links in mails: ``https://www.example.org``, without a path."""
    value = _value(name).rstrip("/") or default

    def refuse(_problem=None):
        return ImproperlyConfigured(
            f"{name} must be the site's address such as https://www.example.org (no path); "
            f"got {value!r}."
        )

    parts = split_url(value, refuse)
    if (
        parts.scheme not in ("http", "https")
        or not parts.hostname
        or (parts.path or parts.query or parts.fragment or parts.username)
    ):
        raise refuse()
    return value
