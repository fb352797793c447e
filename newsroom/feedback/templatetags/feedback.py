"""``{% feedback_form %}``: "Was this page helpful?" at the foot of every public page.

Reads only ``request.path``, ``request.GET`` (the step after a post without JavaScript), the
active language and the optional ``object``; never the session, user or CSRF token, so the page
stays cacheable.
"""

from django import template
from django.conf import settings
from django.utils.translation import get_language

from ..forms import HONEYPOT_FIELD, comment_step_context
from ..pages import STATE_PARAMETER, page_ref
from ..paths import ForeignPath, normalise_path
from ..tokens import make_form_token, read_state

register = template.Library()


@register.inclusion_tag("feedback/form.html", takes_context=True)
def feedback_form(context):
    request = context.get("request")
    # Error pages get no form: Django's 404 handler puts the exception in the context, and
    # the 500 handler renders without a request.
    if request is None or "exception" in context:
        return {"show": False}
    language = get_language() or settings.LANGUAGE_CODE
    try:
        path = normalise_path(request.path, host=request.get_host(), language=language)
    except ForeignPath:
        return {"show": False}
    state = read_state(request.GET.get(STATE_PARAMETER, ""))
    if state and state[0] == "thanks":
        return {"show": True, "step": "thanks"}
    if state and state[0] == "comment" and state[2] is not None:
        _step, ref_value, ref = state
        return {**comment_step_context(ref_value, ref.helpful), "show": True, "step": "comment"}
    return {
        "show": True,
        "step": "question",
        "token": make_form_token(page_ref(request, path, language, context.get("object"))),
        "honeypot_field": HONEYPOT_FIELD,
    }
