"""Embedded players (videos, live streams) only from the hosts in ``settings.EMBED_HOSTS``.

Embeds load only after the reader asks for them; until then nothing is fetched from these hosts.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def is_embeddable(url):
    """Whether ``url`` is an https player on a host the site allows to be embedded."""
    parts = urlsplit(url)
    return parts.scheme == "https" and parts.hostname in settings.EMBED_HOSTS


def validate_embed_url(value):
    if not is_embeddable(value):
        raise ValidationError(
            _("Videos can only be embedded over https from these hosts: %(hosts)s."),
            params={"hosts": ", ".join(settings.EMBED_HOSTS)},
            code="embed_host",
        )
