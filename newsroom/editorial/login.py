"""What a locked-out admin login sees (django-axes' AXES_LOCKOUT_CALLABLE)."""

import math

from django.conf import settings
from django.contrib import admin
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _


def lockout_response(request, original_response=None, credentials=None):
    minutes = math.ceil(settings.AXES_COOLOFF_TIME.total_seconds() / 60)
    context = {
        **admin.site.each_context(request),
        "title": _("Too many failed logins"),
        "minutes": minutes,
    }
    return render(
        request, "editorial/lockout.html", context, status=settings.AXES_HTTP_RESPONSE_CODE
    )
