from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubscriptionsConfig(AppConfig):
    name = "newsroom.subscriptions"
    label = "subscriptions"
    verbose_name = _("News by e-mail")

    def ready(self):
        from django.contrib import admin

        from .admin import SubscriptionAdmin
        from .models import Subscription

        admin.site.register(Subscription, SubscriptionAdmin)
