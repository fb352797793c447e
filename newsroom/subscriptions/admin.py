"""Subscribers in the admin: counts for publishers, addresses for site administrators only.

The addresses need the subscription permissions, which only the Site administrator role holds;
publishers get the counts per topic and organisation. Deleting a subscription here is the GDPR
erasure: the address goes, and every recorded mail to it.
"""

from django.contrib import admin, messages
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from newsroom.editorial.scoping import can_publish

from . import registry, services
from .models import Subscription


class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ["email", "frequency", "all_news", "language", "confirmed_at"]
    list_filter = ["frequency", "all_news", "language"]
    search_fields = ["email"]
    fields = [
        "email",
        "language",
        "frequency",
        "all_news",
        "topics",
        "organisations",
        "confirmed_at",
    ]
    readonly_fields = fields
    actions = ["erase"]

    def has_add_permission(self, request):
        return False  # only readers subscribe, by confirming their own address

    def has_change_permission(self, request, obj=None):
        return False

    def has_module_permission(self, request):
        return super().has_module_permission(request) or can_publish(request.user)

    def get_urls(self):
        return [
            path(
                "counts/",
                self.admin_site.admin_view(self.counts_view),
                name="subscriptions_subscription_counts",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_permission(request):
            return HttpResponseRedirect(reverse("admin:subscriptions_subscription_counts"))
        return super().changelist_view(
            request,
            {
                "counts_url": reverse("admin:subscriptions_subscription_counts"),
                **(extra_context or {}),
            },
        )

    def counts_view(self, request):
        if not (can_publish(request.user) or self.has_view_permission(request)):
            return HttpResponseRedirect(reverse("admin:index"))
        per = {
            name: registry.model(name)
            .objects.annotate(subscribers=Count("subscriptions"))
            .filter(subscribers__gt=0)
            .order_by("-subscribers")
            for name in ("topic", "organisation")
        }
        context = {
            **self.admin_site.each_context(request),
            "title": _("News subscribers"),
            "opts": self.model._meta,
            "total": Subscription.objects.count(),
            "all_news": Subscription.objects.filter(all_news=True).count(),
            "topics": per["topic"],
            "organisations": per["organisation"],
            "may_see_addresses": self.has_view_permission(request),
        }
        return TemplateResponse(request, "subscriptions/admin/counts.html", context)

    def delete_model(self, request, obj):
        services.erase(obj.email)

    def delete_queryset(self, request, queryset):
        for email in queryset.values_list("email", flat=True):
            services.erase(email)

    @admin.action(
        description=gettext_lazy("Erase the selected addresses (GDPR)"), permissions=["delete"]
    )
    def erase(self, request, queryset):
        count = 0
        for email in list(queryset.values_list("email", flat=True)):
            count += services.erase(email)
        self.message_user(
            request,
            ngettext("%(count)d address erased.", "%(count)d addresses erased.", count)
            % {"count": count},
            messages.SUCCESS,
        )
