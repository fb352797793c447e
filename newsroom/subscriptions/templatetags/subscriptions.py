"""``{% subscription_form topic=… organisation=… %}``: "News by e-mail" on public pages.

Like the feedback form it reads no session, user or CSRF token, so the page stays cacheable;
its signed form token is the feedback form's, renewed for each reader by the page cache.
"""

from django import template
from django.conf import settings
from django.utils.translation import get_language

from newsroom.feedback.forms import HONEYPOT_FIELD
from newsroom.feedback.tokens import PageRef, make_form_token

from ..models import Subscription

register = template.Library()


@register.inclusion_tag("subscriptions/form.html", takes_context=True)
def subscription_form(context, topic=None, organisation=None):
    request = context.get("request")
    if request is None:
        return {"show": False}
    language = get_language() or settings.LANGUAGE_CODE
    page = PageRef(
        path=request.path, return_to=request.path, language=language, page_type="subscriptions.form"
    )
    return {
        "show": True,
        "language": language,
        "token": make_form_token(page),
        "honeypot_field": HONEYPOT_FIELD,
        "topic": topic,
        "organisation": organisation,
        "frequencies": Subscription.Frequency.choices,
        "default_frequency": Subscription.Frequency.DAILY,
    }
