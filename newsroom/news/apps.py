from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "newsroom.news"
    # The label the app had when it was the project package itself: tables and migrations stay.
    label = "newsroom"
    verbose_name = _("News")

    def ready(self):
        from newsroom.core import preview

        from .models import Article
        from .views import render_article

        preview.register(Article, render_article)
