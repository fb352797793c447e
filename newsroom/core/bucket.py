"""Uploads in a private S3-compatible bucket, served to readers through Newsroom's /media/ view.

Only ``url()`` differs from django-storages' ``S3Storage``: the address is ours (``MEDIA_URL``),
so the bucket needs no public access and the HTTP cache in front keeps the files like any page.
"""

from urllib.parse import urljoin

from django.conf import settings
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage


class ProxiedBucketStorage(S3Storage):
    def url(self, name, parameters=None, expire=None, http_method=None):
        return urljoin(settings.MEDIA_URL, filepath_to_uri(name))
