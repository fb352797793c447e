"""The reader's side of news by e-mail. No cookie is set or needed (the subscribe form is on
cached public pages): the posts are csrf_exempt and defended as the feedback form is — a
same-origin check, a signed form token, a honeypot, a minimum time and the shared rate limit
(``newsroom.feedback.antispam``). Links from mails carry signed tokens; following one changes
nothing until its page's button is pressed (mail scanners follow links), except the RFC 8058
one-click POST a mail client sends to the unsubscribe address.
"""

from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from newsroom.feedback import antispam
from newsroom.feedback.views import CROSS_ORIGIN, RATE_LIMITED, TOO_FAST

from . import links, services
from .forms import ChangeForm, SubscribeForm

LINK_ERROR = _("This link has expired or could not be read. Subscribe again from the news page.")


def _page(request, template, context=None, status=200):
    context = {"breadcrumbs": [], **(context or {})}
    response = render(request, f"subscriptions/{template}.html", context, status=status)
    response["Cache-Control"] = "no-store"
    return response


def _message(request, title, message, status=200):
    return _page(request, "message", {"page_title": title, "message": message}, status)


def _refused(request, message, status=400):
    return _message(request, _("You are not subscribed yet"), message, status)


@csrf_exempt
@require_POST
def subscribe(request):
    if not antispam.is_same_origin(request):
        return _refused(request, CROSS_ORIGIN, status=403)
    form = SubscribeForm(request.POST)
    if not form.is_valid():
        return _page(
            request,
            "rejected",
            {"page_title": _("You are not subscribed yet"), "form": form},
            status=400,
        )
    if antispam.is_too_fast(form.cleaned_data["token"].rendered_at):
        return _refused(request, TOO_FAST)
    if antispam.is_rate_limited(request):
        return _refused(request, RATE_LIMITED, status=429)
    services.request_subscription(form.choices())
    return _redirect(reverse("subscriptions:sent"))


def sent(request):
    return _message(
        request,
        _("Check your inbox"),
        _(
            "If the address is right, we have sent you an e-mail with a link. Follow it within "
            "7 days to confirm your subscription; until then we send you nothing else."
        ),
    )


@csrf_exempt
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    try:
        choices = links.read_confirmation(token)
    except links.InvalidLink:
        return _refused(request, LINK_ERROR, status=404)
    if request.method == "GET":
        return _page(
            request,
            "confirm",
            {"page_title": _("Confirm your subscription"), "email": choices.get("email", "")},
        )
    if not antispam.is_same_origin(request):
        return _refused(request, CROSS_ORIGIN, status=403)
    subscription = services.confirm(choices)
    token = links.make_subscriber(subscription)
    return _redirect(reverse("subscriptions:change", args=[token]) + "?confirmed=1")


def _subscriber_or_gone(request, token):
    try:
        subscription = services.subscriber(token)
    except links.InvalidLink:
        return None, _message(request, _("Link not valid"), LINK_ERROR, status=404)
    if subscription is None:
        return None, _message(
            request,
            _("You are not subscribed"),
            _("This address receives no news from us."),
        )
    return subscription, None


@csrf_exempt
@require_http_methods(["GET", "POST"])
def change(request, token):
    subscription, gone = _subscriber_or_gone(request, token)
    if gone:
        return gone
    if request.method == "POST" and not antispam.is_same_origin(request):
        return _message(request, _("Not saved"), CROSS_ORIGIN, status=403)
    form = ChangeForm(request.POST or None, instance=subscription)
    if request.method == "POST" and form.is_valid():
        form.save()
        return _redirect(request.path + "?saved=1")
    context = {
        "page_title": _("Your news subscription"),
        "form": form,
        "subscription": subscription,
        "token": token,
        "confirmed": "confirmed" in request.GET,
        "saved": "saved" in request.GET,
    }
    return _page(request, "change", context, status=400 if form.errors else 200)


def _redirect(url):
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return response


@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    subscription, gone = _subscriber_or_gone(request, token)
    if gone:
        return gone
    if request.method == "GET":
        return _page(
            request, "unsubscribe", {"page_title": _("Unsubscribe"), "email": subscription.email}
        )
    # A mail client's one-click POST (RFC 8058) comes from no page of ours; the signed link
    # alone authorises it, and it can only remove the address it was made for.
    services.erase(subscription.email)
    return _message(
        request,
        _("You are unsubscribed"),
        _("We have deleted your address and will send you no more news."),
    )
