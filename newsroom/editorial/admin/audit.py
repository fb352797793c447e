"""The audit log's admin: read-only, for whoever holds ``view_auditentry`` (site administrators).

Registered by ``EditorialConfig.ready()``, so importing the admin building blocks registers
nothing.
"""

from django.contrib import admin
from django.contrib.admin.utils import quote
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .readonly import ReadOnlyAdminMixin


class AuditEntryAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["created", "username", "action", "object_link", "content_type"]
    list_filter = ["action", "content_type"]
    search_fields = ["username", "object_repr"]
    date_hierarchy = "created"
    list_select_related = ["content_type"]

    @admin.display(description=_("object"), ordering="object_repr")
    def object_link(self, obj):
        model = obj.content_type.model_class()
        if model is None or not self.admin_site.is_registered(model):
            return obj.object_repr
        url = reverse(
            f"{self.admin_site.name}:{model._meta.app_label}_{model._meta.model_name}_change",
            args=[quote(obj.object_id)],
        )
        return format_html('<a href="{}">{}</a>', url, obj.object_repr)
