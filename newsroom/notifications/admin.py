"""Each member of staff's own e-mail choices, under "E-mail notifications" in the admin.

Nobody needs a permission for it and nobody sees another person's: the list leads straight to
the user's own form, made with the defaults on first visit.
"""

from django.contrib import admin
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext

from .models import Preference


class PreferenceAdmin(admin.ModelAdmin):
    fields = ["language", "review_reminders", "workflow", "feedback_digest"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(user=request.user)

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_staff

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request) and (obj is None or obj.user == request.user)

    has_change_permission = has_view_permission

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        preference, _created = Preference.objects.get_or_create(user=request.user)
        return HttpResponseRedirect(
            reverse("admin:notifications_preference_change", args=[preference.pk])
        )

    def response_change(self, request, obj):
        # Saving stays on the form: there is no list of preferences to go back to.
        self.message_user(request, gettext("Your e-mail notifications are saved."))
        return HttpResponseRedirect(request.path)
