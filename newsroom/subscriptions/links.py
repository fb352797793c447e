"""The signed links in subscription mails.

- The confirmation link carries the reader's address and choices (nothing is stored before they
  confirm) and works for CONFIRM_MAX_AGE: an address never confirmed is gone after 7 days.
- The subscriber link (unsubscribe, change) names one subscription and its address: a link made
  for one address cannot act on another's, and it stops working once the address is removed.
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

CONFIRM_SALT = "newsroom.subscriptions.confirm"
SUBSCRIBER_SALT = "newsroom.subscriptions.subscriber"
CONFIRM_MAX_AGE = 7 * 24 * 60 * 60


class InvalidLink(Exception):
    pass


def make_confirmation(choices):
    return signing.dumps(choices, salt=CONFIRM_SALT, compress=True)


def read_confirmation(value):
    try:
        choices = signing.loads(value, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise InvalidLink from error
    if not isinstance(choices, dict):
        raise InvalidLink
    return choices


def make_subscriber(subscription):
    return signing.dumps(
        {"i": subscription.pk, "e": subscription.email.lower()}, salt=SUBSCRIBER_SALT
    )


def read_subscriber(value):
    """``(pk, email)`` of a subscriber link."""
    try:
        payload = signing.loads(value, salt=SUBSCRIBER_SALT)
        return int(payload["i"]), str(payload["e"])
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        raise InvalidLink from error


def absolute(name, token, language):
    with translation.override(language):
        return settings.SITE_URL + reverse(f"subscriptions:{name}", args=[token])
