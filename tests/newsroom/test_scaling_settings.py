"""REDIS_URL, MEDIA_STORAGE_URL and HTTP_CACHE_PURGE_URL: read strictly, refused clearly."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from newsroom import env

from .test_settings import run_python


def refusal(function, *args, **kwargs):
    with pytest.raises(ImproperlyConfigured) as error:
        function(*args, **kwargs)
    return str(error.value)


@pytest.mark.parametrize(
    "url",
    [
        "redis://127.0.0.1:6379/0",
        "redis://:pa%23ss@cache.internal:6380/3",
        "rediss://cache.example.org:6380",
        "unix:///run/redis/redis.sock?db=2",
    ],
)
def test_redis_urls_redis_py_reads_are_accepted(url):
    assert env.parse_redis_url(url) == url


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("127.0.0.1:6379", "is not a URL"),
        ("memcached://127.0.0.1:11211", "has the unknown scheme 'memcached://'"),
        ("redis://:s3cret@127.0.0.1:port/0", "is not a valid URL (is the port a number?)"),
        ("redis://:s3cret@127.0.0.1:6379/cache", "names a database that is not a number"),
        ("redis://:s3cret@/0", "names no host"),
        ("unix://", "names no socket path"),
    ],
)
def test_a_malformed_redis_url_is_refused_without_repeating_its_password(url, problem):
    message = refusal(env.parse_redis_url, url)

    assert message.startswith(f"REDIS_URL {problem}")
    assert "redis://[:password@]host:6379/0" in message
    assert "s3cret" not in message


def test_a_bucket_url_gives_django_storages_its_options_and_never_overwrites():
    options, serve = env.parse_media_storage_url(
        "s3://AKIA%2F1:se%2Bcret@news-media/uploads/site?endpoint=https://s3.example.org/"
        "&region=eu-north-1&addressing=path"
    )

    assert serve == "proxy"
    assert options == {
        "bucket_name": "news-media",
        "location": "uploads/site",
        "file_overwrite": False,
        "querystring_auth": False,
        "access_key": "AKIA/1",
        "secret_key": "se+cret",
        "endpoint_url": "https://s3.example.org",
        "region_name": "eu-north-1",
        "addressing_style": "path",
    }


def test_keys_may_come_from_the_environment_and_files_from_the_bucket_or_a_cdn():
    options, serve = env.parse_media_storage_url("s3://news-media?serve=bucket")
    assert (serve, options["bucket_name"], options["location"]) == ("bucket", "news-media", "")
    assert "access_key" not in options
    assert "custom_domain" not in options

    options, serve = env.parse_media_storage_url(
        "s3://news-media?serve=https://cdn.example.org/media/"
    )
    assert options["custom_domain"] == "cdn.example.org/media"
    assert options["url_protocol"] == "https:"


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("news-media", "is not a URL"),
        ("gs://k:s3cret@news-media", "has the unknown scheme 'gs://'"),
        ("s3://k:s3cret@Bad_Bucket", "names no valid bucket"),
        ("s3://k:s3cret@", "names no valid bucket"),
        ("s3://k:s3cret@news-media?acl=public", "has the unknown option 'acl'"),
        ("s3://k:s3cret@news-media?region=a&region=b", "repeats an option"),
        (
            "s3://k:s3cret@news-media?endpoint=ftp://h",
            "has a value of endpoint that is not an http",
        ),
        (
            "s3://k:s3cret@news-media?endpoint=http://h:port",
            "has a value of endpoint that is not a valid",
        ),
        (
            "s3://k:s3cret@news-media?serve=cdn.example.org",
            "has a value of serve that is not an http",
        ),
        ("s3://k:s3cret@news-media?addressing=dns", "has an addressing that is neither"),
        ("s3://k:s3cret@news-media?region=<script>", "has the invalid region"),
        ("s3://k:s3cret@news-media?endpoint", "is not a valid URL"),
        ("s3://k@news-media", "must give both the access key and the secret key"),
    ],
)
def test_a_malformed_bucket_url_is_refused_without_repeating_its_keys(url, problem):
    message = refusal(env.parse_media_storage_url, url)

    assert message.startswith(f"MEDIA_STORAGE_URL {problem}")
    assert "s3://[access-key:secret-key@]bucket" in message
    assert "s3cret" not in message


def test_purge_urls_are_a_comma_separated_list_of_web_addresses(monkeypatch):
    monkeypatch.setenv("HTTP_CACHE_PURGE_URL", " http://10.0.0.5:6081/ , http://10.0.0.6:6081/")
    assert env.env_http_urls("HTTP_CACHE_PURGE_URL") == [
        "http://10.0.0.5:6081/",
        "http://10.0.0.6:6081/",
    ]
    monkeypatch.setenv("HTTP_CACHE_PURGE_URL", "varnish:6081")
    assert "HTTP_CACHE_PURGE_URL has a value of address that is not an http://" in refusal(
        env.env_http_urls, "HTTP_CACHE_PURGE_URL"
    )
    monkeypatch.delenv("HTTP_CACHE_PURGE_URL")
    assert env.env_http_urls("HTTP_CACHE_PURGE_URL") == []


@pytest.mark.parametrize(
    ("variables", "named"),
    [
        ({"REDIS_URL": "redis://:s3cret@localhost:six/0"}, "REDIS_URL is not a valid URL"),
        ({"MEDIA_STORAGE_URL": "s3://k:s3cret@x"}, "MEDIA_STORAGE_URL names no valid bucket"),
        ({"HTTP_CACHE_PURGE_URL": "BAN"}, "HTTP_CACHE_PURGE_URL has a value of address"),
    ],
)
def test_django_refuses_to_start_with_a_malformed_url(variables, named):
    result = run_python("import django; django.setup()", DEBUG="1", **variables)

    assert result.returncode != 0
    assert f"django.core.exceptions.ImproperlyConfigured: {named}" in result.stderr
    assert "s3cret" not in result.stderr


def test_the_urls_switch_the_caches_to_redis_and_uploads_to_the_bucket():
    code = (
        "from django.conf import settings as s; "
        "print(s.CACHES['default']['BACKEND'], s.CACHES['pages']['LOCATION'], "
        "s.STORAGES['default']['BACKEND'], s.STORAGES['default']['OPTIONS']['bucket_name'])"
    )
    result = run_python(
        code,
        DEBUG="1",
        REDIS_URL="redis://127.0.0.1:6379/5",
        MEDIA_STORAGE_URL="s3://news-media?endpoint=http://127.0.0.1:9000",
    )

    assert result.stdout.split() == [
        "django.core.cache.backends.redis.RedisCache",
        "redis://127.0.0.1:6379/5",
        "newsroom.core.bucket.ProxiedBucketStorage",
        "news-media",
    ]


def test_by_default_one_machine_needs_none_of_them():
    code = (
        "from django.conf import settings as s; "
        "print(s.CACHES['pages']['BACKEND'], s.STORAGES['default']['BACKEND'], "
        "s.HTTP_CACHE_PURGE_URLS)"
    )
    result = run_python(code, DEBUG="1")

    assert result.stdout.split() == [
        "django.core.cache.backends.filebased.FileBasedCache",
        "django.core.files.storage.FileSystemStorage",
        "[]",
    ]
