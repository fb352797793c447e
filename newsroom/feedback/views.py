"""The feedback endpoints: a reader's answer, then an optional comment.

No cookie is set or needed, so there is no CSRF cookie: the views are csrf_exempt and defended by
a same-origin check, signed tokens, a honeypot, a minimum time and a rate limit (antispam.py). The
rate limit counts a post only once it has passed every other check, just before it is stored.
Without JavaScript each post redirects back to the page (303, post/redirect/get) with the next
step in ``?feedback=``; with ``Accept: application/json`` the next step's HTML comes back for the
script to put in place. Every invalid input gets a clear message, never a 500.
"""

from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from . import antispam, services, tokens
from .forms import TOKEN_ERROR, AnswerForm, CommentForm, comment_step_context
from .pages import STATE_PARAMETER
from .paths import ForeignPath, normalise_path

CROSS_ORIGIN = _(
    "Your answer could not be sent from here. Open the page on our website and answer there."
)
RATE_LIMITED = _("Many answers have been sent from your connection. Please try again later.")
TOO_FAST = _("That was very quick. Wait a moment and send your answer again.")


def wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def _redirect_to_step(return_to, step, ref=""):
    parts = urlsplit(return_to)
    if parts.scheme or parts.netloc or not parts.path.startswith("/"):
        parts = urlsplit("/")
    query = parts.query + "&" if parts.query else ""
    query += urlencode({STATE_PARAMETER: tokens.make_state(step, ref)})
    response = HttpResponseRedirect(f"{parts.path}?{query}#feedback")
    response.status_code = 303
    return response


def _step_response(request, step, context, return_to, ref=""):
    """The next step: its HTML for the script, or a redirect back to the page."""
    if wants_json(request):
        html = render_to_string(f"feedback/{step}.html", context, request=request)
        return JsonResponse({"step": step, "html": html})
    return _redirect_to_step(return_to, step, ref)


def _rejected(request, message, status=400, *, return_to="", comment=None):
    """A clear message, in place for the script or as a page with a way back."""
    if wants_json(request):
        return JsonResponse({"error": str(message)}, status=status)
    context = {
        "page_title": _("Your comment was not sent") if comment else _("Your answer was not sent"),
        "message": message,
        "return_to": return_to or "/",
        "comment": comment,
        "breadcrumbs": [],
    }
    response = render(request, "feedback/rejected.html", context, status=status)
    response["Cache-Control"] = "no-store"
    return response


def _first_error(form):
    return next(iter(form.errors.values()))[0]


def _guard(request):
    """The check that comes before reading the form: the post comes from one of our pages."""
    if not antispam.is_same_origin(request):
        return _rejected(request, CROSS_ORIGIN, status=403)
    return None


@csrf_exempt
@require_POST
def answer(request):
    if rejection := _guard(request):
        return rejection
    form = AnswerForm(request.POST)
    if not form.is_valid():
        return _rejected(request, _first_error(form))
    token = form.cleaned_data["token"]
    page = token.page
    try:
        normalise_path(page.path, host=request.get_host(), language=page.language)
    except ForeignPath:
        return _rejected(request, TOKEN_ERROR)
    if page.language not in dict(settings.LANGUAGES):
        return _rejected(request, TOKEN_ERROR)
    if antispam.is_too_fast(token.rendered_at):
        return _rejected(request, TOO_FAST, return_to=page.return_to)
    if antispam.is_rate_limited(request):
        return _rejected(request, RATE_LIMITED, status=429, return_to=page.return_to)
    feedback, _created = services.feedback_create(
        submission_id=token.submission_id(antispam.client_hash(request)),
        path=page.path,
        language=page.language,
        helpful=form.cleaned_data["helpful"],
        page_type=page.page_type,
        content_type_id=page.content_type_id,
        object_id=page.object_id,
        owner_content_type_id=page.owner_content_type_id,
        owner_object_id=page.owner_object_id,
    )
    ref = tokens.make_comment_ref(feedback, page.return_to)
    with override(page.language):
        context = comment_step_context(ref, feedback.helpful)
        return _step_response(request, "comment", context, page.return_to, ref)


def _comment_rejected(request, ref, error, status=400):
    """The comment step again, with the reader's text kept for another try."""
    with override(ref.language):
        context = comment_step_context(
            request.POST["ref"],
            ref.helpful,
            comment=request.POST.get("comment", "").replace("\x00", ""),
            error=error,
        )
        return _rejected(
            request, context["error"], status, return_to=ref.return_to, comment=context
        )


@csrf_exempt
@require_POST
def comment(request):
    if rejection := _guard(request):
        return rejection
    form = CommentForm(request.POST)
    if not form.is_valid():
        ref = form.cleaned_data.get("ref")
        if ref is None:
            return _rejected(request, _first_error(form))
        return _comment_rejected(request, ref, _first_error(form))
    ref = form.cleaned_data["ref"]
    if antispam.is_rate_limited(request):
        return _comment_rejected(request, ref, RATE_LIMITED, status=429)
    feedback = services.feedback_add_comment(
        feedback_id=ref.feedback_id,
        submission_id=ref.submission_id,
        comment=form.cleaned_data["comment"],
    )
    if feedback is None:
        return _rejected(request, TOKEN_ERROR, return_to=ref.return_to)
    with override(ref.language):
        return _step_response(request, "thanks", {}, ref.return_to)
