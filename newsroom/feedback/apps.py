from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "newsroom.feedback"
    label = "feedback"
    verbose_name = _("Feedback")

    def ready(self):
        from newsroom.core import pagecache

        from .cached_pages import is_own_step, refresh_form_tokens

        pagecache.on_hit(refresh_form_tokens)
        pagecache.skip_if(is_own_step)
