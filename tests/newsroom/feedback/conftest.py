import re

import pytest
from django.urls import reverse
from django.utils.translation import override

TOKEN = re.compile(r'name="token" value="([^"]+)"')
REF = re.compile(r'name="ref" value="([^"]+)"')
ORIGIN = "http://testserver"


def endpoint(name, language="sv"):
    """The endpoint's URL: its URL word may be translated."""
    with override(language):
        return reverse(f"feedback:{name}")


@pytest.fixture(autouse=True)
def _feedback_settings(settings):
    """No waiting in tests; the timing rule has its own test."""
    settings.FEEDBACK_MIN_SECONDS = 0
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast logins


def form_token(client, url="/"):
    response = client.get(url)
    assert response.status_code == 200
    return TOKEN.search(response.content.decode()).group(1)


def post_answer(
    client,
    token,
    helpful="yes",
    *,
    json=False,
    url=None,
    remote_addr="127.0.0.1",
    headers=None,
    **data,
):
    headers = {"Origin": ORIGIN, **(headers or {})}
    if json:
        headers["Accept"] = "application/json"
    data = {"token": token, "helpful": helpful, "fb_leave_empty": "", **data}
    return client.post(url or endpoint("answer"), data, headers=headers, REMOTE_ADDR=remote_addr)


def post_comment(client, ref, comment, *, json=False, headers=None, **data):
    headers = {"Origin": ORIGIN, **(headers or {})}
    if json:
        headers["Accept"] = "application/json"
    data = {"ref": ref, "comment": comment, "fb_leave_empty": "", **data}
    return client.post(endpoint("comment"), data, headers=headers)
