"""Settings for Newsroom, read from environment variables (see README)."""

import datetime
import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from django_prose_editor.config import DEFAULT_MENU_GROUPS

from newsroom.core.editor_extensions import prose_editor_extensions
from newsroom.env import (
    LOG_LEVELS,
    env_bool,
    env_choice,
    env_database,
    env_directory,
    env_email,
    env_email_address,
    env_float,
    env_http_urls,
    env_int,
    env_list,
    env_site_url,
    parse_media_storage_url,
    parse_redis_url,
    sqlite_url,
)

# Templates, static files and translations: at the top of a checkout (BASE_DIR), or inside the
# package as newsroom/assets/ when installed from a wheel (setup.py puts them there).
PACKAGE_DIR = Path(__file__).resolve().parent
BASE_DIR = PACKAGE_DIR.parent
INSTALLED_FROM_WHEEL = (PACKAGE_DIR / "assets" / "templates").is_dir()
ASSETS_DIR = PACKAGE_DIR / "assets" if INSTALLED_FROM_WHEEL else BASE_DIR
# The SQLite database, uploads and collected static files, unless set one by one: DATA_DIR if
# set, else the top of a checkout, or the current working directory when installed from a wheel.
DATA_DIR = env_directory("DATA_DIR", Path.cwd() if INSTALLED_FROM_WHEEL else BASE_DIR)

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off. Generate one with: "
            "python -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
    SECRET_KEY = "insecure-development-key-only-for-debug-mode"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "modeltranslation",  # before django.contrib.admin, as it patches the admin
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_prose_editor",
    "reversion",
    "newsroom.editorial.login_protection.LoginProtectionConfig",  # django-axes
    "newsroom.editorial",
    "newsroom.core",
    "newsroom.core.images",
    "newsroom.documents",
    "newsroom.pages",
    "newsroom.feedback",
    "organisations",
    "newsroom.news",
    "events",
    "newsroom.search",
    "newsroom.notifications",
    "newsroom.subscriptions",
    "newsroom.redirects",
    "newsroom",  # the project package, for its demo command
]

MIDDLEWARE = [
    "newsroom.request_id.RequestIdMiddleware",  # first: every response and log line has the id
    "newsroom.timeouts.StatementTimeoutMiddleware",  # before anything opens a connection
    "django.middleware.security.SecurityMiddleware",
    "newsroom.security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",  # 304 for a copy that is still right
    "newsroom.core.pagecache.PageCacheMiddleware",  # readers' pages, before any database work
    "newsroom.errors.DatabaseUnavailableMiddleware",  # a database failure is a 503, not a 500
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "newsroom.admin_language.AdminLanguageMiddleware",
    # Behind the page cache (misses only) and the language (error pages speak the reader's).
    "newsroom.editorial.due.PublishDueChangesMiddleware",
    "django.middleware.common.CommonMiddleware",
    "newsroom.redirects.middleware.RedirectMiddleware",  # inside CommonMiddleware: sees 404s first
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a lockout into a clear response
]

# Body blocks in the prose editor (newsroom.core.blocks), in a toolbar group of their own.
DJANGO_PROSE_EDITOR_EXTENSIONS = prose_editor_extensions()
DJANGO_PROSE_EDITOR_MENU_GROUPS = [*DEFAULT_MENU_GROUPS, {"group": "blocks"}]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [ASSETS_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "newsroom.pages.context_processors.site",
            ],
        },
    }
]

DATABASES = {
    "default": env_database(
        "DATABASE_URL",
        sqlite_url(DATA_DIR / "db.sqlite3"),
        # Seconds a thread keeps its connection (0: one per request). A kept connection to a
        # server that stalls waits for it; a new one gives up after DATABASE_CONNECT_TIMEOUT.
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60, minimum=0),
        conn_health_checks=True,
    )
}
# A stalled or restarting database must fail a request fast (a 503, newsroom/errors.py) rather
# than hold it: seconds to open a connection, milliseconds a statement may run (0: no limit).
# Readers' requests get the short statement timeout in the connection's start-up options, at no
# cost per request; admin requests and work outside a request (commands, cron) raise it
# (newsroom/timeouts.py). SQLite waits for a lock as long as a reader's statement may run.
DATABASE_CONNECT_TIMEOUT = env_int("DATABASE_CONNECT_TIMEOUT", 3, minimum=2)
DATABASE_STATEMENT_TIMEOUT_MS = env_int("DATABASE_STATEMENT_TIMEOUT_MS", 5_000, minimum=1)
DATABASE_ADMIN_STATEMENT_TIMEOUT_MS = env_int(
    "DATABASE_ADMIN_STATEMENT_TIMEOUT_MS", 60_000, minimum=0
)
DATABASE_COMMAND_STATEMENT_TIMEOUT_MS = env_int(
    "DATABASE_COMMAND_STATEMENT_TIMEOUT_MS", 600_000, minimum=0
)
_database_options = DATABASES["default"].setdefault("OPTIONS", {})
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    _database_options.setdefault("connect_timeout", DATABASE_CONNECT_TIMEOUT)
    _database_options["options"] = " ".join(
        filter(
            None,
            [
                _database_options.get("options", ""),
                f"-c statement_timeout={DATABASE_STATEMENT_TIMEOUT_MS}",
            ],
        )
    )
else:
    _database_options.setdefault("timeout", DATABASE_STATEMENT_TIMEOUT_MS / 1000)
# Behind PgBouncer in transaction pooling mode a cursor cannot outlive its transaction: no
# server-side cursors (QuerySet.iterator() then reads in chunks on our side) unless asked for.
DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = not env_bool(
    "DATABASE_SERVER_SIDE_CURSORS", False
)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # Whole public pages (newsroom/core/pagecache.py), in files every worker on the machine
    # shares, so an editor's change invalidates them for all; PAGE_CACHE_SECONDS=0 turns it off.
    "pages": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": DATA_DIR / "cache" / "pages",
        "OPTIONS": {"MAX_ENTRIES": env_int("PAGE_CACHE_MAX_ENTRIES", 20_000, minimum=100)},
    },
}
# How long a reader's copy of a page may be kept (by us, a CDN or the browser) at most; never
# past the next scheduled publish or unpublish time. Off under DEBUG, where templates change.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 0 if DEBUG else 300, minimum=0)
# How long a worker may keep what pages show (objects, lists, content HTML: newsroom/core/memo.py)
# at most; a change of content or a scheduled time ends it sooner. Off under DEBUG, as above.
CONTENT_MEMO_SECONDS = env_int("CONTENT_MEMO_SECONDS", 0 if DEBUG else 300, minimum=0)

# Several machines (README): REDIS_URL puts every cache in Redis, shared by every instance; a
# Redis that stops answering costs a request at most the timeouts below (pages are then served
# from the database, the feedback limit counts there).
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
if REDIS_URL:
    parse_redis_url(REDIS_URL)
    try:
        import redis  # noqa: F401 -- Django's backend needs it; say so now, not on first use
    except ImportError:
        raise ImproperlyConfigured(
            "REDIS_URL is set but the redis package is missing: pip install 'newsroom[redis]'."
        ) from None
    _redis = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }
    CACHES = {
        "default": {**_redis, "KEY_PREFIX": "newsroom"},
        "pages": {**_redis, "KEY_PREFIX": "newsroom-pages"},
    }
# The HTTP caches in front (Varnish, deploy/varnish/newsroom.vcl): pages carry Surrogate-Key
# tags and a change bans exactly the tagged copies there (newsroom/core/httpcache.py).
HTTP_CACHE_PURGE_URLS = env_http_urls("HTTP_CACHE_PURGE_URL")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: the site's own (SITE_LANGUAGE, Swedish unless a Norwegian body sets nb or nn) has
# no URL prefix; the others do.
LANGUAGE_CODE = env_choice("SITE_LANGUAGE", "sv", ("sv", "nb", "nn", "en"))
LANGUAGES = [
    ("sv", _("Swedish")),
    ("nb", _("Norwegian Bokmål")),
    ("nn", _("Norwegian Nynorsk")),
    ("en", _("English")),
]
LOCALE_PATHS = [ASSETS_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Stockholm"

MODELTRANSLATION_DEFAULT_LANGUAGE = LANGUAGE_CODE
# Where a reader's language has no text, the nearest one that has: the Scandinavian languages
# read each other, English readers get the site's own language (and its neighbours) first, and
# every chain ends in all four, so an item written in any one language is never shown empty.
_NEIGHBOURS = {"sv": ("nb", "nn"), "nb": ("nn", "sv"), "nn": ("nb", "sv"), "en": ()}
_NEIGHBOURS["en"] = (LANGUAGE_CODE, *_NEIGHBOURS[LANGUAGE_CODE])
MODELTRANSLATION_FALLBACK_LANGUAGES = {
    code: tuple(
        dict.fromkeys(c for c in (*near, *_NEIGHBOURS["en"], "sv", "nb", "nn", "en") if c != code)
    )
    for code, near in {"default": (), **_NEIGHBOURS}.items()
}
# modeltranslation's admin tabs load jQuery UI from a CDN unless told otherwise.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or DATA_DIR / "staticfiles")
STATICFILES_DIRS = [ASSETS_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT") or DATA_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# MEDIA_STORAGE_URL puts uploads (images, renditions, documents) in an S3-compatible bucket.
MEDIA_STORAGE_URL = os.environ.get("MEDIA_STORAGE_URL", "").strip()
if MEDIA_STORAGE_URL:
    _bucket_options, MEDIA_SERVE = parse_media_storage_url(MEDIA_STORAGE_URL)
    try:
        import storages.backends.s3  # noqa: F401
    except ImportError:
        raise ImproperlyConfigured(
            "MEDIA_STORAGE_URL is set but django-storages is missing: pip install 'newsroom[s3]'."
        ) from None
    STORAGES["default"] = {
        "BACKEND": "newsroom.core.bucket.ProxiedBucketStorage"
        if MEDIA_SERVE == "proxy"
        else "storages.backends.s3.S3Storage",
        "OPTIONS": _bucket_options,
    }
WHITENOISE_USE_FINDERS = DEBUG
# Uploads: generous enough for a camera original, small enough to refuse abuse.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# Security. Public pages set no cookie; only the admin uses session and CSRF cookies.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 60 * 60, minimum=60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
LANGUAGE_COOKIE_NAME = "django_language"  # never set: the URL carries the language

LOGIN_URL = "admin:login"

# Admin login: django-axes locks a user name from one client address after AXES_FAILURE_LIMIT
# failures, for AXES_COOLOFF_TIME (no permanent lock). It stores the user name and address of
# failed logins only, never of readers; `manage.py axes_reset` clears them (see README).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True  # no record of successful logins
AXES_ENABLE_ACCESS_FAILURE_LOG = False
AXES_LOCKOUT_CALLABLE = "newsroom.editorial.login.lockout_response"
# Behind a reverse proxy, the number of proxies whose X-Forwarded-For may be trusted.
if (proxy_count := env_int("AXES_PROXY_COUNT", None, minimum=0)) is not None:
    AXES_IPWARE_PROXY_COUNT = proxy_count
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")

# Published articles and events get a "review by" date this many days after publishing.
REVIEW_PERIOD_DAYS = env_int("REVIEW_PERIOD_DAYS", 365, minimum=1)

# One line per record on standard error, with the request's id (newsroom/logs.py): plain text,
# or with LOG_FORMAT=json one JSON object per line for a log collector.
LOG_FORMAT = env_choice("LOG_FORMAT", "text", ("text", "json"))
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "newsroom.logs.RequestIdFilter"}},
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {"()": "newsroom.logs.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": env_choice("LOG_LEVEL", "INFO", LOG_LEVELS)},
}

# Preloading HSTS binds the whole domain and its subdomains: the operator opts in with
# SECURE_HSTS_PRELOAD=1, so Django's reminder (security.W021) is not a fault of this project.
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
if env_bool("SILENCE_HSTS_CHECK", False):  # only for plain-HTTP test servers
    SILENCED_SYSTEM_CHECKS.append("security.W004")

# Signed preview links for drafts (newsroom/core/preview.py) expire after this many seconds.
PREVIEW_MAX_AGE = env_int("PREVIEW_MAX_AGE", 7 * 24 * 60 * 60, minimum=60)

# Hosts whose players may be embedded (articles' videos, events' live streams).
# Embeds load only after the reader asks for them; until then nothing is fetched from these hosts.
EMBED_HOSTS = env_list(
    "EMBED_HOSTS", "www.youtube-nocookie.com,player.vimeo.com,video.ibm.com,play.quickchannel.com"
)

# Feedback ("Was this page helpful?"): see newsroom/feedback and the README.
FEEDBACK_RETENTION_DAYS = env_int("FEEDBACK_RETENTION_DAYS", 90, minimum=1)  # comment text
FEEDBACK_COMMENT_MAX_LENGTH = 1000
FEEDBACK_MIN_SECONDS = env_float("FEEDBACK_MIN_SECONDS", 2, minimum=0)  # render to answer
FEEDBACK_TOKEN_MAX_AGE = 14 * 24 * 60 * 60  # longer than any cached copy of a page lives
FEEDBACK_RATE_LIMIT = env_int("FEEDBACK_RATE_LIMIT", 30, minimum=1)  # posts per client and window
FEEDBACK_RATE_WINDOW = 10 * 60  # seconds
FEEDBACK_SPAM_LINKS = 3  # a comment with this many links is marked as spam
# Behind a reverse proxy that sets it, the META key holding the client address for the rate
# limit, e.g. HTTP_X_FORWARDED_FOR. Leave empty otherwise: the header could be forged.
FEEDBACK_CLIENT_IP_HEADER = os.environ.get("FEEDBACK_CLIENT_IP_HEADER", "")
# The same comment on the same page within this many seconds is kept once; repeats are duplicates.
FEEDBACK_DUPLICATE_SECONDS = env_int("FEEDBACK_DUPLICATE_SECONDS", 5 * 60, minimum=0)

# After logging in, without a safe "next", editors land on the admin's home page.
LOGIN_REDIRECT_URL = "admin:index"

# The 503 page, shown while the database cannot be used, renders without it: the site's name
# and the organisation's phone and e-mail come from here (newsroom/errors.py, README).
SITE_NAME = os.environ.get("SITE_NAME", "").strip() or "Newsroom"
SITE_CONTACT_PHONE = os.environ.get("SITE_CONTACT_PHONE", "").strip()
SITE_CONTACT_EMAIL = os.environ.get("SITE_CONTACT_EMAIL", "").strip()
_mailbox, _at, _domain = SITE_CONTACT_EMAIL.partition("@")
if SITE_CONTACT_EMAIL and (
    not _mailbox
    or "@" in _domain
    or "." not in _domain.strip(".")
    or any(character in SITE_CONTACT_EMAIL for character in ' ,;:<>"')
):
    raise ImproperlyConfigured(
        "SITE_CONTACT_EMAIL must be an e-mail address such as info@example.org, or empty; "
        f"got {SITE_CONTACT_EMAIL!r}."
    )
# Seconds a reader is asked to wait before trying again (the Retry-After of a 503).
UNAVAILABLE_RETRY_AFTER = env_int("UNAVAILABLE_RETRY_AFTER", 30, minimum=1)

# E-mail (newsroom/notifications): EMAIL_URL picks the server; unset, mails are printed to
# standard output (the console backend), so `make run` shows them in the terminal.
globals().update(env_email("EMAIL_URL"))
DEFAULT_FROM_EMAIL = env_email_address(
    "DEFAULT_FROM_EMAIL", SITE_CONTACT_EMAIL or "webmaster@localhost"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Failed attempts after which a refused mail is given up; seconds after which a mail claimed by a
# run that died is sent by the next; days the record of a sent mail is kept.
NOTIFICATION_MAX_ATTEMPTS = env_int("NOTIFICATION_MAX_ATTEMPTS", 5, minimum=1)
NOTIFICATION_CLAIM_SECONDS = 10 * 60
NOTIFICATION_RETENTION_DAYS = env_int("NOTIFICATION_RETENTION_DAYS", 30, minimum=1)
# The address links in mails lead to, e.g. https://www.example.org (no path). Unset: under DEBUG
# http://127.0.0.1:8000, otherwise the first of ALLOWED_HOSTS over https.
# Staff password resets asked for per client address, and per address, in an hour.
PASSWORD_RESET_RATE_LIMIT = env_int("PASSWORD_RESET_RATE_LIMIT", 5, minimum=1)
# Seconds a password reset or invitation link works (Django's default: 3 days).
PASSWORD_RESET_TIMEOUT = env_int("PASSWORD_RESET_TIMEOUT", 3 * 24 * 60 * 60, minimum=600)
SITE_URL = env_site_url(
    "SITE_URL",
    "http://127.0.0.1:8000" if DEBUG or not ALLOWED_HOSTS else f"https://{ALLOWED_HOSTS[0]}",
)
